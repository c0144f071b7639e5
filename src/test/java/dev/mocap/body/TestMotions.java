package dev.mocap.body;

import java.util.Arrays;

import static dev.mocap.body.Smpl24.*;

/**
 * Hand-made test material: an SMPL-24 skeleton with ordinary adult proportions (the project's
 * own numbers, 1.70 m tall, not SMPL data) and a walk-like motion on it.
 */
public final class TestMotions {
    public static final double PELVIS_HEIGHT = 0.95;

    public static Skeleton humanSkeleton() {
        Vec3[] o = new Vec3[COUNT];
        o[PELVIS] = Vec3.ZERO;
        o[SPINE1] = new Vec3(0, 0.11, -0.02);
        o[SPINE2] = new Vec3(0, 0.13, 0.01);
        o[SPINE3] = new Vec3(0, 0.06, 0.02);
        o[NECK] = new Vec3(0, 0.21, -0.02);
        o[HEAD] = new Vec3(0, 0.09, 0.04);
        sides(o, LEFT_HIP, RIGHT_HIP, new Vec3(0.09, -0.08, 0));
        sides(o, LEFT_KNEE, RIGHT_KNEE, new Vec3(0.01, -0.40, 0));
        sides(o, LEFT_ANKLE, RIGHT_ANKLE, new Vec3(-0.01, -0.41, -0.03));
        sides(o, LEFT_FOOT, RIGHT_FOOT, new Vec3(0.02, -0.06, 0.12));
        sides(o, LEFT_COLLAR, RIGHT_COLLAR, new Vec3(0.07, 0.11, -0.01));
        sides(o, LEFT_SHOULDER, RIGHT_SHOULDER, new Vec3(0.11, 0.03, -0.01));
        sides(o, LEFT_ELBOW, RIGHT_ELBOW, new Vec3(0.26, 0, -0.01));
        sides(o, LEFT_WRIST, RIGHT_WRIST, new Vec3(0.25, 0.01, 0));
        sides(o, LEFT_HAND, RIGHT_HAND, new Vec3(0.08, -0.01, 0));
        return Smpl24.skeleton(o, new Vec3(0, 0.15, 0.02), new Vec3(0, -0.01, 0.06), new Vec3(0, -0.01, 0.06),
                new Vec3(0.09, 0, 0), new Vec3(-0.09, 0, 0));
    }

    /**
     * A walk along +Z at 1.3 m/s with a 1.1 s gait cycle: legs and arms swing in opposition,
     * knees and elbows bend, the pelvis bobs, sways, turns and rolls a little; arms hang down.
     */
    public static Motion walk(int frames, double fps) {
        Vec3[] root = new Vec3[frames];
        Quat[][] rotations = new Quat[frames][];
        for (int f = 0; f < frames; f++) {
            double t = f / fps, phase = 2 * Math.PI * t / 1.1, swing = Math.sin(phase);
            root[f] = new Vec3(0.02 * swing, PELVIS_HEIGHT + 0.02 * Math.cos(2 * phase), 1.3 * t);
            Quat[] q = new Quat[COUNT];
            Arrays.fill(q, Quat.IDENTITY);
            q[PELVIS] = rot(Vec3.Y, 6 * swing).times(rot(Vec3.Z, 3 * swing));
            q[SPINE1] = rot(Vec3.Y, -3 * swing);
            q[SPINE3] = rot(Vec3.X, 4);
            q[HEAD] = rot(Vec3.X, 3 * Math.sin(2 * phase));
            // Hip flexion (leg forward, towards +Z) is a negative turn about X.
            q[LEFT_HIP] = rot(Vec3.X, -25 * swing);
            q[RIGHT_HIP] = rot(Vec3.X, 25 * swing);
            q[LEFT_KNEE] = rot(Vec3.X, 5 + 30 * (1 - Math.cos(phase + 1)) / 2);
            q[RIGHT_KNEE] = rot(Vec3.X, 5 + 30 * (1 + Math.cos(phase + 1)) / 2);
            q[LEFT_ANKLE] = rot(Vec3.X, -8 * Math.cos(phase));
            q[RIGHT_ANKLE] = rot(Vec3.X, 8 * Math.cos(phase));
            // Arms lowered from the T-pose by 75°, then swung against the legs.
            q[LEFT_SHOULDER] = rot(Vec3.X, 20 * swing).times(rot(Vec3.Z, -75));
            q[RIGHT_SHOULDER] = rot(Vec3.X, -20 * swing).times(rot(Vec3.Z, 75));
            q[LEFT_ELBOW] = rot(Vec3.Y, -(20 + 10 * (1 + swing)));
            q[RIGHT_ELBOW] = rot(Vec3.Y, 20 + 10 * (1 - swing));
            rotations[f] = q;
        }
        return new Motion(humanSkeleton(), fps, root, rotations);
    }

    private static void sides(Vec3[] offsets, int left, int right, Vec3 leftOffset) {
        offsets[left] = leftOffset;
        offsets[right] = new Vec3(-leftOffset.x(), leftOffset.y(), leftOffset.z());
    }

    private static Quat rot(Vec3 axis, double degrees) {
        return Quat.axisAngle(axis, Math.toRadians(degrees));
    }

    private TestMotions() {
    }
}
