package dev.mocap.synth;

import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.Landmarks;
import dev.mocap.pose.Roi;
import dev.mocap.body.Camera;

import java.util.Random;

/**
 * Turns the true landmark positions of one frame after another into {@link Landmarks} as the
 * BlazePose landmark model errs (../shared/docs/BLAZEPOSE-ERRORS.md): 2D Gaussian jitter of 2 %
 * of body height per axis plus a 1 % slow drift, 1 % of points spiking by 8–20 % for 1–3 frames
 * (with low visibility); world landmarks at 0.97 scale ("average body") with σ 100 mm drift +
 * 25 mm jitter along the camera axis and 35 mm drift + 15 mm jitter across it; the noisiest points
 * flagged less visible; points outside the image with low presence. {@code strength} scales every
 * error (1 = the measured model). Stateful: one instance per clip.
 */
public final class LandmarkNoise {
    private static final double JITTER_2D = 0.02, DRIFT_2D = 0.01, DRIFT_2D_TAU = 0.3;
    private static final double SPIKE_RATE = 0.01, SPIKE_MIN = 0.08, SPIKE_MAX = 0.20;
    public static final double WORLD_SCALE = 0.97;
    private static final double DEPTH_DRIFT = 0.100, DEPTH_JITTER = 0.025;
    private static final double ACROSS_DRIFT = 0.035, ACROSS_JITTER = 0.015, WORLD_TAU = 0.7;

    private final Camera camera;
    private final double stature, fps, strength;
    private final Random random;
    private final double[][] drift2d = new double[BlazePose.COUNT][2], drift3d = new double[BlazePose.COUNT][3];
    private final double[][] spike = new double[BlazePose.COUNT][2];
    private final int[] spikeFrames = new int[BlazePose.COUNT];
    private final double[] spikeVisibility = new double[BlazePose.COUNT];
    private boolean started;

    public LandmarkNoise(Camera camera, double stature, double fps, double strength, Random random) {
        this.camera = camera;
        this.stature = stature;
        this.fps = fps;
        this.strength = strength;
        this.random = random;
    }

    /** The landmarks of the next frame, from the 33 true positions in world coordinates. */
    public Landmarks frame(Vec3[] world) {
        int n = BlazePose.COUNT;
        Vec3[] cam = new Vec3[n];
        for (int i = 0; i < n; i++) {
            cam[i] = camera.toCamera(world[i]);
        }
        Vec3 hip = cam[BlazePose.LEFT_HIP].lerp(cam[BlazePose.RIGHT_HIP], 0.5);
        double bodyPx = stature * camera.focal() / hip.z();
        float[] image = new float[3 * n], rel = new float[3 * n], vis = new float[n], presence = new float[n];
        boolean noisy = strength > 0;
        double a2 = Math.exp(-1 / (fps * DRIFT_2D_TAU)), a3 = Math.exp(-1 / (fps * WORLD_TAU));
        double uMin = Double.POSITIVE_INFINITY, uMax = Double.NEGATIVE_INFINITY, vMin = uMin, vMax = uMax;
        for (int i = 0; i < n; i++) {
            double[] uv = camera.project(cam[i]);
            double du = 0, dv = 0, visibility = 1;
            Vec3 r = cam[i].minus(hip);
            if (noisy) {
                for (int c = 0; c < 2; c++) {
                    drift2d[i][c] = next(drift2d[i][c], a2, strength * DRIFT_2D);
                }
                du = bodyPx * (drift2d[i][0] + strength * JITTER_2D * random.nextGaussian());
                dv = bodyPx * (drift2d[i][1] + strength * JITTER_2D * random.nextGaussian());
                visibility = 0.85 + 0.13 * random.nextDouble();
                if (spikeFrames[i] == 0 && random.nextDouble() < SPIKE_RATE * strength) {
                    double angle = 2 * Math.PI * random.nextDouble();
                    double size = SPIKE_MIN + (SPIKE_MAX - SPIKE_MIN) * random.nextDouble();
                    spike[i][0] = size * Math.cos(angle);
                    spike[i][1] = size * Math.sin(angle);
                    spikeFrames[i] = 1 + random.nextInt(3);
                    spikeVisibility[i] = 0.15 + 0.3 * random.nextDouble();
                }
                if (spikeFrames[i] > 0) {
                    du += bodyPx * spike[i][0];
                    dv += bodyPx * spike[i][1];
                    visibility = spikeVisibility[i];
                    spikeFrames[i]--;
                }
                double[] e = new double[3];
                for (int c = 0; c < 3; c++) {
                    double driftSigma = c == 2 ? DEPTH_DRIFT : ACROSS_DRIFT, jitter = c == 2 ? DEPTH_JITTER : ACROSS_JITTER;
                    drift3d[i][c] = next(drift3d[i][c], a3, strength * driftSigma);
                    e[c] = drift3d[i][c] + strength * jitter * random.nextGaussian();
                }
                double e2d = Math.hypot(du, dv) / bodyPx;
                if (spikeFrames[i] == 0 && visibility > 0.5 && (e2d > 0.06 || Math.abs(e[2]) > 0.2)) {
                    visibility = 0.55 + 0.15 * random.nextDouble();
                }
                r = r.times(WORLD_SCALE).plus(new Vec3(e[0], e[1], e[2]));
            }
            image[3 * i] = (float) (uv[0] + du);
            image[3 * i + 1] = (float) (uv[1] + dv);
            image[3 * i + 2] = (float) (r.z() * camera.focal() / hip.z());
            rel[3 * i] = (float) r.x();
            rel[3 * i + 1] = (float) r.y();
            rel[3 * i + 2] = (float) r.z();
            boolean inside = uv[0] >= 0 && uv[0] < camera.width() && uv[1] >= 0 && uv[1] < camera.height();
            presence[i] = inside ? 1 : (float) (0.05 + 0.25 * random.nextDouble());
            vis[i] = (float) (inside ? visibility : Math.min(visibility, 0.3));
            uMin = Math.min(uMin, image[3 * i]);
            uMax = Math.max(uMax, image[3 * i]);
            vMin = Math.min(vMin, image[3 * i + 1]);
            vMax = Math.max(vMax, image[3 * i + 1]);
        }
        started = true;
        double[] hipPx = camera.project(hip);
        Roi roi = new Roi(hipPx[0], hipPx[1], 1.25 * Math.max(uMax - uMin, vMax - vMin), 0);
        return new Landmarks(image, rel, vis, presence, 1f, roi);
    }

    /** One step of a stationary first-order autoregressive process of standard deviation {@code sigma}. */
    private double next(double previous, double a, double sigma) {
        return started ? a * previous + Math.sqrt(1 - a * a) * sigma * random.nextGaussian() : sigma * random.nextGaussian();
    }
}
