package dev.mocap.body;

/**
 * Analytic two-bone IK (hip–knee–ankle, shoulder–elbow–wrist): bends the middle joint in the
 * limb's current plane until root–end distance matches the goal's, then swings the limb about
 * its root by the smallest turn that puts the end on the goal, so the middle joint keeps
 * pointing where it pointed. Bone lengths are kept. A goal out of reach gets the nearest
 * reachable distance: the limb stays {@code relativeMargin} (a fraction of its length) plus
 * {@code straightMargin} (metres) short of fully straight, where the bending plane would be lost,
 * and the same fraction plus {@code foldMargin} short of fully folded, where the end would sit
 * on the root.
 */
public record TwoBoneIk(double relativeMargin, double straightMargin, double foldMargin) {

    /** The world turns that reach the goal: {@code bend} about the middle joint, then {@code swing} about the root. */
    public record Turns(Quat bend, Quat swing) {
    }

    /** The farthest the end gets from the root, for bones of these lengths. */
    public double longest(double upper, double lower) {
        return (upper + lower) * (1 - relativeMargin) - straightMargin;
    }

    private double shortest(double upper, double lower) {
        return Math.abs(upper - lower) * (1 + relativeMargin) + foldMargin;
    }

    /**
     * The turns that put {@code end} on {@code goal}, all in world positions. A straight limb
     * has no bending plane: it bends about {@code straightAxis}, or with null stays straight and
     * only swings.
     */
    public Turns solve(Vec3 root, Vec3 middle, Vec3 end, Vec3 goal, Vec3 straightAxis) {
        Vec3 upper = middle.minus(root), lower = end.minus(middle);
        double u = upper.length(), l = lower.length();
        double distance = Math.max(shortest(u, l), Math.min(goal.distance(root), longest(u, l)));
        Vec3 axis = upper.cross(lower);
        if (axis.length() < 1e-9 * u * l) {
            axis = straightAxis;
        }
        Quat bend = Quat.IDENTITY;
        if (axis != null) {
            double now = Math.atan2(upper.cross(lower).length(), upper.dot(lower));
            double cosInner = (u * u + l * l - distance * distance) / (2 * u * l);
            double wanted = Math.PI - Math.acos(Math.max(-1, Math.min(1, cosInner)));
            bend = Quat.axisAngle(axis, wanted - now);
        }
        Vec3 bentEnd = middle.plus(bend.rotate(lower));
        return new Turns(bend, Quat.between(bentEnd.minus(root), goal.minus(root)));
    }
}
