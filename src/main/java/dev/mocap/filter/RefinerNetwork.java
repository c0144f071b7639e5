package dev.mocap.filter;

import dev.mocap.nn.onnx.OnnxGraph;
import dev.mocap.nn.onnx.OnnxModel;

import java.util.ArrayList;
import java.util.List;

/**
 * The learned refiner's network (SmoothNet's idea: fully connected layers over time only, one
 * channel at a time): a window of {@link RefinerWindow#FRAMES} normalised samples goes through
 * {@code h = relu(W₀x + b₀)}, then residual blocks {@code h = relu(h + W₂·relu(W₁h + b₁) + b₂)},
 * and the output is {@code x + Wₒh + bₒ}: a correction added to the input window.
 * {@link #toOnnx(int)} writes it with the project's own ONNX writer as MatMul/Add/Relu on a
 * {@code [batch, FRAMES]} input named {@value #INPUT} and output named {@value #OUTPUT}.
 */
public record RefinerNetwork(Dense stem, List<ResidualBlock> blocks, Dense head) {
    public static final String INPUT = "window";
    public static final String OUTPUT = "refined";

    /** A fully connected layer: {@code weight} is [outputs][inputs], row-major. */
    public record Dense(int inputs, int outputs, float[] weight, float[] bias) {
        public Dense {
            if (weight.length != inputs * outputs || bias.length != outputs) {
                throw new IllegalArgumentException("a " + inputs + "→" + outputs + " layer needs " + inputs * outputs
                        + " weights and " + outputs + " biases, not " + weight.length + " and " + bias.length);
            }
        }

        float[] apply(float[] x) {
            float[] y = bias.clone();
            for (int o = 0; o < outputs; o++) {
                for (int i = 0; i < inputs; i++) {
                    y[o] += weight[o * inputs + i] * x[i];
                }
            }
            return y;
        }

        /** [inputs][outputs], the right-hand operand of MatMul. */
        float[] transposed() {
            float[] t = new float[weight.length];
            for (int o = 0; o < outputs; o++) {
                for (int i = 0; i < inputs; i++) {
                    t[i * outputs + o] = weight[o * inputs + i];
                }
            }
            return t;
        }
    }

    public record ResidualBlock(Dense first, Dense second) {
    }

    public RefinerNetwork {
        blocks = List.copyOf(blocks);
        if (stem.inputs() != RefinerWindow.FRAMES || head.outputs() != RefinerWindow.FRAMES || head.inputs() != stem.outputs()) {
            throw new IllegalArgumentException("the network must map " + RefinerWindow.FRAMES + " samples to as many");
        }
    }

    /** The network on one window, in plain Java (what the ONNX graph computes). */
    public float[] forward(float[] window) {
        float[] h = relu(stem.apply(window));
        for (ResidualBlock block : blocks) {
            float[] branch = block.second().apply(relu(block.first().apply(h)));
            for (int i = 0; i < h.length; i++) {
                branch[i] += h[i];
            }
            h = relu(branch);
        }
        float[] out = head.apply(h);
        for (int i = 0; i < out.length; i++) {
            out[i] += window[i];
        }
        return out;
    }

    /**
     * The same network with the head's bias shifted so that a window of zeros, i.e. a straight
     * line once normalised ({@link RefinerWindow}), comes out unchanged: constant and uniformly
     * moving channels then get no correction at all.
     */
    public RefinerNetwork centred() {
        float[] offset = forward(new float[RefinerWindow.FRAMES]);
        float[] bias = head.bias().clone();
        for (int i = 0; i < bias.length; i++) {
            bias[i] -= offset[i];
        }
        return new RefinerNetwork(stem, blocks, new Dense(head.inputs(), head.outputs(), head.weight(), bias));
    }

    private static float[] relu(float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(0f, x[i]);
        }
        return x;
    }

    public byte[] toOnnx(int batch) {
        OnnxGraph graph = new OnnxGraph("temporal_refiner");
        graph.input(INPUT, batch, RefinerWindow.FRAMES);
        String h = relu(graph, dense(graph, "stem", stem, INPUT));
        for (int b = 0; b < blocks.size(); b++) {
            String name = "block" + b;
            String inner = relu(graph, dense(graph, name + "_1", blocks.get(b).first(), h));
            String sum = name + "_sum";
            graph.node("Add", List.of(h, dense(graph, name + "_2", blocks.get(b).second(), inner)), sum);
            h = relu(graph, sum);
        }
        graph.node("Add", List.of(INPUT, dense(graph, "head", head, h)), OUTPUT);
        graph.output(OUTPUT, batch, RefinerWindow.FRAMES);
        return OnnxModel.serialize(graph, "mocap", "SmoothNet-style temporal refiner, " + RefinerWindow.FRAMES + "-frame windows");
    }

    private static String dense(OnnxGraph graph, String name, Dense layer, String input) {
        graph.floats(name + "_w", new long[] {layer.inputs(), layer.outputs()}, layer.transposed());
        graph.floats(name + "_b", new long[] {layer.outputs()}, layer.bias());
        graph.node("MatMul", List.of(input, name + "_w"), name + "_mm");
        graph.node("Add", List.of(name + "_mm", name + "_b"), name);
        return name;
    }

    private static String relu(OnnxGraph graph, String input) {
        String out = input + "_relu";
        graph.node("Relu", List.of(input), out);
        return out;
    }

    /** The number of weights and biases. */
    public int parameterCount() {
        List<Dense> layers = new ArrayList<>(List.of(stem, head));
        blocks.forEach(b -> layers.addAll(List.of(b.first(), b.second())));
        return layers.stream().mapToInt(d -> d.weight().length + d.bias().length).sum();
    }
}
