package dev.mocap.math;

/**
 * Whittaker–Henderson smoothing of one channel: the x minimising Σ wᵢ (xᵢ − yᵢ)² + λ Σ (Δ²x)ᵢ²,
 * solved exactly in O(n) (the normal equations are pentadiagonal: banded Cholesky). Its response
 * to a frequency ω (radians per sample) is 1 / (1 + λ (2 − 2 cos ω)²), so λ = ω_c⁻⁴ halves the
 * amplitude at ω_c; weights let confident samples pull harder.
 */
public final class WhittakerSmoother {

    /** λ for a half-power cut-off of {@code hz} at {@code fps} samples a second. */
    public static double lambda(double hz, double fps) {
        double w = 2 * Math.PI * Math.min(hz / fps, 0.5);
        return 1 / Math.pow(2 - 2 * Math.cos(w), 2);
    }

    /** The smoothed samples; weights must be positive; λ = 0 returns a copy. */
    public static double[] smooth(double[] y, double[] weight, double lambda) {
        int n = y.length;
        if (n < 3 || lambda == 0) {
            return y.clone();
        }
        double[] d0 = new double[n], d1 = new double[n], d2 = new double[n];
        for (int i = 0; i < n; i++) {
            d0[i] = weight[i];
        }
        double[] c = {1, -2, 1};
        for (int r = 0; r + 2 < n; r++) {
            for (int a = 0; a < 3; a++) {
                d0[r + a] += lambda * c[a] * c[a];
                if (a < 2) {
                    d1[r + a] += lambda * c[a] * c[a + 1];
                }
            }
            d2[r] += lambda * c[0] * c[2];
        }
        // Cholesky: l0 the diagonal of L, l1 and l2 its first and second sub-diagonals.
        double[] l0 = new double[n], l1 = new double[n], l2 = new double[n];
        for (int i = 0; i < n; i++) {
            double a = d0[i] - (i >= 1 ? l1[i - 1] * l1[i - 1] : 0) - (i >= 2 ? l2[i - 2] * l2[i - 2] : 0);
            l0[i] = Math.sqrt(a);
            l1[i] = (d1[i] - (i >= 1 ? l2[i - 1] * l1[i - 1] : 0)) / l0[i];
            l2[i] = d2[i] / l0[i];
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (weight[i] * y[i] - (i >= 1 ? l1[i - 1] * z[i - 1] : 0) - (i >= 2 ? l2[i - 2] * z[i - 2] : 0)) / l0[i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            x[i] = (z[i] - (i + 1 < n ? l1[i] * x[i + 1] : 0) - (i + 2 < n ? l2[i] * x[i + 2] : 0)) / l0[i];
        }
        return x;
    }

    private WhittakerSmoother() {
    }
}
