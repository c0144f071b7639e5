package dev.mocap.recover;

import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;

import java.util.ArrayList;
import java.util.List;

/**
 * How much the landmarks shake: medians, over the limb landmarks and consecutive frames, of
 * their second difference in camera space (metres per frame²) — in all, along the camera ray
 * (depth, from the world landmarks) and across it (from the 2D landmarks). Motion contributes
 * too, but for most landmarks in most frames the landmark model's own jitter dominates: clean
 * mocap gives a few mm/frame², BlazePose at 30 fps some tens, mostly in depth.
 */
record NoiseLevel(double total, double alongRay, double acrossRay) {
    /** The level the temporal fit's smoothness weights are tuned for: typical BlazePose footage. */
    static final double TYPICAL = 0.04;
    private static final double MIN_WEIGHT = 0.5;

    static NoiseLevel of(List<Observation> frames) {
        List<Double> total = new ArrayList<>(), along = new ArrayList<>(), across = new ArrayList<>();
        for (int k = 1; k + 1 < frames.size(); k++) {
            Observation a = frames.get(k - 1), b = frames.get(k), c = frames.get(k + 1);
            for (int i : BlazePose.MAJOR_JOINTS) {
                if (Math.min(a.weight()[i], Math.min(b.weight()[i], c.weight()[i])) >= MIN_WEIGHT) {
                    Vec3 acceleration = c.lifted()[i].minus(b.lifted()[i].times(2)).plus(a.lifted()[i]);
                    Vec3 ray = b.lifted()[i].normalized();
                    double depth = acceleration.dot(ray);
                    total.add(acceleration.length());
                    along.add(Math.abs(depth));
                    across.add(acceleration.minus(ray.times(depth)).length());
                }
            }
        }
        return total.isEmpty() ? new NoiseLevel(TYPICAL, TYPICAL, TYPICAL) : new NoiseLevel(median(total), median(along), median(across));
    }

    /**
     * The factor on the fit's smoothness: proportional to the noise (the ratio of data to
     * smoothness weights in a least-squares fit goes with the data's standard deviation), within
     * bounds so that neither clean nor very rough input switches smoothing off or freezes motion.
     */
    double smoothnessFactor() {
        return Math.max(0.1, Math.min(2.0, total / TYPICAL));
    }

    /**
     * The factor on the depth term: depth is trusted as far as it is as steady as the 2D
     * evidence (inverse-noise weighting), between a fifth and fully.
     */
    double depthFactor() {
        return Math.max(0.2, Math.min(1.0, acrossRay / Math.max(alongRay, 1e-9)));
    }

    private static double median(List<Double> values) {
        values.sort(null);
        return values.get(values.size() / 2);
    }
}
