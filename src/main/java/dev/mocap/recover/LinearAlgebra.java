package dev.mocap.recover;

import dev.mocap.math.Cholesky;
import dev.mocap.math.SymmetricEigen;

/** The dense linear algebra of this package's solvers, on the shared implementations in {@code dev.mocap.math}. */
final class LinearAlgebra {
    /** The fits' normal equations can leave directions unconstrained (an unseen joint): those stay at zero. */
    private static final double LIFT = 1e-12;

    private LinearAlgebra() {
    }

    /** Solves A·x = b for a symmetric positive semi-definite A; A and b are left unchanged. */
    static double[] solve(double[][] a, double[] b) {
        return Cholesky.solve(a, b, LIFT);
    }

    /** The eigenvector (as {x, y, z}) of the smallest eigenvalue of a symmetric 3×3 matrix. */
    static double[] smallestEigenvector(double[][] m) {
        return SymmetricEigen.of(m).smallestVector();
    }
}
