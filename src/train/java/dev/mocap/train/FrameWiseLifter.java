package dev.mocap.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.core.Linear;
import dev.mocap.nn.onnx.OnnxGraph;
import dev.mocap.nn.onnx.OnnxLayers;
import dev.mocap.recover.LearnedLifter;

import java.util.List;

/**
 * A design that works frame by frame around its temporal core ({@link GruLifter}, {@link AttentionLifter}):
 * a linear layer into the core, a linear head out of it, the head's output a correction of the
 * middle frames' world landmarks; in DJL and in ONNX.
 */
abstract class FrameWiseLifter implements LifterNetwork {
    static final int PAD = LearnedLifter.RECEPTIVE_FIELD / 2;
    final Linear in, head = Linear.builder().setUnits(LearnedLifter.OUTPUTS).build();
    private final float[] mean, std;

    FrameWiseLifter(int hidden, float[] mean, float[] std) {
        in = Linear.builder().setUnits(hidden).build();
        this.mean = mean;
        this.std = std;
    }

    @Override
    public void startFromTheWorldLandmarks() {
        LifterNetwork.zero(head);
    }

    /** The input layer on raw features {@code x} (frames along any axis, features last). */
    String inputLayer(OnnxGraph graph, String x) {
        float[][] folded = LifterOnnx.onRawFeatures(LifterOnnx.floats(in, "weight"), LifterOnnx.floats(in, "bias"), mean, std);
        return OnnxLayers.linear(graph, "in", x, folded[0], folded[1]);
    }

    /**
     * The head on the core's output {@code h} (frames along {@code frameAxis} 0 or 1, the batch of
     * one along the other), then the whole model: the middle frames, as [1, output, frames], are the
     * corrections of {@link LifterOnnx#finish}.
     */
    byte[] finish(OnnxGraph graph, String h, int frameAxis, String description) {
        return finishMiddle(graph, OnnxLayers.slice(graph, "middle", h, frameAxis, PAD, -PAD), frameAxis, description);
    }

    /** As {@link #finish} on the core's output for the middle frames alone. */
    byte[] finishMiddle(OnnxGraph graph, String middle, int frameAxis, String description) {
        String y = OnnxLayers.linear(graph, "head", middle, LifterOnnx.floats(head, "weight"), LifterOnnx.floats(head, "bias"));
        String corrections = frameAxis == 0 ? OnnxLayers.transpose(graph, "corrections", y, 1, 2, 0)
                : OnnxLayers.transpose(graph, "corrections", y, 0, 2, 1);
        return LifterOnnx.finish(graph, corrections, description + ", " + LearnedLifter.INPUT_FRAMES + " frames at "
                + (int) LearnedLifter.FPS + " fps");
    }

    /** [batch, feature, frames] → [batch, frames, feature]. */
    static Block framesFirst() {
        return new LambdaBlock(x -> new NDList(x.singletonOrThrow().transpose(0, 2, 1)));
    }

    /** [batch, frames, output] → [batch, output, middle frames]: the frames with {@value #PAD} frames of context on each side. */
    static Block middleFrames() {
        return new LambdaBlock(in -> {
            NDArray y = in.singletonOrThrow();
            long frames = y.getShape().get(1);
            return new NDList(y.get(":, " + PAD + ":" + (frames - PAD) + ", :").transpose(0, 2, 1));
        });
    }

    /**
     * {@code net}'s output as a correction of the middle frames' world landmarks, as {@link LifterModel}
     * does; a net that gives several answers one after the other along the channels has each corrected.
     */
    static Block withResidual(Block net, float[] mean, float[] std) {
        return new ParallelBlock(l -> {
            NDArray answers = l.get(0).singletonOrThrow(), world = l.get(1).singletonOrThrow();
            long times = answers.getShape().get(1) / world.getShape().get(1);
            return new NDList(answers.add(times == 1 ? world : world.tile(new long[]{1, times, 1})));
        }, List.of(net, new LambdaBlock(x -> LifterModel.worldResidual(x, mean, std))));
    }
}
