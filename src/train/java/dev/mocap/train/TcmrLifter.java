package dev.mocap.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import dev.mocap.nn.onnx.OnnxAttribute;
import dev.mocap.nn.onnx.OnnxGraph;
import dev.mocap.nn.onnx.OnnxLayers;
import dev.mocap.recover.LearnedLifter;

import java.util.List;

/**
 * TCMR-style design (Choi et al., CVPR 2021): three recurrent branches read the window and are
 * fused per frame by attention. "All": a bidirectional two-layer GRU over every frame. "Past": a
 * forward GRU whose state at frame t − 1 answers for frame t, so it never sees that frame's
 * landmarks. "Future": a backward GRU read at frame t + 1. Each branch is scored by one shared
 * layer (tanh), the scores are turned into weights by a softmax over the three, and their
 * weighted sum goes through the head. In training the head also answers from the past and the
 * future branch alone, and {@link LifterLoss} holds those answers to the same truth, as TCMR does:
 * that is what keeps the frame's own (jittery) input from dominating. The exported file gives the
 * fused answer only. Like every design here, the answer corrects the frame's world landmarks.
 */
final class TcmrLifter extends FrameWiseLifter {
    static final int HIDDEN = 128, ALL_LAYERS = 2, SCORE = 64;
    /** Fused, past, future: how many answers the block gives in training. */
    static final int ANSWERS = 3;

    private final GRU all = gru(ALL_LAYERS, true), past = gru(1, false), future = gru(1, false);
    private final Linear allOut = Linear.builder().setUnits(HIDDEN).build(), score = Linear.builder().setUnits(SCORE).build(),
            weight = Linear.builder().setUnits(1).build();
    private final Block block;

    TcmrLifter(float[] mean, float[] std) {
        super(HIDDEN, mean, std);
        Block branches = new ParallelBlock(TcmrLifter::middleFramesOfEachBranch, List.of(
                new SequentialBlock().add(ownList()).add(all).add(allOut), new SequentialBlock().add(ownList()).add(past),
                new SequentialBlock().add(reversed()).add(future).add(reversed())));
        Block fusion = new ParallelBlock(TcmrLifter::fuse, List.of(new SequentialBlock().add(score).add(Activation::tanh).add(weight),
                new LambdaBlock(x -> x)));
        block = withResidual(new SequentialBlock().add(framesFirst()).add(in).add(Activation::relu).add(branches).add(fusion).add(head)
                .add(new LambdaBlock(TcmrLifter::answersAsChannels)), mean, std);
    }

    private static GRU gru(int layers, boolean bidirectional) {
        return GRU.builder().setStateSize(HIDDEN).setNumLayers(layers).optBidirectional(bidirectional).optBatchFirst(true)
                .optHasBiases(false).build();
    }

    @Override
    public Block block() {
        return block;
    }

    /**
     * The branch's input in a list of its own: DJL's GRU adds its start state to the list it is
     * handed, which the branches of a ParallelBlock share.
     */
    private static Block ownList() {
        return new LambdaBlock(x -> new NDList(x.singletonOrThrow()));
    }

    /** [batch, frames, feature] read from the last frame to the first. */
    private static Block reversed() {
        return new LambdaBlock(x -> new NDList(x.singletonOrThrow().flip(1)));
    }

    /**
     * The branches' states that answer for the middle frames, stacked as [batch, middle frames, 3,
     * hidden]: all at t, past at t − 1, future at t + 1.
     */
    private static NDList middleFramesOfEachBranch(List<NDList> branches) {
        NDArray all = branches.get(0).singletonOrThrow(), past = branches.get(1).singletonOrThrow(), future = branches.get(2).singletonOrThrow();
        long frames = all.getShape().get(1);
        return new NDList(NDArrays.stack(new NDList(window(all, 0, frames), window(past, -1, frames), window(future, 1, frames)), 2));
    }

    private static NDArray window(NDArray x, int shift, long frames) {
        return x.get(":, " + (PAD + shift) + ":" + (frames - PAD + shift) + ", :");
    }

