package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.Landmarks;
import dev.mocap.synth.BodyPoints;
import dev.mocap.synth.CorpusClip;
import dev.mocap.synth.LandmarkNoise;
import dev.mocap.synth.SyntheticView;

import java.util.Random;

/**
 * Synthetic BlazePose landmarks from a CMU mocap clip ({@link CorpusClip}: any of its skeleton
 * families, body scaled to 1.7 m), seen by a known static pinhole camera
 * ({@link SyntheticView}, {@link LandmarkNoise}), with the clip's own joint positions as ground
 * truth. The camera is {@value #WIDTH}×{@value #HEIGHT}, focal {@value #FOCAL} px,
 * {@value #CAMERA_HEIGHT} m above the floor, looking at the centre of the trajectory from the
 * closest place (over 24 azimuths) that keeps every landmark of every frame inside the image and
 * the subject at least 4 m away.
 *
 * <p>Ground truth per frame, in the order of {@link #EVAL_JOINTS}: the mid-hip point as pelvis,
 * then the twelve limb joints.
 */
final class SyntheticLandmarks {
    /** One CMU length unit, (1/0.45) inch, in metres. */
    static final double CMU_UNIT = 0.056444;
    static final int WIDTH = 1280, HEIGHT = 720;
    static final double FOCAL = 1000;
    static final double CAMERA_HEIGHT = 1.2;
    private static final double MARGIN_PX = 30;
    /** The subject (mid-hip) is never nearer than this to the camera. */
    private static final double MIN_DEPTH = 4;

    /** The SMPL-24 joints compared with the truth; index 0 (the pelvis) is the root. */
    static final int[] EVAL_JOINTS = {Smpl24.PELVIS, Smpl24.LEFT_HIP, Smpl24.RIGHT_HIP, Smpl24.LEFT_KNEE, Smpl24.RIGHT_KNEE,
            Smpl24.LEFT_ANKLE, Smpl24.RIGHT_ANKLE, Smpl24.LEFT_SHOULDER, Smpl24.RIGHT_SHOULDER,
            Smpl24.LEFT_ELBOW, Smpl24.RIGHT_ELBOW, Smpl24.LEFT_WRIST, Smpl24.RIGHT_WRIST};
    private static final int[] EVAL_POINTS = {BodyPoints.L_HIP, BodyPoints.R_HIP, BodyPoints.L_KNEE, BodyPoints.R_KNEE,
            BodyPoints.L_ANKLE, BodyPoints.R_ANKLE, BodyPoints.L_SHOULDER, BodyPoints.R_SHOULDER, BodyPoints.L_ELBOW,
            BodyPoints.R_ELBOW, BodyPoints.L_WRIST, BodyPoints.R_WRIST};

    /** The noise applied to the landmarks. */
    enum Noise {
        /** Exact projections, exact world landmarks. */
        NONE,
        /** BlazePose-like, at the measured strength ({@link LandmarkNoise}). */
        BLAZEPOSE
    }

    /** A synthetic clip: landmarks, truth, the camera, and the noise actually applied. */
    record Clip(String name, dev.mocap.pose.LandmarkSequence landmarks, Vec3[][] truth, Camera camera, double minDepth,
                double maxDepth, NoiseStats noise) {
        int frames() {
            return truth.length;
        }
    }

    /** Measured noise: mean 2D error in % of body height, mean world depth / across error in mm, world accel mm/frame². */
    record NoiseStats(double image2dPercent, double depthMm, double acrossMm, double worldAccelMm) {
    }

    private SyntheticLandmarks() {
    }

    /**
     * @param name         label for messages
     * @param motion       the CMU clip
     * @param firstFrame   first source frame used (1 skips a T-pose frame 0)
     * @param step         source frames per output frame (4: 120 → 30 fps)
     * @param maxSeconds   at most this much output
     */
    static Clip of(String name, Motion motion, int firstFrame, int step, double maxSeconds, Noise noise, long seed) {
        CorpusClip clip = CorpusClip.of(name, motion);
        double fps = motion.fps() / step;
        int frames = Math.min((motion.frameCount() - firstFrame + step - 1) / step, (int) Math.floor(maxSeconds * fps + 1e-9));
        Vec3[][] points = new Vec3[frames][];
        Vec3[][] truth = new Vec3[frames][];
        for (int k = 0; k < frames; k++) {
            points[k] = clip.points()[firstFrame + k * step];
            truth[k] = new Vec3[EVAL_JOINTS.length];
            truth[k][0] = points[k][BodyPoints.L_HIP].lerp(points[k][BodyPoints.R_HIP], 0.5);
            for (int i = 0; i < EVAL_POINTS.length; i++) {
                truth[k][i + 1] = points[k][EVAL_POINTS[i]];
            }
        }
        SyntheticView exact = SyntheticView.film(name, points, fps, Camera.atOrigin(FOCAL, WIDTH, HEIGHT), 0, new Random(seed));
        Camera camera = placeCamera(exact.world());
        SyntheticView view = SyntheticView.film(name, points, fps, camera, noise == Noise.NONE ? 0 : 1, new Random(seed));
        double minDepth = Double.POSITIVE_INFINITY, maxDepth = 0;
        for (Vec3[] p : view.world()) {
            double z = camera.toCamera(p[BlazePose.LEFT_HIP].lerp(p[BlazePose.RIGHT_HIP], 0.5)).z();
            minDepth = Math.min(minDepth, z);
            maxDepth = Math.max(maxDepth, z);
        }
        return new Clip(name, view.landmarks(), truth, camera, minDepth, maxDepth, stats(view));
    }

