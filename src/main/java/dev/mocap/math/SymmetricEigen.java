package dev.mocap.math;

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations. The sweeps stop
 * when the off-diagonal part is negligible against the whole matrix, so the result does not
 * depend on the matrix's scale. The input is left unchanged.
 */
public final class SymmetricEigen {
    private static final int MAX_SWEEPS = 100;

    private final double[] values;
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    public static SymmetricEigen of(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS && !diagonal(a); sweep++) {
            for (int p = 0; p < n - 1; p++) {
                for (int r = p + 1; r < n; r++) {
                    if (a[p][r] != 0) {
                        rotate(a, v, p, r);
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return new SymmetricEigen(values, v);
    }

    /** The eigenvector (unit length) of the smallest eigenvalue. */
    public double[] smallestVector() {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return vector(best);
    }

    /** The eigenvector (unit length) of the largest eigenvalue. */
    public double[] largestVector() {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return vector(best);
    }

    private double[] vector(int column) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = vectors[i][column];
        }
        return out;
    }

    private static boolean diagonal(double[][] a) {
        double off = 0, all = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (i != j) {
                    off += a[i][j] * a[i][j];
                }
                all += a[i][j] * a[i][j];
            }
        }
        return off <= 1e-30 * Math.max(all, 1e-300);
    }

    /** The Jacobi rotation in the (p, r) plane that zeroes a[p][r], applied to a and accumulated in v. */
    private static void rotate(double[][] a, double[][] v, int p, int r) {
        int n = a.length;
        double theta = (a[r][r] - a[p][p]) / (2 * a[p][r]);
        double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < n; k++) {
            double akp = a[k][p], akr = a[k][r];
            a[k][p] = c * akp - s * akr;
            a[k][r] = s * akp + c * akr;
        }
        for (int k = 0; k < n; k++) {
            double apk = a[p][k], ark = a[r][k];
            a[p][k] = c * apk - s * ark;
            a[r][k] = s * apk + c * ark;
        }
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p], vkr = v[k][r];
            v[k][p] = c * vkp - s * vkr;
            v[k][r] = s * vkp + c * vkr;
        }
    }
}
