package dev.mocap.recover;

import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Robust body measurements over a clip: the median over frames in which every landmark involved
 * is confident. Where no frame qualifies, an average adult's value (given by the caller) is used.
 */
final class Lengths {
    private static final double CONFIDENT = 0.6;
    private final List<Observation> frames;

    Lengths(List<Observation> frames) {
        this.frames = frames;
    }

    /** Left/right average of the medians of |a1 − b1| and |a2 − b2|. */
    double pair(int a1, int b1, int a2, int b2, double fallback) {
        return (single(a1, b1, fallback) + single(a2, b2, fallback)) / 2;
    }

    double single(int a, int b, double fallback) {
        return median(new int[]{a, b}, o -> o.lifted()[a].distance(o.lifted()[b]), fallback);
    }

    /** Mid-hip to mid-shoulder. */
    double torso() {
        return median(new int[]{BlazePose.LEFT_HIP, BlazePose.RIGHT_HIP, BlazePose.LEFT_SHOULDER, BlazePose.RIGHT_SHOULDER},
                o -> midHip(o).distance(midShoulder(o)), 0.50);
    }

    /** Wrist to the middle of the index and pinky knuckles, both sides averaged. */
    double hand() {
        double left = median(new int[]{BlazePose.LEFT_WRIST, BlazePose.LEFT_INDEX, BlazePose.LEFT_PINKY},
                o -> o.lifted()[BlazePose.LEFT_WRIST].distance(mid(o, BlazePose.LEFT_INDEX, BlazePose.LEFT_PINKY)), 0.08);
        double right = median(new int[]{BlazePose.RIGHT_WRIST, BlazePose.RIGHT_INDEX, BlazePose.RIGHT_PINKY},
                o -> o.lifted()[BlazePose.RIGHT_WRIST].distance(mid(o, BlazePose.RIGHT_INDEX, BlazePose.RIGHT_PINKY)), 0.08);
        return (left + right) / 2;
    }

    /** Mid-shoulder to mid-ear. */
    double neckToEars() {
        return median(new int[]{BlazePose.LEFT_SHOULDER, BlazePose.RIGHT_SHOULDER, BlazePose.LEFT_EAR, BlazePose.RIGHT_EAR},
                o -> midShoulder(o).distance(mid(o, BlazePose.LEFT_EAR, BlazePose.RIGHT_EAR)), 0.20);
    }

    /**
     * The nose relative to the middle of the ears in a head looking straight ahead: how far in
     * front, and how far below along the torso's up direction.
     */
    Vec3 noseFromEars() {
        int[] needed = {BlazePose.NOSE, BlazePose.LEFT_EAR, BlazePose.RIGHT_EAR, BlazePose.LEFT_SHOULDER,
                BlazePose.RIGHT_SHOULDER, BlazePose.LEFT_HIP, BlazePose.RIGHT_HIP};
        double distance = median(needed, o -> o.lifted()[BlazePose.NOSE].distance(mid(o, BlazePose.LEFT_EAR, BlazePose.RIGHT_EAR)), 0.10);
        // Camera space has y down, so the torso's up is mid-shoulder minus mid-hip.
        double drop = median(needed, o -> o.lifted()[BlazePose.NOSE].minus(mid(o, BlazePose.LEFT_EAR, BlazePose.RIGHT_EAR))
                .dot(midShoulder(o).minus(midHip(o)).normalized()), -0.02);
        drop = Math.max(-0.8 * distance, Math.min(0.8 * distance, drop));
        return new Vec3(0, drop, Math.sqrt(distance * distance - drop * drop));
    }

    private double median(int[] landmarks, Function<Observation, Double> measure, double fallback) {
        List<Double> values = new ArrayList<>();
        for (Observation o : frames) {
            if (Arrays.stream(landmarks).allMatch(i -> o.weight()[i] >= CONFIDENT)) {
                values.add(measure.apply(o));
            }
        }
        if (values.isEmpty()) {
            return fallback;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static Vec3 mid(Observation o, int a, int b) {
        return o.lifted()[a].lerp(o.lifted()[b], 0.5);
    }

    static Vec3 midHip(Observation o) {
        return mid(o, BlazePose.LEFT_HIP, BlazePose.RIGHT_HIP);
    }

    static Vec3 midShoulder(Observation o) {
        return mid(o, BlazePose.LEFT_SHOULDER, BlazePose.RIGHT_SHOULDER);
    }
}
