package dev.mocap.body;

import dev.mocap.math.WhittakerSmoother;

/**
 * How far a whole body moves, frame by frame, so that its planted feet come to their spots with
 * the pose unchanged: the weighted mean of what the planted feet lack, smoothed, and fading to
 * nothing where no foot is planted. Legs bent by IK reach the same spots at the cost of the pose;
 * after this shift they bend only for what is left (two feet that disagree, a shift too quick).
 */
public final class RootShift {
    /** Half-power cut-off (Hz) of the shift. */
    private static final double CUT_OFF_HZ = 6;
    /** Weight, against a planted foot's 1, that holds the shift at none where no foot is planted (less in the blends). */
    private static final double REST = 0.05;

    /**
     * @param lack   per foot and frame, what the foot lacks to be on its spot (its target minus
     *               where it is); ignored where the weight is 0
     * @param weight per foot and frame, how firmly the foot is held, 0 (free) to 1 (planted)
     */
    public static Vec3[] toward(Vec3[][] lack, double[][] weight, double fps) {
        int n = weight[0].length;
        double[][] axes = new double[3][n];
        double[] w = new double[n];
        for (int t = 0; t < n; t++) {
            double planted = 0;
            Vec3 sum = Vec3.ZERO;
            for (int foot = 0; foot < lack.length; foot++) {
                if (weight[foot][t] > 0) {
                    planted += weight[foot][t];
                    sum = sum.plus(lack[foot][t].times(weight[foot][t]));
                }
            }
            w[t] = planted + REST * Math.max(0, 1 - planted);
            for (int a = 0; a < 3; a++) {
                axes[a][t] = sum.get(a) / w[t];
            }
        }
        double lambda = WhittakerSmoother.lambda(CUT_OFF_HZ, fps);
        double[] x = WhittakerSmoother.smooth(axes[0], w, lambda), y = WhittakerSmoother.smooth(axes[1], w, lambda),
                z = WhittakerSmoother.smooth(axes[2], w, lambda);
        Vec3[] shift = new Vec3[n];
        for (int t = 0; t < n; t++) {
            shift[t] = new Vec3(x[t], y[t], z[t]);
        }
        return shift;
    }

    private RootShift() {
    }
}
