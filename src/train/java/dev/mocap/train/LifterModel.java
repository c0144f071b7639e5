package dev.mocap.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import dev.mocap.nn.onnx.OnnxAttribute;
import dev.mocap.nn.onnx.OnnxGraph;
import dev.mocap.nn.onnx.OnnxLayers;
import dev.mocap.recover.LearnedLifter;
import dev.mocap.recover.LiftingFeatures;

import java.util.ArrayList;
import java.util.List;

/**
 * The lifting network, VideoPose3D-like: a temporal convolution (kernel 3) from the standardised
 * features to {@value #HIDDEN} channels, residual blocks with dilations 3, 9 and 27 (a dilated
 * kernel-3 convolution and a 1×1 one, the skip path cropped to the shorter output), then 1×1
 * head: {@value LearnedLifter#RECEPTIVE_FIELD} input frames per output frame, no padding. The
 * landmark positions are predicted as a correction of the input's world landmarks (the middle
 * frame's), so training starts from what the landmark model says; contact logits and up directly.
 * Written to ONNX with the project's own writer (Conv, Relu, Slice, Add, Concat; {@link LifterOnnx}),
 * the feature standardisation folded into the first convolution.
 */
final class LifterModel implements LifterNetwork {
    static final int HIDDEN = 256;
    static final int[] DILATIONS = {3, 9, 27};
    /** Where the world landmarks are among the features, and their count. */
    static final int WORLD = 66, POSITIONS = 99;
    private static final int PAD = LearnedLifter.RECEPTIVE_FIELD / 2;

    private final float[] mean, std;
    private final Conv1d stem = conv(HIDDEN, 3, 1), head = conv(LearnedLifter.OUTPUTS, 1, 1);
    private final List<Conv1d[]> blocks = new ArrayList<>();
    private final Block block;

    /** @param mean, std the features' mean and standard deviation, which training inputs are standardised with */
    LifterModel(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
        SequentialBlock trunk = new SequentialBlock().add(stem).add(Activation::relu);
        for (int d : DILATIONS) {
            Conv1d dilated = conv(HIDDEN, 3, d), pointwise = conv(HIDDEN, 1, 1);
            blocks.add(new Conv1d[]{dilated, pointwise});
            Block branch = new SequentialBlock().add(dilated).add(Activation::relu).add(pointwise).add(Activation::relu);
            Block skip = new LambdaBlock(x -> new NDList(x.singletonOrThrow().get(":, :, " + d + ":" + (-d))));
            trunk.add(new ParallelBlock(l -> new NDList(l.get(0).singletonOrThrow().add(l.get(1).singletonOrThrow())),
                    List.of(branch, skip)));
        }
        block = new ParallelBlock(l -> new NDList(l.get(0).singletonOrThrow().add(l.get(1).singletonOrThrow())),
                List.of(trunk.add(head), new LambdaBlock(this::worldLandmarks)));
    }

    private NDList worldLandmarks(NDList in) {
        return worldResidual(in, mean, std);
    }

    /**
     * The middle frames' world landmarks, back in metres from the standardised input, and zeros
     * for the contact logits and up: what every design's output corrects.
     */
    static NDList worldResidual(NDList in, float[] mean, float[] std) {
        NDArray x = in.singletonOrThrow();
        NDManager m = x.getManager();
        long frames = x.getShape().get(2);
        NDArray world = x.get(":, " + WORLD + ":" + (WORLD + POSITIONS) + ", " + PAD + ":" + (frames - PAD));
        float[] s = new float[POSITIONS], mu = new float[POSITIONS];
        System.arraycopy(std, WORLD, s, 0, POSITIONS);
        System.arraycopy(mean, WORLD, mu, 0, POSITIONS);
        world = world.mul(m.create(s, new Shape(1, POSITIONS, 1))).add(m.create(mu, new Shape(1, POSITIONS, 1)));
        return new NDList(world.concat(m.zeros(new Shape(x.getShape().get(0), LearnedLifter.OUTPUTS - POSITIONS, frames - 2 * PAD)), 1));
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public void startFromTheWorldLandmarks() {
        LifterNetwork.zero(head);
    }

    static Shape inputShape(int batch, int frames) {
        return new Shape(batch, LiftingFeatures.SIZE, frames);
    }

    @Override
    public byte[] toOnnx() {
        OnnxGraph graph = LifterOnnx.graph("lifter");
        String h = OnnxLayers.relu(graph, standardisedStem(graph));
        for (int b = 0; b < blocks.size(); b++) {
            int d = DILATIONS[b];
            String name = "block" + b;
            String inner = OnnxLayers.relu(graph, conv(graph, name + "_pw", blocks.get(b)[1], 1,
                    OnnxLayers.relu(graph, conv(graph, name + "_dil", blocks.get(b)[0], d, h))));
            h = OnnxLayers.add(graph, name + "_sum", OnnxLayers.slice(graph, name + "_skip", h, 2, d, -d), inner);
        }
        return LifterOnnx.finish(graph, conv(graph, "head", head, 1, h),
                "temporal convolution, " + LearnedLifter.RECEPTIVE_FIELD + " frames at " + (int) LearnedLifter.FPS + " fps");
    }

    /** The first convolution, on raw features. */
    private String standardisedStem(OnnxGraph graph) {
        float[][] folded = LifterOnnx.onRawFeatures(LifterOnnx.floats(stem, "weight"), LifterOnnx.floats(stem, "bias"), mean, std);
        return conv(graph, "stem", stem, folded[0], folded[1], 1, LifterOnnx.INPUT);
    }

    private static String conv(OnnxGraph graph, String name, Conv1d layer, int dilation, String input) {
        return conv(graph, name, layer, LifterOnnx.floats(layer, "weight"), LifterOnnx.floats(layer, "bias"), dilation, input);
    }

    /** {@code layer}'s convolution with the given weights. */
    private static String conv(OnnxGraph graph, String name, Conv1d layer, float[] weight, float[] bias, int dilation, String input) {
        long[] shape = layer.getParameters().get("weight").getArray().getShape().getShape();
        graph.floats(name + "_w", shape, weight);
        graph.floats(name + "_b", new long[]{shape[0]}, bias);
        graph.node("Conv", List.of(input, name + "_w", name + "_b"), name, OnnxAttribute.ints("kernel_shape", shape[2]),
                OnnxAttribute.ints("dilations", dilation));
        return name;
    }

    private static Conv1d conv(int filters, int kernel, int dilation) {
        return Conv1d.builder().setFilters(filters).setKernelShape(new Shape(kernel)).optDilation(new Shape(dilation)).build();
    }
}
