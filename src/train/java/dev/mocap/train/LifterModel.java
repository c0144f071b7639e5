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
import dev.mocap.nn.onnx.OnnxModel;
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
 * frame's), so training starts from what the landmark model says; contact logits directly.
 * Written to ONNX with the project's own writer (Conv, Relu, Slice, Add, Concat), the feature
 * standardisation folded into the first convolution.
 */
final class LifterModel {
    static final int HIDDEN = 256;
    static final int[] DILATIONS = {3, 9, 27};
    private static final int WORLD = 66, POSITIONS = 99, PAD = LearnedLifter.RECEPTIVE_FIELD / 2;

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
     * for the contact logits: what every design's output corrects.
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
        return new NDList(world.concat(m.zeros(new Shape(x.getShape().get(0), 2, frames - 2 * PAD)), 1));
    }

    Block block() {
        return block;
    }

    /** Zero head weights: before training, the network says what the world landmarks say. */
    void startFromTheWorldLandmarks() {
        head.getParameters().get("weight").getArray().muli(0);
        head.getParameters().get("bias").getArray().muli(0);
    }

    static Shape inputShape(int batch, int frames) {
        return new Shape(batch, LiftingFeatures.SIZE, frames);
    }

    byte[] toOnnx() {
        OnnxGraph graph = new OnnxGraph("lifter");
        String input = "features";
        graph.input(input, 1, LiftingFeatures.SIZE, LearnedLifter.INPUT_FRAMES);
        String h = relu(graph, standardisedStem(graph, input));
        graph.int64s("time_axis", new long[]{1}, new long[]{2});
        for (int b = 0; b < blocks.size(); b++) {
            int d = DILATIONS[b];
            String name = "block" + b;
            String inner = relu(graph, conv(graph, name + "_pw", blocks.get(b)[1], 1,
                    relu(graph, conv(graph, name + "_dil", blocks.get(b)[0], d, h))));
            graph.int64s(name + "_start", new long[]{1}, new long[]{d});
            graph.int64s(name + "_end", new long[]{1}, new long[]{-d});
            graph.node("Slice", List.of(h, name + "_start", name + "_end", "time_axis"), name + "_skip");
            graph.node("Add", List.of(name + "_skip", inner), name + "_sum");
            h = name + "_sum";
        }
        graph.int64s("world_start", new long[]{2}, new long[]{WORLD, PAD});
        graph.int64s("world_end", new long[]{2}, new long[]{WORLD + POSITIONS, LearnedLifter.INPUT_FRAMES - PAD});
        graph.int64s("world_axes", new long[]{2}, new long[]{1, 2});
        graph.node("Slice", List.of(input, "world_start", "world_end", "world_axes"), "world");
        graph.floats("no_contact_prior", new long[]{1, 2, LearnedLifter.CHUNK}, new float[2 * LearnedLifter.CHUNK]);
        graph.node("Concat", List.of("world", "no_contact_prior"), "residual", OnnxAttribute.integer("axis", 1));
        graph.node("Add", List.of(conv(graph, "head", head, 1, h), "residual"), LearnedLifter.OUTPUT);
        graph.output(LearnedLifter.OUTPUT, 1, LearnedLifter.OUTPUTS, LearnedLifter.CHUNK);
        return OnnxModel.serialize(graph, "mocap", "learned lifting network (temporal convolution, "
                + LearnedLifter.RECEPTIVE_FIELD + " frames at " + (int) LearnedLifter.FPS + " fps)");
    }

    /** The first convolution on raw features: W' = W / std, b' = b − Σ W · mean / std. */
    private String standardisedStem(OnnxGraph graph, String input) {
        NDArray w = stem.getParameters().get("weight").getArray(), b = stem.getParameters().get("bias").getArray();
        long[] shape = w.getShape().getShape();
        float[] weight = w.toFloatArray(), bias = b.toFloatArray();
        int channels = (int) shape[1], kernel = (int) shape[2];
        for (int o = 0; o < shape[0]; o++) {
            for (int c = 0; c < channels; c++) {
                for (int k = 0; k < kernel; k++) {
                    int i = (o * channels + c) * kernel + k;
                    weight[i] /= std[c];
                    bias[o] -= weight[i] * mean[c];
                }
            }
        }
        graph.floats("stem_w", shape, weight);
        graph.floats("stem_b", new long[]{shape[0]}, bias);
        graph.node("Conv", List.of(input, "stem_w", "stem_b"), "stem", OnnxAttribute.ints("kernel_shape", kernel),
                OnnxAttribute.ints("dilations", 1));
        return "stem";
    }

    private static String conv(OnnxGraph graph, String name, Conv1d layer, int dilation, String input) {
        NDArray w = layer.getParameters().get("weight").getArray(), b = layer.getParameters().get("bias").getArray();
        graph.floats(name + "_w", w.getShape().getShape(), w.toFloatArray());
        graph.floats(name + "_b", b.getShape().getShape(), b.toFloatArray());
        graph.node("Conv", List.of(input, name + "_w", name + "_b"), name, OnnxAttribute.ints("kernel_shape", w.getShape().get(2)),
                OnnxAttribute.ints("dilations", dilation));
        return name;
    }

    private static String relu(OnnxGraph graph, String input) {
        graph.node("Relu", List.of(input), input + "_relu");
        return input + "_relu";
    }

    private static Conv1d conv(int filters, int kernel, int dilation) {
        return Conv1d.builder().setFilters(filters).setKernelShape(new Shape(kernel)).optDilation(new Shape(dilation)).build();
    }
}
