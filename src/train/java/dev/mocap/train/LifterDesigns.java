package dev.mocap.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.transformer.TransformerEncoderBlock;
import dev.mocap.recover.LearnedLifter;

import java.util.List;

/**
 * The temporal designs compared against the shipped convolution ({@link LifterModel}), with the
 * same input (standardised features, [batch, feature, frames]) and output (the middle frames'
 * landmarks as a correction of the world landmarks, and contact logits):
 * <ul>
 *   <li>{@code gru}, TCMR-like: a bidirectional two-layer GRU without bias terms (DJL 0.27 fails on
 *       PyTorch GRU biases; its forward and backward halves
 *       are TCMR's past and future branches) over the whole window;</li>
 *   <li>{@code attention}, MPS-Net-like: self-attention over the window (two transformer
 *       encoder layers on sinusoidal time positions), every frame attending to every other.</li>
 * </ul>
 * They are trained by {@link TrainLifter} for the comparison in models/LIFTER.md; only the
 * convolution is shipped (its ONNX needs no recurrent or attention operators, and it is fastest).
 */
final class LifterDesigns {
    static final int HIDDEN = 128;
    private static final int PAD = LearnedLifter.RECEPTIVE_FIELD / 2;

    private LifterDesigns() {
    }

    static Block gru(float[] mean, float[] std) {
        SequentialBlock net = new SequentialBlock()
                .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().transpose(0, 2, 1))))
                .add(Linear.builder().setUnits(HIDDEN).build()).add(Activation::relu)
                .add(GRU.builder().setStateSize(HIDDEN).setNumLayers(2).optBidirectional(true).optBatchFirst(true).optHasBiases(false).build())
                .add(Linear.builder().setUnits(LearnedLifter.OUTPUTS).build())
                .add(new LambdaBlock(LifterDesigns::middleFrames));
        return withResidual(net, mean, std);
    }

    static Block attention(float[] mean, float[] std) {
        SequentialBlock net = new SequentialBlock()
                .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().transpose(0, 2, 1))))
                .add(Linear.builder().setUnits(HIDDEN).build())
                .add(new LambdaBlock(LifterDesigns::withPositions));
        for (int layer = 0; layer < 2; layer++) {
            net.add(new TransformerEncoderBlock(HIDDEN, 4, 2 * HIDDEN, 0f, Activation::relu));
        }
        net.add(Linear.builder().setUnits(LearnedLifter.OUTPUTS).build()).add(new LambdaBlock(LifterDesigns::middleFrames));
        return withResidual(net, mean, std);
    }

    private static Block withResidual(Block net, float[] mean, float[] std) {
        return new ParallelBlock(l -> new NDList(l.get(0).singletonOrThrow().add(l.get(1).singletonOrThrow())),
                List.of(net, new LambdaBlock(x -> LifterModel.worldResidual(x, mean, std))));
    }

    /** [batch, frames, output] → [batch, output, middle frames]. */
    private static NDList middleFrames(NDList in) {
        NDArray y = in.get(0);
        long frames = y.getShape().get(1);
        return new NDList(y.get(":, " + PAD + ":" + (frames - PAD) + ", :").transpose(0, 2, 1));
    }

    /** Adds sinusoidal encodings of the frame's place in the window. */
    private static NDList withPositions(NDList in) {
        NDArray x = in.singletonOrThrow();
        long frames = x.getShape().get(1);
        float[] table = new float[(int) (frames * HIDDEN)];
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < HIDDEN; i += 2) {
                double angle = t / Math.pow(10000, (double) i / HIDDEN);
                table[t * HIDDEN + i] = (float) Math.sin(angle);
                table[t * HIDDEN + i + 1] = (float) Math.cos(angle);
            }
        }
        return new NDList(x.add(x.getManager().create(table, new Shape(1, frames, HIDDEN))));
    }
}
