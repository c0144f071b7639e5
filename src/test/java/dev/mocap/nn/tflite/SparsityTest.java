package dev.mocap.nn.tflite;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SparsityTest {
    private static final Sparsity.Dimension DENSE = new Sparsity.Dimension(false, 0, new int[0], new int[0]);

    /** Shape [3,1,1,4] (D, D, D, S): rows 0 and 2 hold values, row 1 is empty. */
    @Test
    void densifiesCsrRows() {
        Sparsity.Dimension csr = new Sparsity.Dimension(true, 0, new int[] {0, 2, 2, 5}, new int[] {1, 3, 0, 2, 3});
        Sparsity sparsity = new Sparsity(new int[] {0, 1, 2, 3}, new int[0], List.of(DENSE, DENSE, DENSE, csr));

        float[] dense = sparsity.densify(new float[] {1, 2, 3, 4, 5}, new int[] {3, 1, 1, 4});

        assertArrayEquals(new float[] {0, 1, 0, 2, 0, 0, 0, 0, 3, 0, 4, 5}, dense);
    }

    @Test
    void rejectsBlockSparsity() {
        Sparsity.Dimension csr = new Sparsity.Dimension(true, 0, new int[] {0, 1}, new int[] {0});
        Sparsity blocked = new Sparsity(new int[] {0, 1}, new int[] {0}, List.of(DENSE, csr));

        assertThrows(IllegalArgumentException.class, () -> blocked.densify(new float[] {1}, new int[] {1, 2}));
    }

    @Test
    void rejectsSegmentsNotMatchingTheShape() {
        Sparsity.Dimension csr = new Sparsity.Dimension(true, 0, new int[] {0, 1}, new int[] {0});
        Sparsity sparsity = new Sparsity(new int[0], new int[0], List.of(DENSE, csr));

        assertThrows(IllegalArgumentException.class, () -> sparsity.densify(new float[] {1}, new int[] {2, 2}));
    }
}
