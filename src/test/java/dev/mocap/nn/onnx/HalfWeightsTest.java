package dev.mocap.nn.onnx;

import dev.mocap.nn.Device;
import dev.mocap.nn.OnnxSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HalfWeightsTest {
    @TempDir
    Path dir;

    @Test
    void floatsRoundToTheNearestHalf() {
        assertEquals(0x3C00, HalfWeights.toHalf(1f));
        assertEquals((short) 0xC000, HalfWeights.toHalf(-2f));
        assertEquals(0x3555, HalfWeights.toHalf(1f / 3));
        assertEquals(0x2E66, HalfWeights.toHalf(0.1f));
        assertEquals(0x7BFF, HalfWeights.toHalf(65504f));
        assertEquals(0x0400, HalfWeights.toHalf((float) Math.pow(2, -14)), "the smallest normal");
        assertEquals(0x0001, HalfWeights.toHalf((float) Math.pow(2, -24)), "the smallest subnormal");
        assertEquals(0x0000, HalfWeights.toHalf((float) Math.pow(2, -25)), "halfway to the smallest subnormal: ties to even");
        assertEquals(0x0002, HalfWeights.toHalf((float) (3 * Math.pow(2, -25))), "halfway between 1 and 2 subnormal units: ties to even");
        assertEquals(0x4000, HalfWeights.toHalf(Math.nextDown(2f)), "rounding carries into the exponent");
        assertEquals(0, HalfWeights.toHalf(0f));
        assertThrows(IllegalArgumentException.class, () -> HalfWeights.toHalf(1e5f));
        assertThrows(IllegalArgumentException.class, () -> HalfWeights.toHalf(Float.NaN));
    }

    /** A layer of 64 × 48 weights runs on ONNX Runtime as before, to float16's precision, from a file of about half the size. */
    @Test
    void aHalvedNetworkGivesTheSameAnswerFromHalfTheFile() throws IOException {
        Random random = new Random(4);
        int in = 64, out = 48;
        float[] weights = new float[in * out], bias = new float[out], x = new float[in];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian() / 8;
        }
        for (int i = 0; i < out; i++) {
            bias[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < in; i++) {
            x[i] = (float) random.nextGaussian();
        }
        OnnxGraph graph = new OnnxGraph("test");
        graph.input("x", 1, in);
        graph.output(OnnxLayers.linear(graph, "fc", "x", weights, bias), 1, out);
        byte[] model = OnnxModel.serialize(graph, "test", "one layer");
        byte[] halved = HalfWeights.of(model, 1024);
        float[] expected = run(model, x, "fc"), actual = run(halved, x, "fc");
        assertTrue(halved.length < 0.55 * model.length, halved.length + " bytes against " + model.length);
        for (int o = 0; o < out; o++) {
            // 64 products, each weight off by at most 2^-11 of itself.
            assertEquals(expected[o], actual[o], 5e-3, "output " + o);
        }
        assertTrue(IntStream.range(0, out).anyMatch(o -> expected[o] != actual[o]), "the weights were rounded");
        assertEquals(model.length, HalfWeights.of(model, in * out + 1).length, "nothing as large as the threshold: the file as it was");
    }

    private float[] run(byte[] model, float[] x, String output) throws IOException {
        Path file = Files.write(dir.resolve("net.onnx"), model);
        try (OnnxSession session = new OnnxSession(file, Device.CPU, 1, List.of(output))) {
            session.input().put(x);
            return session.run().get(output);
        }
    }
}
