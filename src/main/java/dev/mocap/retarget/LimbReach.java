package dev.mocap.retarget;

import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.TwoBoneIk;
import dev.mocap.body.Vec3;

/**
 * {@link TwoBoneIk} on one limb (hip–knee–ankle or shoulder–elbow–wrist) of a posed target, on its
 * world rotations and positions, the hand or foot keeping its world rotation (a straight limb
 * only swings). Rotation transfer alone copies every bone's direction, but where the upper and lower
 * bone lengths are in a different ratio than in the source, a bent limb's end lands elsewhere;
 * the goal puts it where the source's is, relative to the limb root and scaled by {@code scale},
 * the ratio of limb lengths. A planted foot is pulled instead towards an anchor in the world
 * (see {@link #follow}). Target bones first, then the source's root and end joints.
 */
record LimbReach(int root, int middle, int end, int sourceRoot, int sourceEnd, double scale) {
    /** Keeps the limb 0.1 mm short of fully straight or folded, where the bend direction would be lost. */
    private static final TwoBoneIk IK = new TwoBoneIk(0, 1e-4, 1e-4);

    /**
     * Turns the world rotations (and positions) of the limb's bones and everything below them to
     * follow the source's reach, or with {@code anchorWeight} > 0 towards {@code anchor} (fully at 1).
     */
    void follow(Skeleton skeleton, Quat[] world, Vec3[] positions, Vec3[] sourcePositions, Vec3 anchor, double anchorWeight) {
        Quat[] handOrFoot = world.clone();
        Vec3[] handOrFootPositions = positions.clone();
        Vec3 r = positions[root];
        Vec3 reach = r.plus(sourcePositions[sourceEnd].minus(sourcePositions[sourceRoot]).times(scale));
        Vec3 goal = anchorWeight > 0 ? reach.lerp(anchor, anchorWeight) : reach;
        TwoBoneIk.Turns turns = IK.solve(r, positions[middle], positions[end], goal, null);
        turnBelow(skeleton, world, positions, middle, turns.bend());
        turnBelow(skeleton, world, positions, root, turns.swing());
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
}
