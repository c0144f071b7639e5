package dev.mocap.nn.tflite;

import java.util.Arrays;
import java.util.List;

/**
 * SparsityParameters of a tensor. Only the layout TFLite's converter emits for pruned conv
 * filters is densified: identity traversal order, no blocks, every dimension dense except the
 * last, which is CSR.
 */
public record Sparsity(int[] traversalOrder, int[] blockMap, List<Dimension> dimensions) {

    /** DimensionMetadata; {@code segments} and {@code indices} are empty for dense dimensions. */
    public record Dimension(boolean sparseCsr, int denseSize, int[] segments, int[] indices) {
    }

    /** Expands the stored values into a dense row-major array of {@code shape}. */
    public float[] densify(float[] values, int[] shape) {
        requireSupported(shape);
        int cols = shape[shape.length - 1];
        int rows = Arrays.stream(shape).reduce(1, (a, b) -> a * b) / cols;
        Dimension csr = dimensions.get(shape.length - 1);
        if (csr.segments().length != rows + 1 || csr.indices().length != values.length) {
            throw new IllegalArgumentException("CSR segments/indices do not match shape " + Arrays.toString(shape));
        }
        float[] dense = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int j = csr.segments()[r]; j < csr.segments()[r + 1]; j++) {
                dense[r * cols + csr.indices()[j]] = values[j];
            }
        }
        return dense;
    }

    private void requireSupported(int[] shape) {
        boolean identityOrder = true;
        for (int i = 0; i < traversalOrder.length; i++) {
            identityOrder &= traversalOrder[i] == i;
        }
        boolean denseThenCsr = dimensions.size() == shape.length;
        for (int i = 0; denseThenCsr && i < shape.length; i++) {
            denseThenCsr = dimensions.get(i).sparseCsr() == (i == shape.length - 1);
        }
        if (!identityOrder || blockMap.length > 0 || !denseThenCsr) {
            throw new IllegalArgumentException("unsupported sparse layout: only dense dimensions followed by one"
                    + " CSR last dimension, identity traversal order and no block sparsity are supported");
        }
    }
}
