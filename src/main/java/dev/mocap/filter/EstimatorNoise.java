package dev.mocap.filter;

import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

import java.util.Random;

/**
 * Errors like those of a per-frame pose estimator, put on a clean motion of any skeleton: on
 * every joint's local rotation (as a turn about a random axis) and on the root position,
 * <ul>
 *   <li>jitter: independent Gaussian noise each frame;</li>
 *   <li>drift: slowly wandering Gaussian noise (white noise smoothed over {@code driftSeconds});</li>
 *   <li>spikes: a joint jumps to a wrong pose for 1–3 frames ({@code spikeRate} per joint and frame);</li>
 *   <li>dropouts: the whole pose freezes for 2–5 frames ({@code dropoutRate} per frame), as when an
 *       estimator loses the person and repeats its last answer.</li>
 * </ul>
 * Angles are standard deviations per axis in degrees, root errors per axis in millimetres.
 */
public record EstimatorNoise(double jitterDegrees, double driftDegrees, double driftSeconds, double spikeRate,
                             double spikeDegrees, double dropoutRate, double rootJitterMm, double rootDriftMm) {

    /** Tuned so that a 30 fps clip gets about the acceleration error of single-frame estimators (SmoothNet's inputs). */
    public static EstimatorNoise perFrameEstimator() {
        return new EstimatorNoise(0.8, 5, 0.5, 0.003, 25, 0.01, 10, 30);
    }

    public Motion applyTo(Motion clean, Random random) {
        int n = clean.frameCount(), joints = clean.skeleton().size();
        double fps = clean.fps();
        Quat[][] rotations = new Quat[n][joints];
        for (int j = 0; j < joints; j++) {
            Vec3[] error = errors(n, fps, Math.toRadians(jitterDegrees), Math.toRadians(driftDegrees), random);
            addSpikes(error, random);
            for (int t = 0; t < n; t++) {
                rotations[t][j] = clean.rotations().get(t, j).times(Quat.exp(error[t])).normalized();
            }
        }
        Vec3[] rootError = errors(n, fps, rootJitterMm / 1000, rootDriftMm / 1000, random);
        Vec3[] root = new Vec3[n];
        for (int t = 0; t < n; t++) {
            root[t] = clean.rootPositions()[t].plus(rootError[t]);
        }
        freezeDropouts(root, rotations, random);
        return new Motion(clean.skeleton(), fps, root, rotations, clean.confidence(), clean.contacts());
    }

    private Vec3[] errors(int n, double fps, double jitter, double drift, Random random) {
        double[][] axes = new double[3][];
        GaussianSmoothing slow = new GaussianSmoothing(driftSeconds);
        for (int a = 0; a < 3; a++) {
            double[] wander = new double[n];
            for (int t = 0; t < n; t++) {
                wander[t] = random.nextGaussian();
            }
            wander = slow.apply(wander, fps);
            double scale = drift / Math.max(rms(wander), 1e-12);
            axes[a] = new double[n];
            for (int t = 0; t < n; t++) {
                axes[a][t] = scale * wander[t] + jitter * random.nextGaussian();
            }
        }
        Vec3[] out = new Vec3[n];
        for (int t = 0; t < n; t++) {
            out[t] = new Vec3(axes[0][t], axes[1][t], axes[2][t]);
        }
        return out;
    }

    private void addSpikes(Vec3[] error, Random random) {
        for (int t = 0; t < error.length; t++) {
            if (random.nextDouble() < spikeRate) {
                Vec3 spike = new Vec3(random.nextGaussian(), random.nextGaussian(), random.nextGaussian()).normalized()
                        .times(Math.toRadians(spikeDegrees) * (0.5 + random.nextDouble()));
                int length = 1 + random.nextInt(3);
                for (int k = t; k < Math.min(t + length, error.length); k++) {
                    error[k] = error[k].plus(spike);
                }
            }
        }
    }

    private void freezeDropouts(Vec3[] root, Quat[][] rotations, Random random) {
        for (int t = 1; t < root.length; t++) {
            if (random.nextDouble() < dropoutRate) {
                int end = Math.min(t + 2 + random.nextInt(4), root.length);
                for (int k = t; k < end; k++) {
                    root[k] = root[t - 1];
                    rotations[k] = rotations[t - 1];
                }
                t = end - 1;
            }
        }
    }

    private static double rms(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return x.length == 0 ? 0 : Math.sqrt(sum / x.length);
    }
}
