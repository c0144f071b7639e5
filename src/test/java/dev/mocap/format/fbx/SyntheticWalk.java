package dev.mocap.format.fbx;

import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;

import java.util.Arrays;

import static dev.mocap.body.Smpl24.*;

/**
 * A made-up SMPL-24 walk with adult proportions (round numbers, not SMPL's): 60 frames at 30 fps,
 * legs and arms swinging, elbows and knees bending, the root bobbing and moving forward while
 * the body turns through 200°, far enough for yaw angles to cross ±180°.
 */
final class SyntheticWalk {
    static final int FRAMES = 60;
    static final double FPS = 30;
    static final double PELVIS_HEIGHT = 0.95;

    static Skeleton skeleton() {
        Vec3[] o = new Vec3[Smpl24.COUNT];
        o[PELVIS] = Vec3.ZERO;
        o[LEFT_HIP] = new Vec3(0.09, -0.08, 0);
        o[RIGHT_HIP] = new Vec3(-0.09, -0.08, 0);
        o[SPINE1] = new Vec3(0, 0.11, -0.02);
        o[LEFT_KNEE] = new Vec3(0, -0.40, 0.01);
        o[RIGHT_KNEE] = new Vec3(0, -0.40, 0.01);
        o[SPINE2] = new Vec3(0, 0.13, 0.01);
        o[LEFT_ANKLE] = new Vec3(0, -0.41, -0.03);
        o[RIGHT_ANKLE] = new Vec3(0, -0.41, -0.03);
        o[SPINE3] = new Vec3(0, 0.06, 0);
        o[LEFT_FOOT] = new Vec3(0.01, -0.05, 0.12);
        o[RIGHT_FOOT] = new Vec3(-0.01, -0.05, 0.12);
        o[NECK] = new Vec3(0, 0.21, -0.02);
        o[LEFT_COLLAR] = new Vec3(0.07, 0.11, -0.01);
        o[RIGHT_COLLAR] = new Vec3(-0.07, 0.11, -0.01);
        o[HEAD] = new Vec3(0, 0.09, 0.04);
        o[LEFT_SHOULDER] = new Vec3(0.12, 0.04, 0);
        o[RIGHT_SHOULDER] = new Vec3(-0.12, 0.04, 0);
        o[LEFT_ELBOW] = new Vec3(0.26, 0, 0);
        o[RIGHT_ELBOW] = new Vec3(-0.26, 0, 0);
        o[LEFT_WRIST] = new Vec3(0.25, 0, 0);
        o[RIGHT_WRIST] = new Vec3(-0.25, 0, 0);
        o[LEFT_HAND] = new Vec3(0.09, 0, 0);
        o[RIGHT_HAND] = new Vec3(-0.09, 0, 0);
        return Smpl24.skeleton(o, new Vec3(0, 0.12, 0), new Vec3(0, 0, 0.06), new Vec3(0, 0, 0.06),
                new Vec3(0.08, 0, 0), new Vec3(-0.08, 0, 0));
    }

    static Motion motion() {
        Vec3[] root = new Vec3[FRAMES];
        Quat[][] rotations = new Quat[FRAMES][];
        Vec3 position = new Vec3(0.3, PELVIS_HEIGHT, -0.5);
        for (int f = 0; f < FRAMES; f++) {
            double t = f / FPS;
            double phase = 2 * Math.PI * 1.1 * t, swing = Math.sin(phase);
            double yaw = Math.toRadians(200) * f / (FRAMES - 1);
            Quat heading = Quat.axisAngle(Vec3.Y, yaw);
            position = position.plus(heading.rotate(new Vec3(0, 0, 1.2 / FPS)));
            root[f] = new Vec3(position.x(), PELVIS_HEIGHT + 0.03 * Math.cos(2 * phase), position.z());

            Quat[] q = new Quat[Smpl24.COUNT];
            Arrays.fill(q, Quat.IDENTITY);
            q[PELVIS] = heading.times(rotX(0.1 * swing));
            q[LEFT_HIP] = rotX(-0.5 * swing).times(rotZ(0.05));
            q[RIGHT_HIP] = rotX(0.5 * swing).times(rotZ(-0.05));
            q[LEFT_KNEE] = rotX(0.6 * Math.max(0, Math.sin(phase + 1)));
            q[RIGHT_KNEE] = rotX(0.6 * Math.max(0, -Math.sin(phase + 1)));
            q[LEFT_ANKLE] = rotX(-0.2 * swing);
            q[RIGHT_ANKLE] = rotX(0.2 * swing);
            q[SPINE1] = rotY(-0.15 * swing);
            q[SPINE3] = rotX(0.05).times(rotY(-0.1 * swing));
            q[HEAD] = rotX(0.15 * Math.sin(2 * phase));
            q[LEFT_SHOULDER] = rotX(0.6 * swing).times(rotZ(-1.2));
            q[RIGHT_SHOULDER] = rotX(-0.6 * swing).times(rotZ(1.2));
            q[LEFT_ELBOW] = rotY(-0.4 - 0.3 * swing);
            q[RIGHT_ELBOW] = rotY(0.4 - 0.3 * swing);
            q[LEFT_WRIST] = rotZ(0.2 * swing);
            rotations[f] = q;
        }
        return new Motion(skeleton(), FPS, root, rotations);
    }

    private static Quat rotX(double angle) {
        return Quat.axisAngle(Vec3.X, angle);
    }

    private static Quat rotY(double angle) {
        return Quat.axisAngle(Vec3.Y, angle);
    }

    private static Quat rotZ(double angle) {
        return Quat.axisAngle(Vec3.Z, angle);
    }

    private SyntheticWalk() {
    }
}
