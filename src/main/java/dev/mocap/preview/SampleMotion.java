package dev.mocap.preview;

import dev.mocap.body.AdultSkeleton;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;

import java.util.Arrays;

import static dev.mocap.body.Smpl24.*;

/**
 * The project's own sample motion, built from keyframes on an SMPL-24 skeleton of ordinary
 * adult proportions (1.75 m; the project's numbers, not SMPL data): two gait cycles of a walk
 * along +Z, a stop, and a wave of the right hand. The feet are kept on the floor by lifting the
 * body so that the lowest heel or ball of the foot touches it, and the body moves forward by what
 * keeps that foot in place.
 */
public final class SampleMotion {
    public static final double FPS = 30, DURATION = 4.0;
    private static final double CYCLE = 1.2, WALK_END = 2 * CYCLE, STAND = WALK_END + 0.4;
    private static final Vec3 START = new Vec3(0, 0, -1.2);

    public static Skeleton skeleton() {
        return AdultSkeleton.smpl24();
    }

    public static Motion walkAndWave() {
        Skeleton skeleton = skeleton();
        Keyframes keys = new Keyframes();
        for (int cycle = 0; cycle < 2; cycle++) {
            double t0 = cycle * CYCLE;
            keys.add(t0, stride(false));
            keys.add(t0 + 0.25 * CYCLE, passing(false));
            keys.add(t0 + 0.5 * CYCLE, stride(true));
            keys.add(t0 + 0.75 * CYCLE, passing(true));
        }
        keys.add(WALK_END, stride(false));
        keys.add(STAND, standing());
        double wave = STAND + 0.3;
        keys.add(wave, waving(0));
        for (int k = 1; wave + 0.25 * k <= DURATION + 0.25; k++) {
            keys.add(wave + 0.25 * k, waving(k % 2 == 1 ? 1 : -1));
        }
        int frames = (int) Math.round(DURATION * FPS);
        Vec3[] root = new Vec3[frames];
        Quat[][] rotations = new Quat[frames][];
        double ankleHeight = skeleton.restPositions()[LEFT_ANKLE].y() - skeleton.restPositions()[LEFT_FOOT].y();
        Vec3[] previous = null;
        for (int f = 0; f < frames; f++) {
            rotations[f] = keys.at(f / FPS);
            Vec3[] joints = new Motion(skeleton, FPS, new Vec3[]{Vec3.ZERO}, new Quat[][]{rotations[f]}).jointPositions(0);
            double lowest = Double.POSITIVE_INFINITY;
            int[] stance = null;
            for (int[] leg : new int[][]{{LEFT_ANKLE, LEFT_FOOT}, {RIGHT_ANKLE, RIGHT_FOOT}}) {
                double bottom = Math.min(joints[leg[0]].y() - ankleHeight, joints[leg[1]].y());
                if (bottom < lowest) {
                    lowest = bottom;
                    stance = leg;
                }
            }
            // The body moves forward by what keeps the standing foot still on the floor: no skating.
            Vec3 step = previous == null ? START : root[f - 1].plus(anchor(previous, stance)).minus(anchor(joints, stance));
            root[f] = new Vec3(step.x(), -lowest, step.z());
            previous = joints;
        }
        return new Motion(skeleton, FPS, root, rotations);
    }

    /** Where a foot stands: between the ankle and the ball, on the floor plane. */
    private static Vec3 anchor(Vec3[] joints, int[] leg) {
        Vec3 middle = joints[leg[0]].lerp(joints[leg[1]], 0.5);
        return new Vec3(middle.x(), 0, middle.z());
    }

    /** Heel strike of one leg: it reaches forward while the other pushes off behind; arms swing against the legs. */
    private static Quat[] stride(boolean rightLeads) {
        Quat[] q = relaxed();
        int lead = rightLeads ? RIGHT_HIP : LEFT_HIP, trail = rightLeads ? LEFT_HIP : RIGHT_HIP;
        q[lead] = rot(Vec3.X, -24);
        q[knee(lead)] = rot(Vec3.X, 4);
        q[ankle(lead)] = rot(Vec3.X, -6);
        q[trail] = rot(Vec3.X, 14);
        q[knee(trail)] = rot(Vec3.X, 22);
        q[ankle(trail)] = rot(Vec3.X, 14);
        q[PELVIS] = rot(Vec3.Y, rightLeads ? 5 : -5);
        swingArms(q, rightLeads ? 1 : -1);
        return q;
    }

    /** Mid-stance of one leg while the other, bent, swings past it. */
    private static Quat[] passing(boolean rightStands) {
        Quat[] q = relaxed();
        int stance = rightStands ? RIGHT_HIP : LEFT_HIP, swing = rightStands ? LEFT_HIP : RIGHT_HIP;
        q[stance] = rot(Vec3.X, 2);
        q[knee(stance)] = rot(Vec3.X, 8);
        q[swing] = rot(Vec3.X, -22);
        q[knee(swing)] = rot(Vec3.X, 58);
        q[ankle(swing)] = rot(Vec3.X, -8);
        q[PELVIS] = rot(Vec3.Z, rightStands ? 3 : -3);
        return q;
    }

    private static Quat[] standing() {
        return relaxed();
    }

    /** The right arm raised, elbow bent, forearm up and tilted sideways by {@code side} (−1, 0, 1). */
    private static Quat[] waving(int side) {
        Quat[] q = relaxed();
        q[RIGHT_COLLAR] = rot(Vec3.Z, -8);
        q[RIGHT_SHOULDER] = rot(Vec3.Y, 28).times(rot(Vec3.Z, -12));
        q[RIGHT_ELBOW] = rot(Vec3.Z, -95 + 28 * side);
        q[RIGHT_WRIST] = rot(Vec3.Z, 10 * side);
        q[HEAD] = rot(Vec3.Y, -8);
        return q;
    }

    /** Standing straight, arms hanging by the sides with the elbows a little bent. */
    private static Quat[] relaxed() {
        Quat[] q = new Quat[COUNT];
        Arrays.fill(q, Quat.IDENTITY);
        q[SPINE3] = rot(Vec3.X, 3);
        q[LEFT_SHOULDER] = rot(Vec3.Z, -72);
        q[RIGHT_SHOULDER] = rot(Vec3.Z, 72);
        q[LEFT_ELBOW] = rot(Vec3.Y, -15);
        q[RIGHT_ELBOW] = rot(Vec3.Y, 15);
        return q;
    }

    /** Arms swung forward (+Z) on the side opposite the leading leg: {@code rightLeg} +1 when the right leg leads. */
    private static void swingArms(Quat[] q, int rightLeg) {
        q[LEFT_SHOULDER] = rot(Vec3.X, -18 * rightLeg).times(rot(Vec3.Z, -72));
        q[RIGHT_SHOULDER] = rot(Vec3.X, 18 * rightLeg).times(rot(Vec3.Z, 72));
        q[rightLeg > 0 ? LEFT_ELBOW : RIGHT_ELBOW] = rot(Vec3.Y, rightLeg > 0 ? -30 : 30);
    }

    private static int knee(int hip) {
        return hip == LEFT_HIP ? LEFT_KNEE : RIGHT_KNEE;
    }

    private static int ankle(int hip) {
        return hip == LEFT_HIP ? LEFT_ANKLE : RIGHT_ANKLE;
    }

    private static Quat rot(Vec3 axis, double degrees) {
        return Quat.axisAngle(axis, Math.toRadians(degrees));
    }

    private SampleMotion() {
    }
}
