package dev.mocap.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import dev.mocap.recover.LearnedLifter;

import java.util.List;

/** The DJL pieces that the frame-wise designs ({@link GruLifter}, {@link AttentionLifter}) share around their temporal core. */
final class DesignBlocks {
    static final int PAD = LearnedLifter.RECEPTIVE_FIELD / 2;

    private DesignBlocks() {
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

    /** {@code net}'s output as a correction of the middle frames' world landmarks, as {@link LifterModel} does. */
    static Block withResidual(Block net, float[] mean, float[] std) {
        return new ParallelBlock(l -> new NDList(l.get(0).singletonOrThrow().add(l.get(1).singletonOrThrow())),
                List.of(net, new LambdaBlock(x -> LifterModel.worldResidual(x, mean, std))));
    }
}
