package dev.mocap.retarget;

import dev.mocap.body.Vec3;

/**
 * Where one retargeted foot (its toes) is held while the source has it planted: at the mean of where it
 * would be over each contact (its place on the character when it just follows its hip), with a
 * weight that is 1 on planted frames and fades linearly to 0 over {@code blendFrames} before and
 * after, so the foot eases into and out of the pin.
 */
final class FootPin {
    private final double[] weight;
    private final Vec3[] anchor;

    /** From the contact flags and the foot's unpinned world positions, frame by frame. */
    FootPin(boolean[] planted, Vec3[] free, int blendFrames) {
        int n = planted.length;
        weight = new double[n];
        anchor = new Vec3[n];
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
                    weight[f] = 1 - d / (double) (blendFrames + 1);
                    anchor[f] = contactMean[nearest];
                    break;
                }
            }
        }
    }

    double weight(int frame) {
        return weight[frame];
    }

    /** The world position the foot is pulled to (null where the weight is 0). */
    Vec3 anchor(int frame) {
        return anchor[frame];
    }
}
