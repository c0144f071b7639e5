package dev.mocap.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import dev.mocap.filter.RefinerNetwork;
import dev.mocap.filter.RefinerWindow;

import java.util.ArrayList;
import java.util.List;

/**
 * The DJL form of {@link RefinerNetwork}: the same layers, so trained weights map onto it one to
 * one ({@link #toNetwork()}).
 */
final class RefinerModel {
    private final Linear stem;
    private final List<Linear[]> blocks = new ArrayList<>();
    private final Linear head;
    private final Block block;

    RefinerModel(int hidden, int residualBlocks) {
        stem = linear(hidden);
        head = linear(RefinerWindow.FRAMES);
        SequentialBlock core = new SequentialBlock().add(stem).add(Activation::relu);
        for (int b = 0; b < residualBlocks; b++) {
            Linear first = linear(hidden), second = linear(hidden);
            blocks.add(new Linear[] {first, second});
            SequentialBlock branch = new SequentialBlock().add(first).add(Activation::relu).add(second);
            core.add(new ParallelBlock(sum(true), List.of(branch, identity())));
        }
        core.add(head);
        block = new ParallelBlock(sum(false), List.of(core, identity()));
    }

    Block block() {
        return block;
    }

    RefinerNetwork toNetwork() {
        List<RefinerNetwork.ResidualBlock> residual = new ArrayList<>();
        for (Linear[] pair : blocks) {
            residual.add(new RefinerNetwork.ResidualBlock(dense(pair[0]), dense(pair[1])));
        }
        return new RefinerNetwork(dense(stem), residual, dense(head));
    }

    private static RefinerNetwork.Dense dense(Linear layer) {
        NDArray weight = layer.getParameters().get("weight").getArray();
        NDArray bias = layer.getParameters().get("bias").getArray();
        long[] shape = weight.getShape().getShape();
        return new RefinerNetwork.Dense((int) shape[1], (int) shape[0], weight.toFloatArray(), bias.toFloatArray());
    }

    private static Linear linear(int units) {
        return Linear.builder().setUnits(units).build();
    }

    private static Block identity() {
        return new LambdaBlock(x -> x);
    }

    private static java.util.function.Function<List<NDList>, NDList> sum(boolean relu) {
        return branches -> {
            NDArray s = branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow());
            return new NDList(relu ? Activation.relu(s) : s);
        };
    }
}
