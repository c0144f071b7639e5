package dev.mocap.synth;

import dev.mocap.body.Vec3;
import dev.mocap.body.Camera;

import java.util.Random;

/**
 * A random static full-perspective camera for a clip: image size from common landscape and
 * portrait formats, focal length 0.5–2× the image diagonal, 1.5–12 m from the middle of the
 * trajectory at any azimuth, 0.3–2.5 m above the floor, a little pitch and roll. Accepted when
 * the whole body is in the image in at least 70 % of frames (so sometimes partly out of frame),
 * the hips in 95 %, and the person at least 100 px tall.
 */
public final class RandomCamera {
    private static final int[][] SIZES = {{1280, 720}, {1920, 1080}, {960, 540}, {640, 480}, {720, 1280}, {1080, 1920}, {480, 640}};
    private static final int TRIES = 40;

    private RandomCamera() {
    }

    static Camera pick(Vec3[][] points, Random random) {
        int[] size = SIZES[random.nextInt(SIZES.length)];
        return pick(points, random, size[0], size[1]);
    }

    /** A camera of the given image size for the {@link BodyPoints} of a clip, or null when none sees it well. */
    public static Camera pick(Vec3[][] points, Random random, int width, int height) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minZ = minX, maxZ = maxX, floor = minX, hipY = 0;
        for (Vec3[] p : points) {
            Vec3 hip = BodyPoints.midHip(p);
            minX = Math.min(minX, hip.x());
            maxX = Math.max(maxX, hip.x());
            minZ = Math.min(minZ, hip.z());
            maxZ = Math.max(maxZ, hip.z());
            hipY += hip.y() / points.length;
            for (Vec3 v : p) {
                floor = Math.min(floor, v.y());
            }
        }
        double focal = Math.hypot(width, height) * Math.exp((2 * random.nextDouble() - 1) * Math.log(2));
        for (int t = 0; t < TRIES; t++) {
            double azimuth = 2 * Math.PI * random.nextDouble();
            double distance = Math.exp(Math.log(1.5) + random.nextDouble() * Math.log(12 / 1.5));
            Vec3 target = new Vec3((minX + maxX) / 2, hipY, (minZ + maxZ) / 2);
            Vec3 eye = new Vec3(target.x() + distance * Math.sin(azimuth), floor + 0.3 + 2.2 * random.nextDouble(),
                    target.z() + distance * Math.cos(azimuth));
            double pitch = Math.toRadians(8 * (2 * random.nextDouble() - 1));
            target = target.plus(new Vec3(0, distance * Math.tan(pitch), 0));
            double roll = Math.toRadians(6 * (2 * random.nextDouble() - 1));
            Camera camera = SyntheticView.lookAt(eye, target, roll, focal, width, height);
            if (acceptable(camera, points)) {
                return camera;
            }
        }
        return null;
    }

    private static boolean acceptable(Camera camera, Vec3[][] points) {
        int whole = 0, hips = 0;
        double heightPx = 0;
        for (Vec3[] p : points) {
            boolean allIn = true;
            double top = Double.POSITIVE_INFINITY, bottom = Double.NEGATIVE_INFINITY;
            for (Vec3 v : p) {
                Vec3 c = camera.toCamera(v);
                if (c.z() < 0.5) {
                    return false;
                }
                double[] uv = camera.project(c);
                allIn &= inside(camera, uv);
                top = Math.min(top, uv[1]);
                bottom = Math.max(bottom, uv[1]);
            }
            whole += allIn ? 1 : 0;
            hips += inside(camera, camera.project(camera.toCamera(BodyPoints.midHip(p)))) ? 1 : 0;
            heightPx += (bottom - top) / points.length;
        }
        return whole >= 0.7 * points.length && hips >= 0.95 * points.length && heightPx >= 100;
    }

    private static boolean inside(Camera camera, double[] uv) {
        return uv[0] >= 0 && uv[0] < camera.width() && uv[1] >= 0 && uv[1] < camera.height();
    }
}
