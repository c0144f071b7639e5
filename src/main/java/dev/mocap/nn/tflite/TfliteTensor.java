package dev.mocap.nn.tflite;

/**
 * A tensor of a subgraph. {@code buffer} indexes the model's buffers (an empty buffer means the
 * tensor is computed at run time); {@code sparsity} is null for dense tensors.
 */
public record TfliteTensor(String name, int[] shape, TensorType type, int buffer, Sparsity sparsity) {

    public int rank() {
        return shape.length;
    }
}
