package dev.mocap.body;

import java.util.Arrays;

/**
 * Where a foot is held while it is planted: at the mean of its free positions over each run of
 * contact frames, with a weight that is 1 on planted frames and eases to 0 over
 * {@code blendFrames} before and after (by {@link Ease}), so the foot eases into and out of the
 * pin. Where the blends of two runs overlap, the nearer run holds the foot (the earlier one on a tie).
 * In the blend the pin travels with the foot ({@link #held}): only the correction it needed at the
 * run's edge fades, so a foot that leaves quickly is not dragged back to where it stood.
 */
public final class FootPin {
    /** How the weight falls with {@code s}, 1 on a planted frame down to 0 past the blend. */
    public enum Ease {
        LINEAR, SMOOTH_STEP;

        double of(double s) {
            return this == LINEAR ? s : s * s * (3 - 2 * s);
        }
    }

    private final double[] weight;
    private final Vec3[] anchor;
    private final Vec3[] free;
    /** The nearest planted frame of the run that holds each frame (-1: none). */
    private final int[] edge;

    /** From the contact flags and the foot's free world positions (where it is without pinning), frame by frame. */
    public FootPin(boolean[] planted, Vec3[] free, int blendFrames, Ease ease) {
        int n = planted.length;
        this.free = free.clone();
        weight = new double[n];
        anchor = new Vec3[n];
        edge = new int[n];
        Arrays.fill(edge, -1);
        Vec3[] contactMean = new Vec3[n];
        for (int start = 0; start < n; start++) {
            if (!planted[start]) {
                continue;
            }
            int end = start;
            Vec3 sum = Vec3.ZERO;
            while (end < n && planted[end]) {
                sum = sum.plus(free[end++]);
            }
            for (int f = start; f < end; f++) {
                contactMean[f] = sum.times(1.0 / (end - start));
            }
            start = end - 1;
        }
        for (int f = 0; f < n; f++) {
            for (int d = 0; d <= blendFrames; d++) {
                int nearest = f - d >= 0 && contactMean[f - d] != null ? f - d : f + d < n && contactMean[f + d] != null ? f + d : -1;
                if (nearest >= 0) {
                    weight[f] = ease.of(1 - d / (double) (blendFrames + 1));
                    anchor[f] = contactMean[nearest];
                    edge[f] = nearest;
                    break;
                }
            }
        }
    }

    public double weight(int frame) {
        return weight[frame];
    }

    /** The run's spot that holds the foot on this frame: its mean free position (null where the weight is 0). */
    public Vec3 anchor(int frame) {
        return anchor[frame];
    }

    /**
     * Where the foot goes at full weight when its run is held at {@code spot} (the anchor, or a
     * caller's adjustment of it): the spot itself on planted frames, and in the blend the spot
     * moved on by the foot's free motion since the run's nearest planted frame.
     */
    public Vec3 held(int frame, Vec3 spot) {
        return spot.plus(free[frame].minus(free[edge[frame]]));
    }
}