    /** The softmax-weighted sum of the three branches in place of "all", beside past and future: [batch, middle frames, 3, hidden]. */
    private static NDList fuse(List<NDList> parts) {
        NDArray weights = parts.get(0).singletonOrThrow().softmax(2), branches = parts.get(1).singletonOrThrow();
        NDArray fused = branches.mul(weights).sum(new int[]{2}, true);
        return new NDList(fused.concat(branches.get(":, :, 1:, :"), 2));
    }

    /** [batch, middle frames, 3, output] → [batch, 3 × output, middle frames]: the fused answer's channels first. */
    private static NDList answersAsChannels(NDList in) {
        NDArray y = in.singletonOrThrow();
        long batch = y.getShape().get(0), frames = y.getShape().get(1);
        return new NDList(y.transpose(0, 2, 3, 1).reshape(batch, ANSWERS * LearnedLifter.OUTPUTS, frames));
    }

    /**
     * As ONNX: Transpose to the recurrent layout [frames, 1, features], the input layer, two
     * bidirectional GRU nodes and a linear layer (all), a forward and a reverse GRU node (past,
     * future), Slices of each branch's frames, Concat, the scores (MatMul/Add, Tanh), Softmax over
     * the branches, their weighted sum as a MatMul, head.
     */
    @Override
    public byte[] toOnnx() {
        OnnxGraph graph = LifterOnnx.graph("lifter");
        String h = OnnxLayers.relu(graph, inputLayer(graph, OnnxLayers.transpose(graph, "frames_first", LifterOnnx.INPUT, 2, 0, 1)));
        String a = h;
        for (int layer = 0; layer < ALL_LAYERS; layer++) {
            a = OnnxLayers.bidirectionalGru(graph, "all" + layer, a, HIDDEN, LifterOnnx.floats(all, "l_" + layer + "_i2h_WEIGHT"),
                    LifterOnnx.floats(all, "l_" + layer + "_h2h_WEIGHT"), LifterOnnx.floats(all, "r_" + layer + "_i2h_WEIGHT"),
                    LifterOnnx.floats(all, "r_" + layer + "_h2h_WEIGHT"));
        }
        a = LifterOnnx.linear(graph, "all_out", a, allOut);
        String p = OnnxLayers.gru(graph, "past", h, HIDDEN, false, LifterOnnx.floats(past, "l_0_i2h_WEIGHT"),
                LifterOnnx.floats(past, "l_0_h2h_WEIGHT"));
        String f = OnnxLayers.gru(graph, "future", h, HIDDEN, true, LifterOnnx.floats(future, "l_0_i2h_WEIGHT"),
                LifterOnnx.floats(future, "l_0_h2h_WEIGHT"));
        graph.node("Concat", List.of(branchFrames(graph, "all", a, 0), branchFrames(graph, "past", p, -1),
                branchFrames(graph, "future", f, 1)), "branches", OnnxAttribute.integer("axis", 2));
        String scores = LifterOnnx.linear(graph, "weight", OnnxLayers.tanh(graph, LifterOnnx.linear(graph, "score", "branches", score)),
                weight);
        String weights = OnnxLayers.reshape(graph, "weights_row", OnnxLayers.softmax(graph, "weights", scores, 2), 0, 0, 1, ANSWERS);
        String fused = OnnxLayers.reshape(graph, "fused", OnnxLayers.matMul(graph, "weighted", weights, "branches"), 0, 0, HIDDEN);
        return finishMiddle(graph, fused, 0, "TCMR-style GRUs (all, past, future) fused by attention");
    }

    /** A branch's states [frames, 1, hidden] for the middle frames, moved by {@code shift}, as [middle frames, 1, 1, hidden]. */
    private static String branchFrames(OnnxGraph graph, String name, String x, int shift) {
        int frames = LearnedLifter.INPUT_FRAMES;
        return OnnxLayers.reshape(graph, name + "_middle", OnnxLayers.slice(graph, name + "_frames", x, 0, PAD + shift, frames - PAD + shift),
                0, 0, 1, HIDDEN);
    }
}
