package dev.mocap.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.mocap.nn.onnx.OnnxAttribute;
import dev.mocap.nn.onnx.OnnxGraph;
import dev.mocap.nn.onnx.OnnxLayers;

import java.util.ArrayList;
import java.util.List;

/**
 * MPS-Net's hierarchical attentive feature integration (HAFI) for every middle frame t of
 * [batch, frames, features]: the nine frames t − 4 … t + 4 in three groups of three neighbours;
 * each group is summed with attention weights (a score per frame from one shared layer, tanh and
 * a linear score, softmax within the group), then the three groups likewise (a second scorer).
 * Out: [batch, frames − 2 · pad, features].
 */
final class HierarchicalIntegration extends AbstractBlock {
    static final int GROUPS = 3, GROUP = 3, REACH = (GROUPS * GROUP) / 2;
    private final int features, pad;
    private final Linear[] frameScore, groupScore;

    HierarchicalIntegration(int features, int scoreSize, int pad) {
        if (pad < REACH) {
            throw new IllegalArgumentException("the middle frames need " + REACH + " frames on each side, not " + pad);
        }
        this.features = features;
        this.pad = pad;
        frameScore = scorer("frame", scoreSize);
        groupScore = scorer("group", scoreSize);
    }

    private Linear[] scorer(String name, int size) {
        return new Linear[]{addChildBlock(name + "_hidden", Linear.builder().setUnits(size).build()),
                addChildBlock(name + "_score", Linear.builder().setUnits(1).build())};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long batch = x.getShape().get(0), frames = x.getShape().get(1), middle = frames - 2L * pad;
        NDList neighbours = new NDList();
        for (int k = -REACH; k <= REACH; k++) {
            neighbours.add(x.get(":, " + (pad + k) + ":" + (frames - pad + k) + ", :"));
        }
        NDArray grouped = NDArrays.stack(neighbours, 2).reshape(batch, middle, GROUPS, GROUP, features);
        NDArray groups = weightedSum(ps, frameScore, grouped, 3, training);
        return new NDList(weightedSum(ps, groupScore, groups, 2, training));
    }

    /** The sum over {@code axis} of {@code x} weighted by the softmax of {@code scorer}'s scores. */
    private static NDArray weightedSum(ParameterStore ps, Linear[] scorer, NDArray x, int axis, boolean training) {
        NDArray hidden = scorer[0].forward(ps, new NDList(x), training).singletonOrThrow().tanh();
        NDArray weights = scorer[1].forward(ps, new NDList(hidden), training).singletonOrThrow().softmax(axis);
        return x.mul(weights).sum(new int[]{axis});
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[]{new Shape(x.get(0), x.get(1) - 2L * pad, features)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        long batch = x.get(0), middle = x.get(1) - 2L * pad;
        initialize(manager, dataType, frameScore, new Shape(batch, middle, GROUPS, GROUP, features));
        initialize(manager, dataType, groupScore, new Shape(batch, middle, GROUPS, features));
    }

    private static void initialize(NDManager manager, DataType dataType, Linear[] scorer, Shape in) {
        scorer[0].initialize(manager, dataType, in);
        scorer[1].initialize(manager, dataType, scorer[0].getOutputShapes(new Shape[]{in}));
    }

    /**
     * The same over {@code x} [1, frames, features] as ONNX: Slices of the nine neighbours, Concat,
     * the scores (MatMul/Add, Tanh), Softmax, and each weighted sum as a MatMul of the weights.
     */
    String toOnnx(OnnxGraph graph, String name, String x, int frames) {
        List<String> neighbours = new ArrayList<>();
        for (int k = -REACH; k <= REACH; k++) {
            String n = name + "_at" + (k + REACH);
            neighbours.add(OnnxLayers.reshape(graph, n, OnnxLayers.slice(graph, n + "_frames", x, 1, pad + k, frames - pad + k),
                    0, 0, 1, features));
        }
        graph.node("Concat", neighbours, name + "_neighbours", OnnxAttribute.integer("axis", 2));
        String grouped = OnnxLayers.reshape(graph, name + "_grouped", name + "_neighbours", 0, 0, GROUPS, GROUP, features);
        String groups = OnnxLayers.reshape(graph, name + "_groups", weightedSum(graph, name + "_in_groups", frameScore, grouped,
                0, 0, 0, 1, GROUP), 0, 0, GROUPS, features);
        return OnnxLayers.reshape(graph, name, weightedSum(graph, name + "_of_groups", groupScore, groups, 0, 0, 1, GROUPS), 0, 0, features);
    }

    /**
     * {@code x} [..., n, features] summed over its n rows, weighted by the softmax of the scores;
     * {@code row} reshapes the weights [..., n, 1] into a row [..., 1, n]. Gives [..., 1, features].
     */
    private static String weightedSum(OnnxGraph graph, String name, Linear[] scorer, String x, long... row) {
        String hidden = OnnxLayers.tanh(graph, LifterOnnx.linear(graph, name + "_hidden", x, scorer[0]));
        String weights = OnnxLayers.softmax(graph, name + "_weights", LifterOnnx.linear(graph, name + "_score", hidden, scorer[1]), -2);
        return OnnxLayers.matMul(graph, name, OnnxLayers.reshape(graph, name + "_row", weights, row), x);
    }
}
