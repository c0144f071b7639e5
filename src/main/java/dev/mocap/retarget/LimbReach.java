package dev.mocap.retarget;

import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;

/**
 * Two-bone IK on one limb (hip–knee–ankle or shoulder–elbow–wrist) of a posed target: bends the
 * middle joint in its current plane and swings the limb from its root so that the end lands at
 * a goal, the hand or foot keeping its world rotation. Rotation transfer alone copies every bone's direction, but where the upper and lower
 * bone lengths are in a different ratio than in the source, a bent limb's end lands elsewhere;
 * the goal puts it where the source's is, relative to the limb root and scaled by {@code scale},
 * the ratio of limb lengths. A planted foot is pulled instead towards an anchor in the world
 * (see {@link #follow}). Target bones first, then the source's root and end joints.
 */
record LimbReach(int root, int middle, int end, int sourceRoot, int sourceEnd, double scale) {
    /** Keeps the limb short of fully straight, where the bend direction would be lost. */
    private static final double STRAIGHT_MARGIN = 1e-4;

    /**
     * Turns the world rotations (and positions) of the limb's bones and everything below them to
     * follow the source's reach, or with {@code anchorWeight} > 0 towards {@code anchor} (fully at 1).
     */
    void follow(Skeleton skeleton, Quat[] world, Vec3[] positions, Vec3[] sourcePositions, Vec3 anchor, double anchorWeight) {
        Quat[] handOrFoot = world.clone();
        Vec3[] handOrFootPositions = positions.clone();
        Vec3 r = positions[root], m = positions[middle], e = positions[end];
        Vec3 reach = r.plus(sourcePositions[sourceEnd].minus(sourcePositions[sourceRoot]).times(scale));
        Vec3 goal = anchorWeight > 0 ? reach.lerp(anchor, anchorWeight) : reach;
        double upper = m.distance(r), lower = e.distance(m);
        double wanted = Math.max(Math.abs(upper - lower) + STRAIGHT_MARGIN, Math.min(goal.distance(r), upper + lower - STRAIGHT_MARGIN));
        Vec3 toRoot = r.minus(m), toEnd = e.minus(m);
        Vec3 axis = toRoot.cross(toEnd);
        if (axis.length() > 1e-9 * upper * lower) {
            double now = Math.acos(clamp(toRoot.dot(toEnd) / (upper * lower)));
            double bent = Math.acos(clamp((upper * upper + lower * lower - wanted * wanted) / (2 * upper * lower)));
            turnBelow(skeleton, world, positions, middle, Quat.axisAngle(axis, bent - now));
        }
        turnBelow(skeleton, world, positions, root, Quat.between(positions[end].minus(r), goal.minus(r)));
        keepOrientationBelow(skeleton, world, positions, handOrFoot, handOrFootPositions);
    }

    /** Puts the bones from the limb's end down back into their world rotations: IK moves a hand or foot, it does not turn it. */
    private void keepOrientationBelow(Skeleton skeleton, Quat[] world, Vec3[] positions, Quat[] rotationsBefore, Vec3[] positionsBefore) {
        for (int b = end; b < world.length; b++) {
            if (b == end || isBelow(skeleton, b, end)) {
                world[b] = rotationsBefore[b];
                positions[b] = positions[end].plus(positionsBefore[b].minus(positionsBefore[end]));
            }
        }
    }

    /** Turns a bone and all bones below it about the bone's joint. */
    private static void turnBelow(Skeleton skeleton, Quat[] world, Vec3[] positions, int bone, Quat turn) {
        Vec3 pivot = positions[bone];
        for (int b = bone; b < world.length; b++) {
            if (b == bone || isBelow(skeleton, b, bone)) {
                world[b] = turn.times(world[b]).normalized();
                positions[b] = pivot.plus(turn.rotate(positions[b].minus(pivot)));
            }
        }
    }

    private static boolean isBelow(Skeleton skeleton, int bone, int ancestor) {
        for (int b = skeleton.parent(bone); b >= 0; b = skeleton.parent(b)) {
            if (b == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static double clamp(double cosine) {
        return Math.max(-1, Math.min(1, cosine));
    }
}
