package dev.mocap.filter;

import dev.mocap.body.ForwardKinematics;
import dev.mocap.body.Leg;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;

/**
 * Analytic two-bone IK for a leg: bends the knee in its current plane until hip–ankle distance
 * matches, then swings the thigh by the smallest turn that puts the ankle on the target, so the
 * knee keeps pointing where it pointed. Bone lengths are untouched (only rotations change), and
 * the foot keeps its world orientation. A target out of reach gets the nearest reachable point.
 */
final class LegIk {
    /** A fully straight knee has no bending plane; never quite reach it. */
    static final double MAX_STRETCH = 0.999;

    /** Rewrites {@code local}'s hip, knee and ankle rotations so the ankle lands on {@code target}. */
    static void reach(Skeleton skeleton, Leg leg, Vec3 root, Quat[] local, Vec3 target) {
        Quat[] world = ForwardKinematics.worldRotations(skeleton, local);
        Vec3[] p = ForwardKinematics.positions(skeleton, root, local);
        Vec3 hip = p[leg.hip()], knee = p[leg.knee()], ankle = p[leg.ankle()];
        double thigh = skeleton.boneLength(leg.knee()), shin = skeleton.boneLength(leg.ankle());
        double distance = Math.max(Math.abs(thigh - shin) * 1.001 + 1e-6,
                Math.min(target.distance(hip), MAX_STRETCH * (thigh + shin)));
        Vec3 upper = knee.minus(hip), lower = ankle.minus(knee);
        double bend = Math.atan2(upper.cross(lower).length(), upper.dot(lower));
        double cosInner = (thigh * thigh + shin * shin - distance * distance) / (2 * thigh * shin);
        double wantedBend = Math.PI - Math.acos(Math.max(-1, Math.min(1, cosInner)));
        Vec3 axis = upper.cross(lower);
        if (axis.length() < 1e-9 * thigh * shin) {
            axis = world[leg.hip()].rotate(Vec3.X); // straight leg: knees bend about their lateral axis
        }
        Quat kneeTurn = Quat.axisAngle(axis, wantedBend - bend);
        Vec3 bentAnkle = knee.plus(kneeTurn.rotate(lower));
        Quat swing = Quat.between(bentAnkle.minus(hip), target.minus(hip));
        Quat hipWorld = swing.times(world[leg.hip()]);
        Quat kneeWorld = swing.times(kneeTurn).times(world[leg.knee()]);
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
