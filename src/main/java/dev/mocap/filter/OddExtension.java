package dev.mocap.filter;

/**
 * A finite signal continued beyond both ends by point reflection about its end samples
 * (x[−i] = 2·x[0] − x[i]), repeated as often as needed, so that a window longer than the clip
 * still has samples. Unlike zero or mirror padding it keeps constants and straight lines
 * exactly, so a zero-phase filter does not bend a motion's start or end towards a standstill.
 */
public final class OddExtension {

    /** The signal with {@code pad} extended samples before and after it. */
    public static double[] padded(double[] x, int pad) {
        double[] out = new double[x.length + 2 * pad];
        for (int i = 0; i < out.length; i++) {
            out[i] = at(x, i - pad);
        }
        return out;
    }

    static double at(double[] x, int i) {
        int n = x.length;
        if (n == 1) {
            return x[0];
        }
        double constant = 0, sign = 1;
        while (i < 0 || i >= n) {
            if (i < 0) {
                constant += 2 * sign * x[0];
                i = -i;
            } else {
                constant += 2 * sign * x[n - 1];
                i = 2 * (n - 1) - i;
            }
            sign = -sign;
        }
        return constant + sign * x[i];
    }

    private OddExtension() {
    }
}
