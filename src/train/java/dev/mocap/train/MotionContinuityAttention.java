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
import dev.mocap.nn.onnx.OnnxGraph;
import dev.mocap.nn.onnx.OnnxLayers;

/**
 * MPS-Net's motion continuity attention (MoCA; Wei et al., CVPR 2022) over [batch, frames,
 * features]: a non-local block whose attention map is the learned mix (a 1×1 convolution over the
 * two maps, here a linear layer over their last axis) of the usual one, softmax(θ(x) φ(x)ᵀ / √d),
 * and the normalised self-similarity of the input itself, softmax(x xᵀ / √features): frames that
 * look alike are where motion continues, a prior that plain attention must learn. Out:
 * {@code x + W(map · g(x))}.
 */
final class MotionContinuityAttention extends AbstractBlock {
    private final int features, inner;
    private final Linear theta, phi, g, out, mix;

    MotionContinuityAttention(int features, int inner) {
        this.features = features;
        this.inner = inner;
        theta = addChildBlock("theta", Linear.builder().setUnits(inner).build());
        phi = addChildBlock("phi", Linear.builder().setUnits(inner).build());
        g = addChildBlock("g", Linear.builder().setUnits(inner).build());
        out = addChildBlock("out", Linear.builder().setUnits(features).build());
        mix = addChildBlock("mix", Linear.builder().setUnits(1).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray learned = attention(apply(ps, theta, x, training), apply(ps, phi, x, training), inner);
        NDArray similarity = attention(x, x, features);
        NDArray map = apply(ps, mix, NDArrays.stack(new NDList(learned, similarity), 3), training).squeeze(3);
        return new NDList(x.add(apply(ps, out, map.matMul(apply(ps, g, x, training)), training)));
    }

    private static NDArray apply(ParameterStore ps, Linear layer, NDArray x, boolean training) {
        return layer.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /** softmax over the keys of q kᵀ / √size: [batch, frames, frames]. */
    private static NDArray attention(NDArray q, NDArray k, int size) {
        return q.matMul(k.transpose(0, 2, 1)).div(Math.sqrt(size)).softmax(2);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        long batch = x.get(0), frames = x.get(1);
        theta.initialize(manager, dataType, x);
        phi.initialize(manager, dataType, x);
        g.initialize(manager, dataType, x);
        out.initialize(manager, dataType, new Shape(batch, frames, inner));
        mix.initialize(manager, dataType, new Shape(batch, frames, frames, 2));
    }

    /** The same over {@code x} [1, frames, features] as ONNX (MatMul, Transpose, Mul, Softmax, Add). */
    String toOnnx(OnnxGraph graph, String name, String x) {
        String learned = attention(graph, name + "_learned", LifterOnnx.linear(graph, name + "_theta", x, theta),
                LifterOnnx.linear(graph, name + "_phi", x, phi), inner);
        String similarity = attention(graph, name + "_similarity", x, x, features);
        float[] w = LifterOnnx.floats(mix, "weight");
        graph.floats(name + "_mix_b", new long[0], LifterOnnx.floats(mix, "bias"));
        String mixed = OnnxLayers.add(graph, name + "_mixed", OnnxLayers.scale(graph, name + "_mix0", learned, w[0]),
                OnnxLayers.scale(graph, name + "_mix1", similarity, w[1]));
        String map = OnnxLayers.add(graph, name + "_map", mixed, name + "_mix_b");
        String attended = OnnxLayers.matMul(graph, name + "_attended", map, LifterOnnx.linear(graph, name + "_g", x, g));
        return OnnxLayers.add(graph, name, x, LifterOnnx.linear(graph, name + "_out", attended, out));
    }

    private static String attention(OnnxGraph graph, String name, String q, String k, int size) {
        String scores = OnnxLayers.matMul(graph, name + "_qk", q, OnnxLayers.transpose(graph, name + "_kt", k, 0, 2, 1));
        return OnnxLayers.softmax(graph, name, OnnxLayers.scale(graph, name + "_scaled", scores, (float) (1 / Math.sqrt(size))), 2);
    }
}
