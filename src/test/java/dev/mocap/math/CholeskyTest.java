package dev.mocap.math;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CholeskyTest {

    @Test
    void solvesAPositiveDefiniteSystemAndLeavesItsInputAlone() {
        double[][] a = {{4, 2, 0.6}, {2, 5, 1}, {0.6, 1, 3}};
        double[] x = {1, -2, 0.5};
        double[] b = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                b[i] += a[i][j] * x[j];
            }
        }
        double[] bCopy = b.clone();
        assertArrayEquals(x, Cholesky.solve(a, b), 1e-12);
        assertArrayEquals(x, Cholesky.solve(a, b, 1e-12), 1e-9);
        assertArrayEquals(bCopy, b);
        assertEquals(4, a[0][0]);
    }

    /** x = 1 is fixed by the data; y appears nowhere, and the lift keeps it at zero. */
    @Test
    void theLiftKeepsUnconstrainedDirectionsAtZero() {
        double[] x = Cholesky.solve(new double[][]{{2, 0}, {0, 0}}, new double[]{2, 0}, 1e-12);
        assertEquals(1, x[0], 1e-9);
        assertEquals(0, x[1]);
    }
}
