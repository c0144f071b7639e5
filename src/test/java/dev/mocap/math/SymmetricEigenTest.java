package dev.mocap.math;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SymmetricEigenTest {

    /** M = Σ λᵢ uᵢuᵢᵀ from a known orthonormal basis: the extreme eigenvectors come back (up to sign). */
    @Test
    void findsTheSmallestAndLargestEigenvectorsAtAnyScale() {
        Random r = new Random(3);
        for (int n : new int[]{3, 4}) {
            for (double scale : new double[]{1e-6, 1, 1e6}) {
                double[][] basis = orthonormal(n, r);
                double[][] m = new double[n][n];
                for (int k = 0; k < n; k++) {
                    double lambda = scale * (k + 1);
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            m[i][j] += lambda * basis[k][i] * basis[k][j];
                        }
                    }
                }
                double[][] copy = {m[0].clone(), m[1].clone(), m[2].clone()};
                SymmetricEigen eigen = SymmetricEigen.of(m);
                assertEquals(1, Math.abs(dot(eigen.smallestVector(), basis[0])), 1e-9, n + "×" + n + " at scale " + scale);
                assertEquals(1, Math.abs(dot(eigen.largestVector(), basis[n - 1])), 1e-9, n + "×" + n + " at scale " + scale);
                assertArrayEquals(copy[0], m[0]);
            }
        }
    }

    @Test
    void aDiagonalMatrixIsItsOwnDecomposition() {
        SymmetricEigen eigen = SymmetricEigen.of(new double[][]{{2, 0, 0}, {0, -1, 0}, {0, 0, 5}});
        assertArrayEquals(new double[]{0, 1, 0}, eigen.smallestVector());
        assertArrayEquals(new double[]{0, 0, 1}, eigen.largestVector());
    }

    private static double[][] orthonormal(int n, Random r) {
        double[][] basis = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                basis[k][i] = r.nextGaussian();
            }
            for (int j = 0; j < k; j++) {
                double d = dot(basis[k], basis[j]);
                for (int i = 0; i < n; i++) {
                    basis[k][i] -= d * basis[j][i];
                }
            }
            double norm = Math.sqrt(dot(basis[k], basis[k]));
            for (int i = 0; i < n; i++) {
                basis[k][i] /= norm;
            }
        }
        return basis;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
