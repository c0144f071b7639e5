package dev.mocap.filter;

import dev.mocap.math.Cholesky;

/**
 * Savitzky–Golay smoothing (offline, zero-phase): each sample is replaced by the value at its
 * centre of the least-squares polynomial of degree {@code order} through the {@code window}
 * frames around it. It keeps peaks (a jump's apex, a punch) better than a Gaussian of the same
 * noise reduction, and passes polynomials up to {@code order} unchanged. The window is in frames
 * (odd); clips shorter than it are continued by point reflection at their ends.
 */
public record SavitzkyGolay(int window, int order) implements SignalFilter {

    public SavitzkyGolay {
        if (window < 3 || window % 2 == 0) {
            throw new IllegalArgumentException("the window must be an odd number of frames, at least 3: " + window);
        }
        if (order < 0 || order >= window) {
            throw new IllegalArgumentException("the polynomial order must be 0 to window - 1: " + order);
        }
    }

    @Override
    public double[] apply(double[] samples, double fps) {
        return SymmetricKernel.convolve(samples, coefficients());
    }

    /** Centre-point weights: row 0 of (AᵀA)⁻¹Aᵀ with A[i][k] = iᵏ, i = −m … m. */
    double[] coefficients() {
        int m = window / 2, terms = order + 1;
        double[][] normal = new double[terms][terms];
        for (int r = 0; r < terms; r++) {
            for (int c = 0; c < terms; c++) {
                for (int i = -m; i <= m; i++) {
                    normal[r][c] += Math.pow(i, r + c);
                }
            }
        }
        double[] first = new double[terms];
        first[0] = 1;
        double[] a = Cholesky.solve(normal, first);
        double[] weights = new double[window];
        for (int i = -m; i <= m; i++) {
            for (int k = 0; k < terms; k++) {
                weights[i + m] += a[k] * Math.pow(i, k);
            }
        }
        return weights;
    }
}
