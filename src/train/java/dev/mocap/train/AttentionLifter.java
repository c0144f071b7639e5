package dev.mocap.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.transformer.TransformerEncoderBlock;
import dev.mocap.nn.onnx.OnnxGraph;
import dev.mocap.nn.onnx.OnnxLayers;
import dev.mocap.recover.LearnedLifter;

import java.util.ArrayList;
import java.util.List;

/**
 * MPS-Net-like design: a linear layer per frame plus sinusoidal encodings of the frame's place in
 * the window, then {@value #LAYERS} transformer encoder layers of DJL ({@value #HEADS}-head
 * self-attention over the whole window, every frame attending to every other; DJL's layers
 * normalise with batch norm over the features) and a linear head per frame.
 */
final class AttentionLifter extends FrameWiseLifter {
    static final int HIDDEN = 128, HEADS = 4, LAYERS = 2, FEED_FORWARD = 2 * HIDDEN;
    /** DJL's BatchNorm default. */
    private static final double BATCH_NORM_EPSILON = 1e-5;

    private final List<TransformerEncoderBlock> layers = new ArrayList<>();
    private final Block block;

    AttentionLifter(float[] mean, float[] std) {
        super(HIDDEN, mean, std);
        SequentialBlock net = new SequentialBlock().add(framesFirst()).add(in).add(new LambdaBlock(AttentionLifter::withPositions));
        for (int i = 0; i < LAYERS; i++) {
            TransformerEncoderBlock layer = new TransformerEncoderBlock(HIDDEN, HEADS, FEED_FORWARD, 0f, Activation::relu);
            layers.add(layer);
            net.add(layer);
        }
        block = withResidual(net.add(head).add(middleFrames()), mean, std);
    }

    @Override
    public Block block() {
        return block;
    }

    /**
     * As ONNX: Transpose to [1, frames, features], MatMul/Add plus the position table, per layer
     * multi-head attention (MatMul, Reshape, Transpose, Softmax) and the feed-forward part, each
     * with its residual and its batch norm (Mul/Add with the running statistics), head, Slice of
     * the middle frames, Transpose back.
     */
    @Override
    public byte[] toOnnx() {
        OnnxGraph graph = LifterOnnx.graph("lifter");
        int frames = LearnedLifter.INPUT_FRAMES;
        graph.floats("positions", new long[]{1, frames, HIDDEN}, positions(frames));
        String h = OnnxLayers.add(graph, "positioned", inputLayer(graph, OnnxLayers.transpose(graph, "frames_first", LifterOnnx.INPUT, 0, 2, 1)),
                "positions");
        for (int i = 0; i < LAYERS; i++) {
            h = encoder(graph, "layer" + i, h, layers.get(i));
        }
        return finish(graph, h, 1, "self-attention");
    }

    /** DJL's encoder layer: both residuals add the layer's input. */
    private static String encoder(OnnxGraph graph, String name, String x, TransformerEncoderBlock layer) {
        String attended = batchNorm(graph, name + "_norm1", OnnxLayers.add(graph, name + "_res1", selfAttention(graph, name, x, layer), x),
                layer, "02attentionNorm");
        String inner = OnnxLayers.relu(graph, linear(graph, name + "_ff1", attended, layer, "03outputBlock_01Linear"));
        return batchNorm(graph, name + "_norm2", OnnxLayers.add(graph, name + "_res2", linear(graph, name + "_ff2", inner, layer,
                "03outputBlock_03Linear"), x), layer, "04outputNorm");
    }

    /** Scaled dot-product attention of [1, frames, HIDDEN] with itself, {@value #HEADS} heads. */
    private static String selfAttention(OnnxGraph graph, String name, String x, TransformerEncoderBlock layer) {
        String q = heads(graph, name + "_q", linear(graph, name + "_qp", x, layer, "01selfAttention_02queryProjection"), 0, 2, 1, 3);
        String k = heads(graph, name + "_k", linear(graph, name + "_kp", x, layer, "01selfAttention_01keyProjection"), 0, 2, 3, 1);
        String v = heads(graph, name + "_v", linear(graph, name + "_vp", x, layer, "01selfAttention_03valueProjection"), 0, 2, 1, 3);
        String scores = OnnxLayers.scale(graph, name + "_scores", OnnxLayers.matMul(graph, name + "_qk", q, k),
                (float) (1 / Math.sqrt(HIDDEN / HEADS)));
        String attended = OnnxLayers.matMul(graph, name + "_attended", OnnxLayers.softmax(graph, name + "_p", scores, 3), v);
        String merged = OnnxLayers.reshape(graph, name + "_merged", OnnxLayers.transpose(graph, name + "_t", attended, 0, 2, 1, 3),
                0, 0, HIDDEN);
        return linear(graph, name + "_out", merged, layer, "01selfAttention_04resultProjection");
    }

    /** [1, frames, HIDDEN] → [1, frames, HEADS, HIDDEN / HEADS], then transposed by {@code perm}. */
    private static String heads(OnnxGraph graph, String name, String x, long... perm) {
        return OnnxLayers.transpose(graph, name, OnnxLayers.reshape(graph, name + "_split", x, 0, 0, HEADS, HIDDEN / HEADS), perm);
    }

    private static String linear(OnnxGraph graph, String name, String x, Block layer, String parameters) {
        return OnnxLayers.linear(graph, name, x, LifterOnnx.floats(layer, parameters + "_weight"), LifterOnnx.floats(layer, parameters + "_bias"));
    }

    private static String batchNorm(OnnxGraph graph, String name, String x, Block layer, String parameters) {
        return OnnxLayers.batchNorm(graph, name, x, LifterOnnx.floats(layer, parameters + "_gamma"), LifterOnnx.floats(layer, parameters + "_beta"),
                LifterOnnx.floats(layer, parameters + "_runningMean"), LifterOnnx.floats(layer, parameters + "_runningVar"), BATCH_NORM_EPSILON);
    }

    /** [frames × HIDDEN] sinusoidal encodings of each frame's place in the window. */
    static float[] positions(int frames) {
        float[] table = new float[frames * HIDDEN];
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < HIDDEN; i += 2) {
                double angle = t / Math.pow(10000, (double) i / HIDDEN);
                table[t * HIDDEN + i] = (float) Math.sin(angle);
                table[t * HIDDEN + i + 1] = (float) Math.cos(angle);
            }
        }
        return table;
    }

    private static NDList withPositions(NDList input) {
        NDArray x = input.singletonOrThrow();
        int frames = (int) x.getShape().get(1);
        return new NDList(x.add(x.getManager().create(positions(frames), new Shape(1, frames, HIDDEN))));
    }
}
