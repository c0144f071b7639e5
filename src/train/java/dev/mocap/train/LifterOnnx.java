package dev.mocap.train;

import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import dev.mocap.nn.onnx.OnnxAttribute;
import dev.mocap.nn.onnx.OnnxGraph;
import dev.mocap.nn.onnx.OnnxLayers;
import dev.mocap.nn.onnx.OnnxModel;
import dev.mocap.recover.LearnedLifter;
import dev.mocap.recover.LiftingFeatures;

import java.util.List;

/**
 * What every design's ONNX file shares: {@link LearnedLifter}'s raw features in ([1, 213, 208]),
 * the feature standardisation folded into the first layer, and the output ([1, 104, 128]) as a
 * correction of the middle frames' world landmarks, as {@link LifterModel#worldResidual} trains it.
 */
final class LifterOnnx {
    static final String INPUT = "features";
    private static final int WORLD = LifterModel.WORLD, POSITIONS = LifterModel.POSITIONS, PAD = LearnedLifter.RECEPTIVE_FIELD / 2;

    private LifterOnnx() {
    }

    /** A graph with the lifter's input declared. */
    static OnnxGraph graph(String name) {
        OnnxGraph graph = new OnnxGraph(name);
        graph.input(INPUT, 1, LiftingFeatures.SIZE, LearnedLifter.INPUT_FRAMES);
        return graph;
    }

    /** The named parameter of a DJL block, as floats. */
    static float[] floats(Block block, String parameter) {
        return block.getParameters().get(parameter).getArray().toFloatArray();
    }

    /** A DJL linear layer over the last axis of {@code x}. */
    static String linear(OnnxGraph graph, String name, String x, Linear layer) {
        return OnnxLayers.linear(graph, name, x, floats(layer, "weight"), floats(layer, "bias"));
    }

    /**
     * A first layer's weight [outputs, channels, kernel…] and bias that take raw features where
     * the trained ones took standardised ones: W' = W / std, b' = b − Σ W' · mean. Returns {W', b'}.
     */
    static float[][] onRawFeatures(float[] weight, float[] bias, float[] mean, float[] std) {
        int outputs = bias.length, channels = mean.length, kernel = weight.length / (outputs * channels);
        float[] w = weight.clone(), b = bias.clone();
        for (int o = 0; o < outputs; o++) {
            for (int c = 0; c < channels; c++) {
                for (int k = 0; k < kernel; k++) {
                    int i = (o * channels + c) * kernel + k;
                    w[i] /= std[c];
                    b[o] -= w[i] * mean[c];
                }
            }
        }
        return new float[][]{w, b};
    }

    /** Adds the world landmarks of the middle frames (and 0 for the contact logits and up) to {@code corrections} [1, 104, 128]; the model's bytes. */
    static byte[] finish(OnnxGraph graph, String corrections, String description) {
        graph.int64s("world_start", new long[]{2}, new long[]{WORLD, PAD});
        graph.int64s("world_end", new long[]{2}, new long[]{WORLD + POSITIONS, LearnedLifter.INPUT_FRAMES - PAD});
        graph.int64s("world_axes", new long[]{2}, new long[]{1, 2});
        graph.node("Slice", List.of(INPUT, "world_start", "world_end", "world_axes"), "world");
        int rest = LearnedLifter.OUTPUTS - POSITIONS;
        graph.floats("no_prior", new long[]{1, rest, LearnedLifter.CHUNK}, new float[rest * LearnedLifter.CHUNK]);
        graph.node("Concat", List.of("world", "no_prior"), "residual", OnnxAttribute.integer("axis", 1));
        OnnxLayers.add(graph, LearnedLifter.OUTPUT, corrections, "residual");
        graph.output(LearnedLifter.OUTPUT, 1, LearnedLifter.OUTPUTS, LearnedLifter.CHUNK);
        return OnnxModel.serialize(graph, "mocap", "learned lifting network (" + description + ")");
    }
}
