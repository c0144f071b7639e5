package dev.mocap.train;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.recurrent.GRU;
import dev.mocap.nn.onnx.OnnxGraph;
import dev.mocap.nn.onnx.OnnxLayers;

/**
 * TCMR-like design: a linear layer per frame, then a bidirectional two-layer GRU over the whole
 * window (its forward and backward halves are TCMR's past and future branches) and a linear head
 * per frame. No bias terms in the GRU: DJL 0.27 fails on PyTorch GRU biases.
 */
final class GruLifter extends FrameWiseLifter {
    static final int HIDDEN = 128, LAYERS = 2;

    private final GRU gru = GRU.builder().setStateSize(HIDDEN).setNumLayers(LAYERS).optBidirectional(true).optBatchFirst(true)
            .optHasBiases(false).build();
    private final Block block;

    GruLifter(float[] mean, float[] std) {
        super(HIDDEN, mean, std);
        block = withResidual(new SequentialBlock().add(framesFirst()).add(in).add(Activation::relu).add(gru).add(head).add(middleFrames()),
                mean, std);
    }

    @Override
    public Block block() {
        return block;
    }

    /**
     * As ONNX: Transpose to ONNX's recurrent layout [frames, 1, features], MatMul/Add, Relu, two
     * GRU nodes (direction bidirectional), head, Slice of the middle frames, Transpose back.
     */
    @Override
    public byte[] toOnnx() {
        OnnxGraph graph = LifterOnnx.graph("lifter");
        String h = OnnxLayers.relu(graph, inputLayer(graph, OnnxLayers.transpose(graph, "frames_first", LifterOnnx.INPUT, 2, 0, 1)));
        for (int layer = 0; layer < LAYERS; layer++) {
            h = OnnxLayers.bidirectionalGru(graph, "gru" + layer, h, HIDDEN, LifterOnnx.floats(gru, "l_" + layer + "_i2h_WEIGHT"),
                    LifterOnnx.floats(gru, "l_" + layer + "_h2h_WEIGHT"), LifterOnnx.floats(gru, "r_" + layer + "_i2h_WEIGHT"),
                    LifterOnnx.floats(gru, "r_" + layer + "_h2h_WEIGHT"));
        }
        return finish(graph, h, 0, "bidirectional GRU");
    }
}
