package dev.mocap.nn.tflite;

import dev.mocap.Fuzz;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A damaged .tflite file is refused with a {@link TfliteFormatException}, never a crash or a huge allocation. */
class TfliteFuzzTest {
    private static final Path MODEL = Path.of("models", "cache", "tflite", "pose_detection.tflite");

    @Test
    void damagedModelsGiveAClearError() throws IOException {
        assumeTrue(Files.exists(MODEL), "no converted models at " + MODEL + " (the build installs them)");
        byte[] valid = Files.readAllBytes(MODEL);
        TfliteModel.read(valid);
        Fuzz.Outcome outcome = new Fuzz(valid, 8).focusedOn(structure(valid))
                .run(3000, 60, TfliteFuzzTest::readEverything, e -> e instanceof TfliteFormatException);
        System.out.printf("tflite fuzz: %d damaged models, %d refused with a clear error, %d still read%n",
                outcome.cases(), outcome.rejected(), outcome.accepted());
        assertTrue(outcome.rejected() > outcome.cases() / 10, "the damage reaches the structure");
    }

    /** What the converter reads: every table, and the values of every stored tensor. */
    private static void readEverything(byte[] bytes) {
        TfliteModel model = TfliteModel.read(bytes);
        for (TfliteSubgraph graph : model.subgraphs()) {
            for (TfliteTensor tensor : graph.tensors()) {
                if (!model.isConstant(tensor)) {
                    continue;
                }
                switch (tensor.type()) {
                    case FLOAT32, FLOAT16 -> model.floats(tensor);
                    case INT32 -> model.ints(tensor);
                    default -> {
                        // the converter reads no other stored types
                    }
                }
            }
        }
    }

    /** The bytes outside the weights: the flatbuffer's tables, vectors and strings. */
    private static BitSet structure(byte[] valid) {
        BitSet structure = new BitSet(valid.length);
        structure.set(0, valid.length);
        for (FlatTable buffer : FlatTable.root(ByteBuffer.wrap(valid).order(ByteOrder.LITTLE_ENDIAN)).getTables(4)) {
            int[] data = buffer.vector(0, 1);
            if (data != null) {
                structure.clear(data[0], data[0] + data[1]);
            }
        }
        return structure;
    }
}
