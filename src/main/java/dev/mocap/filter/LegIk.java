package dev.mocap.filter;

import dev.mocap.body.ForwardKinematics;
import dev.mocap.body.Leg;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.TwoBoneIk;
import dev.mocap.body.Vec3;

/**
 * {@link TwoBoneIk} on a leg of a motion's frame (local rotations): only rotations change, and
 * the foot keeps its world orientation. A straight knee bends about the thigh's lateral axis.
 */
final class LegIk {
    /** Never quite straight (0.1 % of the leg short of it), never folded onto itself. */
    static final TwoBoneIk IK = new TwoBoneIk(0.001, 0, 1e-6);

    /** Rewrites {@code local}'s hip, knee and ankle rotations so the ankle lands on {@code target}. */
    static void reach(Skeleton skeleton, Leg leg, Vec3 root, Quat[] local, Vec3 target) {
        Quat[] world = ForwardKinematics.worldRotations(skeleton, local);
        Vec3[] p = ForwardKinematics.positions(skeleton, root, local);
        TwoBoneIk.Turns turns = IK.solve(p[leg.hip()], p[leg.knee()], p[leg.ankle()], target, world[leg.hip()].rotate(Vec3.X));
        Quat hipWorld = turns.swing().times(world[leg.hip()]);
        Quat kneeWorld = turns.swing().times(turns.bend()).times(world[leg.knee()]);
        local[leg.hip()] = world[skeleton.parent(leg.hip())].conjugate().times(hipWorld).normalized();
        local[leg.knee()] = hipWorld.conjugate().times(kneeWorld).normalized();
        local[leg.ankle()] = kneeWorld.conjugate().times(world[leg.ankle()]).normalized();
    }

    /** How far the hip must come down (≥ 0) for a leg of this reach to get to {@code target}. */
    static double loweringNeeded(Vec3 hip, Vec3 target, double reach) {
        double dx = target.x() - hip.x(), dz = target.z() - hip.z();
        double across = Math.hypot(dx, dz), drop = hip.y() - target.y();
        double reachableDrop = across < reach ? Math.sqrt(reach * reach - across * across) : 0;
        return Math.max(0, drop - reachableDrop);
    }

    private LegIk() {
    }
}
