package dev.mocap.nn.onnx;

import java.util.List;

/**
 * Network layers as standard ONNX operators (opset {@value OnnxModel#OPSET}), their weights in
 * the layout that PyTorch and DJL keep them in. Each method adds its nodes (named after
 * {@code name}) to the graph and returns the name of its result.
 */
public final class OnnxLayers {
    private OnnxLayers() {
    }

    /** {@code x · Wᵀ + b} over the last axis, for {@code weight} [outputs, inputs] row-major and {@code bias} [outputs]. */
    public static String linear(OnnxGraph graph, String name, String x, float[] weight, float[] bias) {
        int outputs = bias.length, inputs = weight.length / outputs;
        float[] transposed = new float[weight.length];
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < inputs; i++) {
                transposed[i * outputs + o] = weight[o * inputs + i];
            }
        }
        graph.floats(name + "_w", new long[]{inputs, outputs}, transposed);
        graph.floats(name + "_b", new long[]{outputs}, bias);
        graph.node("MatMul", List.of(x, name + "_w"), name + "_mm");
        graph.node("Add", List.of(name + "_mm", name + "_b"), name);
        return name;
    }

    /**
     * Batch normalisation over the last axis as at inference, with its running mean and
     * variance: {@code (x − mean) / √(variance + ε) · γ + β}, written as one scale and one shift.
     */
    public static String batchNorm(OnnxGraph graph, String name, String x, float[] gamma, float[] beta, float[] mean, float[] variance,
                                   double epsilon) {
        int n = gamma.length;
        float[] scale = new float[n], shift = new float[n];
        for (int i = 0; i < n; i++) {
            scale[i] = (float) (gamma[i] / Math.sqrt(variance[i] + epsilon));
            shift[i] = beta[i] - mean[i] * scale[i];
        }
        graph.floats(name + "_scale", new long[]{n}, scale);
        graph.floats(name + "_shift", new long[]{n}, shift);
        graph.node("Mul", List.of(x, name + "_scale"), name + "_scaled");
        graph.node("Add", List.of(name + "_scaled", name + "_shift"), name);
        return name;
    }

    /**
     * A bidirectional GRU without bias terms over {@code x} [frames, batch, inputs], as PyTorch
     * computes it: per direction {@code w} [3·hidden, inputs] and {@code r} [3·hidden, hidden]
     * with PyTorch's gate order (reset, update, new) and the reset gate applied after the
     * recurrent product. Returns [frames, batch, 2·hidden], the forward state before the
     * backward one, as PyTorch concatenates them.
     */
    public static String bidirectionalGru(OnnxGraph graph, String name, String x, int hidden, float[] forwardW, float[] forwardR,
                                          float[] backwardW, float[] backwardR) {
        String y = gruNode(graph, name, x, hidden, "bidirectional", concat(onnxGateOrder(forwardW, hidden), onnxGateOrder(backwardW, hidden)),
                concat(onnxGateOrder(forwardR, hidden), onnxGateOrder(backwardR, hidden)));
        // Y is [frames, direction, batch, hidden].
        return reshape(graph, name, transpose(graph, name + "_t", y, 0, 2, 1, 3), 0, 0, -1);
    }

    /**
     * A one-direction GRU without bias terms over {@code x} [frames, batch, inputs], weights as in
     * {@link #bidirectionalGru}. Forward, each frame's state has seen that frame and the ones
     * before it; {@code reverse}, that frame and the ones after it. Returns [frames, batch, hidden].
     */
    public static String gru(OnnxGraph graph, String name, String x, int hidden, boolean reverse, float[] w, float[] r) {
        String y = gruNode(graph, name, x, hidden, reverse ? "reverse" : "forward", onnxGateOrder(w, hidden), onnxGateOrder(r, hidden));
        // Y is [frames, 1 direction, batch, hidden].
        return reshape(graph, name, y, 0, -1, hidden);
    }

    /** A GRU node of the directions {@code w} and {@code r} hold (in ONNX's gate order, one after the other); its output Y. */
    private static String gruNode(OnnxGraph graph, String name, String x, int hidden, String direction, float[] w, float[] r) {
        int directions = direction.equals("bidirectional") ? 2 : 1, inputs = w.length / (directions * 3 * hidden);
        graph.floats(name + "_W", new long[]{directions, 3L * hidden, inputs}, w);
        graph.floats(name + "_R", new long[]{directions, 3L * hidden, hidden}, r);
        graph.node("GRU", List.of(x, name + "_W", name + "_R"), name + "_y", OnnxAttribute.integer("hidden_size", hidden),
                OnnxAttribute.string("direction", direction), OnnxAttribute.integer("linear_before_reset", 1));
        return name + "_y";
    }

    /** PyTorch's gate blocks (reset, update, new) in ONNX's order (update, reset, new). */
    private static float[] onnxGateOrder(float[] weights, int hidden) {
        int block = weights.length / 3;
        float[] out = new float[weights.length];
        System.arraycopy(weights, block, out, 0, block);
        System.arraycopy(weights, 0, out, block, block);
        System.arraycopy(weights, 2 * block, out, 2 * block, block);
        return out;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    public static String transpose(OnnxGraph graph, String name, String x, long... perm) {
        graph.node("Transpose", List.of(x), name, OnnxAttribute.ints("perm", perm));
        return name;
    }

    /** Reshape to {@code shape}; 0 keeps that axis's size, −1 takes what is left. */
    public static String reshape(OnnxGraph graph, String name, String x, long... shape) {
        graph.int64s(name + "_shape", new long[]{shape.length}, shape);
        graph.node("Reshape", List.of(x, name + "_shape"), name);
        return name;
    }

    /** Elements {@code start} to {@code end} (exclusive; negative counts from the end) along {@code axis}. */
    public static String slice(OnnxGraph graph, String name, String x, long axis, long start, long end) {
        graph.int64s(name + "_start", new long[]{1}, new long[]{start});
        graph.int64s(name + "_end", new long[]{1}, new long[]{end});
        graph.int64s(name + "_axis", new long[]{1}, new long[]{axis});
        graph.node("Slice", List.of(x, name + "_start", name + "_end", name + "_axis"), name);
        return name;
    }

    public static String softmax(OnnxGraph graph, String name, String x, long axis) {
        graph.node("Softmax", List.of(x), name, OnnxAttribute.integer("axis", axis));
        return name;
    }

    /** Batched matrix product over the last two axes, the others broadcast. */
    public static String matMul(OnnxGraph graph, String name, String a, String b) {
        graph.node("MatMul", List.of(a, b), name);
        return name;
    }

    public static String add(OnnxGraph graph, String name, String a, String b) {
        graph.node("Add", List.of(a, b), name);
        return name;
    }

    public static String scale(OnnxGraph graph, String name, String x, float factor) {
        graph.floats(name + "_factor", new long[0], new float[]{factor});
        graph.node("Mul", List.of(x, name + "_factor"), name);
        return name;
    }

    public static String tanh(OnnxGraph graph, String x) {
        graph.node("Tanh", List.of(x), x + "_tanh");
        return x + "_tanh";
    }

    public static String relu(OnnxGraph graph, String x) {
        graph.node("Relu", List.of(x), x + "_relu");
        return x + "_relu";
    }
}
