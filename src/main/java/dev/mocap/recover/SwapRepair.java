package dev.mocap.recover;

import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;

import java.util.ArrayList;
import java.util.List;

/**
 * Undoes left/right swaps of the legs or the arms, which the landmark model makes in side views
 * (docs: BLAZEPOSE-ERRORS). Going through the clip, a limb pair whose exchanged labels continue
 * the previous frame's image positions far better than the given ones is exchanged back.
 */
final class SwapRepair {
    private static final int[][] LEGS = {{BlazePose.LEFT_KNEE, BlazePose.RIGHT_KNEE}, {BlazePose.LEFT_ANKLE, BlazePose.RIGHT_ANKLE},
            {BlazePose.LEFT_HEEL, BlazePose.RIGHT_HEEL}, {BlazePose.LEFT_FOOT_INDEX, BlazePose.RIGHT_FOOT_INDEX}};
    private static final int[][] ARMS = {{BlazePose.LEFT_ELBOW, BlazePose.RIGHT_ELBOW}, {BlazePose.LEFT_WRIST, BlazePose.RIGHT_WRIST},
            {BlazePose.LEFT_PINKY, BlazePose.RIGHT_PINKY}, {BlazePose.LEFT_INDEX, BlazePose.RIGHT_INDEX},
            {BlazePose.LEFT_THUMB, BlazePose.RIGHT_THUMB}};
    /** Swap only when the exchanged labels fit at least this many times better. */
    private static final double CLEAR_WIN = 3;

    private SwapRepair() {
    }

    /** The observations with swapped limbs exchanged back, and how many limb swaps were repaired. */
    record Repaired(List<Observation> frames, int swaps) {
    }

    static Repaired repair(List<Observation> frames) {
        List<Observation> out = new ArrayList<>(frames.size());
        int swaps = 0;
        for (Observation o : frames) {
            Observation fixed = o;
            if (!out.isEmpty()) {
                Observation previous = out.get(out.size() - 1);
                for (int[][] limb : new int[][][]{LEGS, ARMS}) {
                    if (cost(previous, fixed, limb, true) * CLEAR_WIN < cost(previous, fixed, limb, false)) {
                        fixed = exchange(fixed, limb);
                        swaps++;
                    }
                }
            }
            out.add(fixed);
        }
        return new Repaired(out, swaps);
    }

    /** Squared image motion of a limb pair since the previous frame, with or without exchanging labels. */
    private static double cost(Observation previous, Observation current, int[][] pairs, boolean exchanged) {
        double sum = 0;
        for (int[] pair : pairs) {
            for (int side = 0; side < 2; side++) {
                int from = pair[side], to = exchanged ? pair[1 - side] : pair[side];
                double du = current.u(to) - previous.u(from), dv = current.v(to) - previous.v(from);
                sum += du * du + dv * dv;
            }
        }
        return sum;
    }

    private static Observation exchange(Observation o, int[][] pairs) {
        double[] pixels = o.pixels().clone(), weight = o.weight().clone();
        Vec3[] lifted = o.lifted().clone(), shape = o.shape().clone();
        for (int[] pair : pairs) {
            int a = pair[0], b = pair[1];
            swap(pixels, 2 * a, 2 * b);
            swap(pixels, 2 * a + 1, 2 * b + 1);
            swap(weight, a, b);
            Vec3 t = lifted[a];
            lifted[a] = lifted[b];
            lifted[b] = t;
            t = shape[a];
            shape[a] = shape[b];
            shape[b] = t;
        }
        return new Observation(o.time(), pixels, lifted, shape, weight, o.score());
    }

    private static void swap(double[] v, int i, int j) {
        double t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}
