package dev.mocap.train;

import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

import java.util.Random;

/**
 * Variations of a clean clip for training: a different speed (resampled from the clip's 120 fps
 * to 30 fps), a mirror image and a turn about the vertical axis.
 */
final class MotionAugmentation {
    private MotionAugmentation() {
    }

    /**
     * A random variant of {@code source}: speed 0.7–1.7× (log-uniform; the fast end turns a walk
     * into something as quick as a run), mirrored half the time, any heading.
     */
    static Motion randomVariant(Motion source, double fps, Random random) {
        double speed = Math.exp(Math.log(0.7) + random.nextDouble() * Math.log(1.7 / 0.7));
        Motion m = resampled(source, fps, speed);
        if (random.nextBoolean()) {
            m = mirrored(m);
        }
        return turned(m, random.nextDouble() * 2 * Math.PI);
    }

    /** {@code source} played {@code speed} times as fast, sampled at {@code fps} (slerp between frames). */
    static Motion resampled(Motion source, double fps, double speed) {
        double step = speed * source.fps() / fps;
        int n = (int) Math.floor((source.frameCount() - 1) / step) + 1;
        int joints = source.skeleton().size();
        Vec3[] root = new Vec3[n];
        Quat[][] rotations = new Quat[n][joints];
        for (int k = 0; k < n; k++) {
            double at = k * step;
            int i = Math.min((int) at, source.frameCount() - 1), j = Math.min(i + 1, source.frameCount() - 1);
            double f = at - i;
            root[k] = source.rootPositions()[i].lerp(source.rootPositions()[j], f);
            for (int q = 0; q < joints; q++) {
                rotations[k][q] = source.rotations().get(i, q).slerp(source.rotations().get(j, q), f);
            }
        }
        return new Motion(source.skeleton(), fps, root, rotations);
    }

    /**
     * Reflected in the plane x = 0: every rotation about axis (x, y, z) becomes one about
     * (x, −y, −z). Left and right joints are not swapped: the refiner sees one channel at a time.
     */
    static Motion mirrored(Motion m) {
        int n = m.frameCount(), joints = m.skeleton().size();
        Vec3[] root = new Vec3[n];
        Quat[][] rotations = new Quat[n][joints];
        for (int t = 0; t < n; t++) {
            Vec3 p = m.rootPositions()[t];
            root[t] = new Vec3(-p.x(), p.y(), p.z());
            for (int j = 0; j < joints; j++) {
                Quat q = m.rotations().get(t, j);
                rotations[t][j] = new Quat(q.w(), q.x(), -q.y(), -q.z());
            }
        }
        return new Motion(m.skeleton(), m.fps(), root, rotations);
    }

    /** Turned by {@code angle} radians about the vertical axis through the origin. */
    static Motion turned(Motion m, double angle) {
        Quat yaw = Quat.axisAngle(Vec3.Y, angle);
        int n = m.frameCount();
        Vec3[] root = new Vec3[n];
        Quat[][] rotations = new Quat[n][];
        for (int t = 0; t < n; t++) {
            root[t] = yaw.rotate(m.rootPositions()[t]);
            rotations[t] = m.rotations().frame(t);
            rotations[t][0] = yaw.times(rotations[t][0]).normalized();
        }
        return new Motion(m.skeleton(), m.fps(), root, rotations);
    }
}
