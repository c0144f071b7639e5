package dev.mocap.filter;

import dev.mocap.body.FootContactDetector;
import dev.mocap.body.FootContacts;
import dev.mocap.body.FootPin;
import dev.mocap.body.Leg;
import dev.mocap.body.JointPaths;
import dev.mocap.body.JointRotations;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.RootShift;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;

/**
 * Foot locking for an SMPL-24 motion: during each run of contact frames the ball of the foot
 * (joint {@code *_foot}) stays at one spot ({@link FootPin}: the run's mean position, put on the floor y = 0 when
 * it is near it). The whole body first moves toward its planted feet's spots, so the pose is
 * kept; what is left is reached by {@link LegIk} with the foot's orientation kept, and where a leg
 * is too short for that the root comes down (a little at most). Over {@code blendSeconds} before and after a run the foot eases
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
        int blendFrames = Math.max(1, (int) Math.round(blendSeconds * motion.fps()));
        Vec3[] shiftedRoot = shiftedRoot(motion, contacts, legs, blendFrames);
        JointPaths positions = JointPaths.of(new Motion(skeleton, motion.fps(), shiftedRoot, motion.rotations()));
        // Pinned again where the shifted body has its feet, the legs bend only for what the shift could not do.
        Vec3[][] ballTargets = {
                held(positions, legs[0].foot(), contacts.left(), blendFrames).targets(),
                held(positions, legs[1].foot(), contacts.right(), blendFrames).targets()};

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
            root[t] = shiftedRoot[t].minus(drop);
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

    /** Where the ball of one foot should be, frame by frame, and how firmly it is held there (0 where it is free). */
    private record Held(Vec3[] targets, double[] weights) {
    }

    /** Per frame, where the ball of the foot should be: pinned in runs, eased at their edges, never under the floor. */
    private static Held held(JointPaths positions, int foot, boolean[] planted, int blendFrames) {
        int n = positions.frameCount();
        Vec3[] balls = new Vec3[n];
        for (int t = 0; t < n; t++) {
            balls[t] = positions.get(t, foot);
        }
        FootPin pin = new FootPin(planted, balls, blendFrames, FootPin.Ease.SMOOTH_STEP);
        Vec3[] targets = new Vec3[n];
        double[] weights = new double[n];
        for (int t = 0; t < n; t++) {
            Vec3 spot = pin.anchor(t);
            targets[t] = onFloor(spot == null ? balls[t] : balls[t].lerp(snapped(spot), pin.weight(t)));
            weights[t] = spot == null ? 0 : pin.weight(t);
        }
        return new Held(targets, weights);
    }

    /**
     * The root moved toward the planted feet's spots (pinned on the free motion), so the pose is
     * kept ({@link RootShift}): bending the legs for all of it cost 2-4 mm PA-MPJPE on the
     * held-out sets of {@code mocap bench accuracy} (synthetic 46.3 against 42.9 mm, rendered
     * 68.2 against 66.5 mm), and sliding on true contacts fell from 3.9 to 3.7 mm/frame (rendered).
     */
    private static Vec3[] shiftedRoot(Motion motion, FootContacts contacts, Leg[] legs, int blendFrames) {
        JointPaths free = JointPaths.of(motion);
        int n = motion.frameCount();
        Vec3[][] lack = new Vec3[2][n];
        double[][] weight = new double[2][];
        for (int side = 0; side < 2; side++) {
            int foot = legs[side].foot();
            Held held = held(free, foot, side == 0 ? contacts.left() : contacts.right(), blendFrames);
            for (int t = 0; t < n; t++) {
                lack[side][t] = held.targets()[t].minus(free.get(t, foot));
            }
            weight[side] = held.weights();
        }
        Vec3[] shift = RootShift.toward(lack, weight, motion.fps());
        Vec3[] root = new Vec3[n];
        for (int t = 0; t < n; t++) {
            root[t] = motion.rootPositions()[t].plus(shift[t]);
        }
        return root;
    }

    /** A pin near the floor goes onto it. */
    private static Vec3 snapped(Vec3 spot) {
        return spot.y() < FLOOR_SNAP ? new Vec3(spot.x(), 0, spot.z()) : spot;
    }

    private static Vec3 onFloor(Vec3 p) {
        return p.y() < 0 ? new Vec3(p.x(), 0, p.z()) : p;
    }
}
