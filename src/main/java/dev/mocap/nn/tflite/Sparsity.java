package dev.mocap.nn.tflite;

import java.util.Arrays;
import java.util.List;

/**
 * SparsityParameters of a tensor. Only the layout TFLite's converter emits for pruned conv
 * filters is densified: identity traversal order, no blocks, every dimension dense except the
 * last, which is CSR.
 */
public record Sparsity(int[] traversalOrder, int[] blockMap, List<Dimension> dimensions) {
    private static final long MAX_DENSE = 1 << 26;

    /** DimensionMetadata; {@code segments} and {@code indices} are empty for dense dimensions. */
    public record Dimension(boolean sparseCsr, int denseSize, int[] segments, int[] indices) {
    }

    /** Expands the stored values into a dense row-major array of {@code shape}. */
    public float[] densify(float[] values, int[] shape) {
        requireSupported(shape);
        int cols = shape[shape.length - 1];
        int rows = (int) (denseSize(shape) / cols);
        Dimension csr = dimensions.get(shape.length - 1);
        if (csr.segments().length != rows + 1 || csr.indices().length != values.length) {
            throw new TfliteFormatException("CSR segments/indices do not match shape " + Arrays.toString(shape));
        }
        float[] dense = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            int from = csr.segments()[r], to = csr.segments()[r + 1];
            if (from < 0 || from > to || to > values.length) {
                throw new TfliteFormatException("CSR row " + r + " spans values " + from + " to " + to + " of " + values.length);
            }
            for (int j = from; j < to; j++) {
                int col = csr.indices()[j];
                if (col < 0 || col >= cols) {
                    throw new TfliteFormatException("CSR column " + col + " outside shape " + Arrays.toString(shape));
                }
                dense[r * cols + col] = values[j];
            }
        }
        return dense;
    }

    /**
     * Elements of the dense tensor. More than {@value #MAX_DENSE} means a damaged shape: that is
     * more weights than the whole heavy landmark model has (a 28 MB file).
     */
    private static long denseSize(int[] shape) {
        long size = 1;
        for (int d : shape) {
            size *= d;
            if (d <= 0 || size > MAX_DENSE) {
                throw new TfliteFormatException("sparse tensor shape " + Arrays.toString(shape) + " is not a possible dense size");
            }
        }
        return size;
    }

    private void requireSupported(int[] shape) {
        boolean identityOrder = true;
        for (int i = 0; i < traversalOrder.length; i++) {
            identityOrder &= traversalOrder[i] == i;
        }
        boolean denseThenCsr = shape.length > 0 && dimensions.size() == shape.length;
        for (int i = 0; denseThenCsr && i < shape.length; i++) {
            denseThenCsr = dimensions.get(i).sparseCsr() == (i == shape.length - 1);
        }
        if (!identityOrder || blockMap.length > 0 || !denseThenCsr) {
            throw new TfliteFormatException("unsupported sparse layout: only dense dimensions followed by one"
                    + " CSR last dimension, identity traversal order and no block sparsity are supported");
        }
    }
}