    /** The noise in the landmarks, measured against the exact projections and positions. */
    private static NoiseStats stats(SyntheticView view) {
        Camera c = view.camera();
        double sum2d = 0, depth = 0, across = 0, accel = 0;
        long count = 0, accelCount = 0;
        double[][] previous = null, before = null;
        for (int k = 0; k < view.frames(); k++) {
            Landmarks l = view.landmarks().frames().get(k).landmarks();
            Vec3[] rel = view.cameraRelative(k);
            Vec3 hip = view.world()[k][BlazePose.LEFT_HIP].lerp(view.world()[k][BlazePose.RIGHT_HIP], 0.5);
            double bodyPx = view.stature() * c.focal() / c.toCamera(hip).z();
            double[][] error = new double[BlazePose.COUNT][3];
            for (int i = 0; i < BlazePose.COUNT; i++) {
                double[] uv = c.project(c.toCamera(view.world()[k][i]));
                sum2d += Math.hypot(l.image()[3 * i] - uv[0], l.image()[3 * i + 1] - uv[1]) / bodyPx;
                for (int a = 0; a < 3; a++) {
                    error[i][a] = l.world()[3 * i + a] - rel[i].get(a);
                }
                depth += Math.abs(error[i][2]);
                across += Math.hypot(error[i][0], error[i][1]);
                count++;
                if (before != null) {
                    double s = 0;
                    for (int a = 0; a < 3; a++) {
                        double d2 = before[i][a] - 2 * previous[i][a] + error[i][a];
                        s += d2 * d2;
                    }
                    accel += Math.sqrt(s);
                    accelCount++;
                }
            }
            before = previous;
            previous = error;
        }
        return new NoiseStats(100 * sum2d / count, 1000 * depth / count, 1000 * across / count,
                accelCount == 0 ? 0 : 1000 * accel / accelCount);
    }

    // ---------------------------------------------------------------- camera

    /**
     * The camera {@value #CAMERA_HEIGHT} m up, looking at the trajectory's centre (at 0.9 m
     * height), at the closest distance, over 24 azimuths, from which every landmark of every
     * frame is in view and the mid-hip never nearer than {@link #MIN_DEPTH}.
     */
    static Camera placeCamera(Vec3[][] points) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minZ = minX, maxZ = maxX, floor = minX;
        for (Vec3[] frame : points) {
            for (Vec3 v : frame) {
                minX = Math.min(minX, v.x());
                maxX = Math.max(maxX, v.x());
                minZ = Math.min(minZ, v.z());
                maxZ = Math.max(maxZ, v.z());
                floor = Math.min(floor, v.y());
            }
        }
        Vec3 target = new Vec3((minX + maxX) / 2, floor + 0.9, (minZ + maxZ) / 2);
        Camera best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int a = 0; a < 24; a++) {
            double azimuth = Math.toRadians(15 * a + 7.5);
            Vec3 back = new Vec3(Math.sin(azimuth), 0, Math.cos(azimuth));
            for (double d = 4; d <= 12 + 1e-9 && d < bestDistance; d += 0.05) {
                Camera c = lookAt(target.plus(back.times(d)).plus(new Vec3(0, floor + CAMERA_HEIGHT - target.y(), 0)), target);
                if (inView(c, points) && nearestHip(c, points) >= MIN_DEPTH) {
                    best = c;
                    bestDistance = d;
                    break;
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no camera within 12 m sees the whole trajectory");
        }
        return best;
    }

    private static double nearestHip(Camera c, Vec3[][] points) {
        double nearest = Double.POSITIVE_INFINITY;
        for (Vec3[] p : points) {
            nearest = Math.min(nearest, c.toCamera(p[BlazePose.LEFT_HIP].lerp(p[BlazePose.RIGHT_HIP], 0.5)).z());
        }
        return nearest;
    }

    static Camera lookAt(Vec3 eye, Vec3 target) {
        Vec3 forward = target.minus(eye).normalized();
        Vec3 right = forward.cross(Vec3.Y).normalized();
        Vec3 down = forward.cross(right);
        Quat cameraToWorld = Quat.fromColumns(right, down, forward);
        return new Camera(FOCAL, WIDTH / 2.0, HEIGHT / 2.0, WIDTH, HEIGHT, cameraToWorld.conjugate(), eye);
    }

    private static boolean inView(Camera c, Vec3[][] points) {
        for (Vec3[] frame : points) {
            for (Vec3 v : frame) {
                Vec3 p = c.toCamera(v);
                if (p.z() < 1) {
                    return false;
                }
                double[] uv = c.project(p);
                if (uv[0] < MARGIN_PX || uv[0] > WIDTH - MARGIN_PX || uv[1] < MARGIN_PX || uv[1] > HEIGHT - MARGIN_PX) {
                    return false;
                }
            }
        }
        return true;
    }
}
