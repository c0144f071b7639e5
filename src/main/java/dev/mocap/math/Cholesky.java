package dev.mocap.math;

/** Solves A·x = b for a symmetric positive (semi-)definite A by Cholesky factorisation. */
public final class Cholesky {

    private Cholesky() {
    }

    /** A·x = b for a positive definite A; A and b are left unchanged. */
    public static double[] solve(double[][] a, double[] b) {
        return solve(a, b, 0);
    }

    /**
     * A·x = b with the diagonal lifted by {@code relativeLift} times A's mean diagonal, so that
     * directions the data do not constrain (a semi-definite A) stay at zero instead of blowing
     * up; A and b are left unchanged.
     */
    public static double[] solve(double[][] a, double[] b, double relativeLift) {
        int n = b.length;
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += a[i][i];
        }
        double lift = relativeLift * Math.max(trace / n, 1e-300);
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j] + (i == j ? lift : 0);
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = Math.sqrt(Math.max(sum, 1e-300));
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }
}
