package dev.mocap.filter;

import dev.mocap.body.FootContactDetector;
import dev.mocap.body.FootContacts;
import dev.mocap.body.FootPin;
import dev.mocap.body.Leg;
import dev.mocap.body.JointPaths;
import dev.mocap.body.JointRotations;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;

/**
 * Foot locking for an SMPL-24 motion: during each run of contact frames the ball of the foot
 * (joint {@code *_foot}) stays at one spot ({@link FootPin}: the run's mean position, put on the floor y = 0 when
 * it is near it), reached by {@link LegIk} with the foot's orientation kept; where a leg is too
 * short to get there the root comes down (a little at most). Over {@code blendSeconds} before and after a run the foot eases
 * from where the animation has it to the spot, so nothing pops. No foot goes below the floor on
 * any frame. Contacts come from the motion, else from {@link FootContactDetector}, and are
 * stored in the result.
 */
public record FootLock(double blendSeconds) implements MotionFilter {
    public static final FootLock DEFAULT = new FootLock(0.1);
    /**
     * A planted foot this close to the floor is put on it; one higher up disagrees with the
     * recovered floor, and is pinned where it is rather than pulling the body into a crouch.
     */
    private static final double FLOOR_SNAP = 0.15;
    /** The root never comes down more than this to let a leg reach its pinned foot (m). */
    private static final double MAX_LOWERING = 0.1;

    @Override
    public Motion apply(Motion motion) {
        Skeleton skeleton = motion.skeleton();
        FootContacts contacts = motion.contacts() != null ? motion.contacts() : FootContactDetector.detect(motion);
        int n = motion.frameCount();
        Leg[] legs = {Leg.left(skeleton), Leg.right(skeleton)};
        JointPaths positions = JointPaths.of(motion);
        int blendFrames = Math.max(1, (int) Math.round(blendSeconds * motion.fps()));
        Vec3[][] ballTargets = {
                ballTargets(positions, legs[0].foot(), contacts.left(), blendFrames),
                ballTargets(positions, legs[1].foot(), contacts.right(), blendFrames)};

        Vec3[] root = new Vec3[n];
        JointRotations.Builder rotations = new JointRotations.Builder(skeleton.size());
        for (int t = 0; t < n; t++) {
            double lowering = 0;
            for (int side = 0; side < 2; side++) {
                Leg leg = legs[side];
                Vec3 ball = positions.get(t, leg.foot()), target = ballTargets[side][t];
                if (target.distance(ball) > 1e-9) {
                    double reach = LegIk.IK.longest(skeleton.boneLength(leg.knee()), skeleton.boneLength(leg.ankle()));
                    Vec3 ankleTarget = positions.get(t, leg.ankle()).plus(target.minus(ball));
                    lowering = Math.max(lowering, LegIk.loweringNeeded(positions.get(t, leg.hip()), ankleTarget, reach));
                }
            }
            Vec3 drop = new Vec3(0, Math.min(lowering, MAX_LOWERING), 0);
            root[t] = motion.rootPositions()[t].minus(drop);
            Quat[] turns = motion.rotations().frame(t);
            for (int side = 0; side < 2; side++) {
                Leg leg = legs[side];
                Vec3 ball = positions.get(t, leg.foot()), carried = ball.minus(drop), target = ballTargets[side][t];
                Vec3 wanted = onFloor(target.distance(ball) > 1e-9 ? target : carried);
                if (wanted.distance(carried) > 1e-9) {
                    LegIk.reach(skeleton, leg, root[t], turns, positions.get(t, leg.ankle()).plus(wanted.minus(ball)));
                }
            }
            rotations.setFrame(t, turns);
        }
        return new Motion(skeleton, motion.fps(), root, rotations.build(0, n), motion.confidence(), contacts);
    }

    /** Per frame, where the ball of the foot should be: pinned in runs, eased at their edges, never under the floor. */
    private static Vec3[] ballTargets(JointPaths positions, int foot, boolean[] planted, int blendFrames) {
        int n = positions.frameCount();
        Vec3[] balls = new Vec3[n];
        for (int t = 0; t < n; t++) {
            balls[t] = positions.get(t, foot);
        }
        FootPin pin = new FootPin(planted, balls, blendFrames, FootPin.Ease.SMOOTH_STEP);
        Vec3[] targets = new Vec3[n];
        for (int t = 0; t < n; t++) {
            Vec3 spot = pin.anchor(t);
            targets[t] = onFloor(spot == null ? balls[t] : balls[t].lerp(snapped(spot), pin.weight(t)));
        }
        return targets;
    }

    /** A pin near the floor goes onto it. */
    private static Vec3 snapped(Vec3 spot) {
        return spot.y() < FLOOR_SNAP ? new Vec3(spot.x(), 0, spot.z()) : spot;
    }

    private static Vec3 onFloor(Vec3 p) {
        return p.y() < 0 ? new Vec3(p.x(), 0, p.z()) : p;
    }
}
