package dev.mocap.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import dev.mocap.nn.onnx.OnnxGraph;
import dev.mocap.nn.onnx.OnnxLayers;
import dev.mocap.recover.LearnedLifter;

/**
 * MPS-Net-style design (Wei et al., CVPR 2022): a linear layer per frame, motion continuity
 * attention over the whole window ({@link MotionContinuityAttention}: attention steered by the
 * frames' self-similarity, with a residual; no position encodings, as in MPS-Net), hierarchical
 * attentive integration of each middle frame's nine neighbours ({@link HierarchicalIntegration})
 * and a linear head: its answer corrects the frame's world landmarks, as every design here does.
 */
final class MpsNetLifter extends FrameWiseLifter {
    static final int HIDDEN = 128, INNER = 64, SCORE = 64;

    private final MotionContinuityAttention attention = new MotionContinuityAttention(HIDDEN, INNER);
    private final HierarchicalIntegration integration = new HierarchicalIntegration(HIDDEN, SCORE, PAD);
    private final Block block;

    MpsNetLifter(float[] mean, float[] std) {
        super(HIDDEN, mean, std);
        block = withResidual(new SequentialBlock().add(framesFirst()).add(in).add(Activation::relu).add(attention).add(integration)
                .add(head).add(new LambdaBlock(MpsNetLifter::channelsFirst)), mean, std);
    }

    @Override
    public Block block() {
        return block;
    }

    /** [batch, middle frames, output] → [batch, output, middle frames]. */
    private static NDList channelsFirst(NDList in) {
        NDArray y = in.singletonOrThrow();
        return new NDList(y.transpose(0, 2, 1));
    }

    /**
     * As ONNX: Transpose to [1, frames, features], the input layer, the attention
     * ({@link MotionContinuityAttention#toOnnx}), the integration ({@link HierarchicalIntegration#toOnnx}), head.
     */
    @Override
    public byte[] toOnnx() {
        OnnxGraph graph = LifterOnnx.graph("lifter");
        String h = OnnxLayers.relu(graph, inputLayer(graph, OnnxLayers.transpose(graph, "frames_first", LifterOnnx.INPUT, 0, 2, 1)));
        String fused = integration.toOnnx(graph, "hafi", attention.toOnnx(graph, "moca", h), LearnedLifter.INPUT_FRAMES);
        return finishMiddle(graph, fused, 1, "MPS-Net-style motion continuity attention and hierarchical integration");
    }
}
