package dev.mocap.train;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

/**
 * One temporal design of the lifting network: the DJL block that is trained on standardised
 * features ([batch, feature, frames] → [batch, output, frames − 80]), and its ONNX file under
 * {@link dev.mocap.recover.LearnedLifter}'s contract (raw features [1, 213, 208] → [1, 104, 128]).
 */
interface LifterNetwork {
    Block block();

    /** Zero head weights: before training, the network says what the world landmarks say. */
    void startFromTheWorldLandmarks();

    byte[] toOnnx();

    /**
     * {@code tcn} (the shipped {@link LifterModel}), {@code gru} ({@link GruLifter}), {@code tcmr}
     * ({@link TcmrLifter}), {@code attention} ({@link AttentionLifter}) or {@code mpsnet} ({@link MpsNetLifter}).
     */
    static LifterNetwork of(String design, float[] mean, float[] std) {
        return switch (design) {
            case "tcn" -> new LifterModel(mean, std);
            case "gru" -> new GruLifter(mean, std);
            case "tcmr" -> new TcmrLifter(mean, std);
            case "attention" -> new AttentionLifter(mean, std);
            case "mpsnet" -> new MpsNetLifter(mean, std);
            default -> throw new IllegalArgumentException("design must be tcn, gru, tcmr, attention or mpsnet: " + design);
        };
    }

    static void zero(Block layer) {
        for (Parameter p : layer.getParameters().values()) {
            p.getArray().muli(0);
        }
    }
}
