package dev.mocap.train;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import dev.mocap.nn.onnx.OnnxGraph;
import dev.mocap.nn.onnx.OnnxLayers;
import dev.mocap.recover.LearnedLifter;

/**
 * TCMR-like design: a linear layer per frame, then a bidirectional two-layer GRU over the whole
 * window (its forward and backward halves are TCMR's past and future branches) and a linear head
 * per frame. No bias terms in the GRU: DJL 0.27 fails on PyTorch GRU biases.
 */
final class GruLifter implements LifterNetwork {
    static final int HIDDEN = 128, LAYERS = 2;

    private final Linear in = Linear.builder().setUnits(HIDDEN).build(), head = Linear.builder().setUnits(LearnedLifter.OUTPUTS).build();
    private final GRU gru = GRU.builder().setStateSize(HIDDEN).setNumLayers(LAYERS).optBidirectional(true).optBatchFirst(true)
            .optHasBiases(false).build();
    private final Block block;
    private final float[] mean, std;

    GruLifter(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
        block = DesignBlocks.withResidual(new SequentialBlock().add(DesignBlocks.framesFirst()).add(in).add(Activation::relu).add(gru)
                .add(head).add(DesignBlocks.middleFrames()), mean, std);
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public void startFromTheWorldLandmarks() {
        LifterNetwork.zero(head);
    }

    /**
     * As ONNX: Transpose to ONNX's recurrent layout [frames, 1, features], MatMul/Add, Relu, two
     * GRU nodes (direction bidirectional), head, Slice of the middle frames, Transpose back.
     */
    @Override
    public byte[] toOnnx() {
        OnnxGraph graph = LifterOnnx.graph("lifter");
        String x = OnnxLayers.transpose(graph, "frames_first", LifterOnnx.INPUT, 2, 0, 1);
        float[][] first = LifterOnnx.onRawFeatures(LifterOnnx.floats(in, "weight"), LifterOnnx.floats(in, "bias"), mean, std);
        String h = OnnxLayers.relu(graph, OnnxLayers.linear(graph, "in", x, first[0], first[1]));
        for (int layer = 0; layer < LAYERS; layer++) {
            h = OnnxLayers.bidirectionalGru(graph, "gru" + layer, h, HIDDEN, LifterOnnx.floats(gru, "l_" + layer + "_i2h_WEIGHT"),
                    LifterOnnx.floats(gru, "l_" + layer + "_h2h_WEIGHT"), LifterOnnx.floats(gru, "r_" + layer + "_i2h_WEIGHT"),
                    LifterOnnx.floats(gru, "r_" + layer + "_h2h_WEIGHT"));
        }
        String y = OnnxLayers.linear(graph, "head", h, LifterOnnx.floats(head, "weight"), LifterOnnx.floats(head, "bias"));
        String middle = OnnxLayers.slice(graph, "middle", y, 0, DesignBlocks.PAD, -DesignBlocks.PAD);
        return LifterOnnx.finish(graph, OnnxLayers.transpose(graph, "corrections", middle, 1, 2, 0),
                "bidirectional GRU, " + LearnedLifter.INPUT_FRAMES + " frames at " + (int) LearnedLifter.FPS + " fps");
    }
}
