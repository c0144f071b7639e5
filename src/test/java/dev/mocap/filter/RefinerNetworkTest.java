package dev.mocap.filter;

import dev.mocap.nn.Device;
import dev.mocap.nn.OnnxSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RefinerNetworkTest {
    private static final int F = RefinerWindow.FRAMES;

    private static RefinerNetwork.Dense random(int in, int out, Random r) {
        float[] w = new float[in * out], b = new float[out];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (r.nextGaussian() / Math.sqrt(in));
        }
        for (int i = 0; i < out; i++) {
            b[i] = (float) (0.1 * r.nextGaussian());
        }
        return new RefinerNetwork.Dense(in, out, w, b);
    }

    private static float[][] runOnnx(RefinerNetwork net, float[][] windows, Path dir) throws IOException {
        Path file = dir.resolve("net.onnx");
        Files.write(file, net.toOnnx(windows.length));
        try (OnnxSession session = new OnnxSession(file, Device.CPU, 1, List.of(RefinerNetwork.OUTPUT))) {
            var input = session.input();
            for (float[] w : windows) {
                input.put(w);
            }
            float[] flat = session.run().get(RefinerNetwork.OUTPUT);
            float[][] out = new float[windows.length][F];
            for (int k = 0; k < windows.length; k++) {
                System.arraycopy(flat, k * F, out[k], 0, F);
            }
            return out;
        }
    }

    @Test
    void theOnnxGraphComputesAHandCheckedNetwork(@TempDir Path dir) throws IOException {
        // stem: one unit, the window's mean; head: that unit added to every sample: x + max(0, mean(x)).
        float[] mean = new float[F], ones = new float[F];
        java.util.Arrays.fill(mean, 1f / F);
        java.util.Arrays.fill(ones, 1f);
        RefinerNetwork net = new RefinerNetwork(new RefinerNetwork.Dense(F, 1, mean, new float[1]), List.of(),
                new RefinerNetwork.Dense(1, F, ones, new float[F]));
        float[] rising = new float[F], falling = new float[F];
        for (int i = 0; i < F; i++) {
            rising[i] = i;
            falling[i] = -i;
        }
        float[][] out = runOnnx(net, new float[][] {rising, falling}, dir);
        for (int i = 0; i < F; i++) {
            assertEquals(i + 15.5f, out[0][i], 1e-4f);
            assertEquals(-i, out[1][i], 1e-6f);
        }
    }

    @Test
    void onnxRuntimeMatchesTheJavaForwardPassWithResidualBlocks(@TempDir Path dir) throws IOException {
        Random r = new Random(3);
        RefinerNetwork net = new RefinerNetwork(random(F, 16, r),
                List.of(new RefinerNetwork.ResidualBlock(random(16, 16, r), random(16, 16, r)),
                        new RefinerNetwork.ResidualBlock(random(16, 16, r), random(16, 16, r))),
                random(16, F, r));
        float[][] windows = new float[5][F];
        for (float[] w : windows) {
            for (int i = 0; i < F; i++) {
                w[i] = (float) r.nextGaussian();
            }
        }
        float[][] onnx = runOnnx(net, windows, dir);
        for (int k = 0; k < windows.length; k++) {
            assertArrayEquals(net.forward(windows[k]), onnx[k], 1e-5f, "window " + k);
        }
        assertEquals(F * 16 + 16 + 4 * (16 * 16 + 16) + 16 * F + F, net.parameterCount());
    }

    @Test
    void theCentredNetworkLeavesAWindowOfZerosAlone() {
        Random r = new Random(4);
        RefinerNetwork net = new RefinerNetwork(random(F, 8, r),
                List.of(new RefinerNetwork.ResidualBlock(random(8, 8, r), random(8, 8, r))), random(8, F, r));
        assertArrayEquals(new float[F], net.centred().forward(new float[F]), 1e-6f);
    }
}
