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
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Each layer written by {@link OnnxLayers}, run on ONNX Runtime against a result computed by hand. */
class OnnxLayersTest {
    private static final float TOLERANCE = 1e-5f;

    @TempDir
    Path dir;

    /** Runs a graph on {@code input} (its input "x") and returns {@code output}, of {@code outputDims}. */
    private float[] run(OnnxGraph graph, float[] input, String output, long... outputDims) throws IOException {
        graph.output(output, outputDims);
        Path file = dir.resolve("layer.onnx");
        Files.write(file, OnnxModel.serialize(graph, "test", "layer test"));
        try (OnnxSession session = new OnnxSession(file, Device.CPU, 1, List.of(output))) {
            session.input().put(input);
            return session.run().get(output);
        }
    }

    private static OnnxGraph graph(long... inputDims) {
        OnnxGraph graph = new OnnxGraph("test");
        graph.input("x", inputDims);
        return graph;
    }

    /** Two networks whose weights have the same names, embedded over one input and averaged: each keeps its own weights. */
    @Test
    void embeddedNetworksShareTheInputAndKeepTheirWeights() throws IOException {
        byte[][] networks = new byte[2][];
        float[][] weights = {{1, 0, -1, 2, 1, 0}, {0, 3, 1, -2, 0, 1}}, biases = {{0.5f, -1}, {2, 0}};
        for (int k = 0; k < 2; k++) {
            OnnxGraph g = graph(2, 3);
            g.output(OnnxLayers.linear(g, "fc", "x", weights[k], biases[k]), 2, 2);
            networks[k] = OnnxModel.serialize(g, "test", "member");
        }
        OnnxGraph mean = graph(2, 3);
        mean.embed(networks[0], "a_", Set.of("x"));
        mean.embed(networks[1], "b_", Set.of("x"));
        mean.node("Mean", List.of("a_fc", "b_fc"), "y");
        float[] out = run(mean, new float[]{1, 2, 3, 4, 5, 6}, "y", 2, 2);
        // First network as in the test below: (−1.5, 3), (−1.5, 12); the second: (2 + 6 + 3, −2 + 3) = (11, 1), (2 + 15 + 6, −8 + 6) = (23, −2).
        assertArrayEquals(new float[]{4.75f, 2, 10.75f, 5}, out, TOLERANCE);
    }

    @Test
    void linearMultipliesByTheTransposedWeightAndAddsTheBias() throws IOException {
        OnnxGraph g = graph(2, 3);
        String y = OnnxLayers.linear(g, "fc", "x", new float[]{1, 0, -1, 2, 1, 0}, new float[]{0.5f, -1});
        float[] out = run(g, new float[]{1, 2, 3, 4, 5, 6}, y, 2, 2);
        // Row (1, 2, 3): 1 − 3 + 0.5, 2 + 2 − 1; row (4, 5, 6): 4 − 6 + 0.5, 8 + 5 − 1.
        assertArrayEquals(new float[]{-1.5f, 3, -1.5f, 12}, out, TOLERANCE);
    }

    @Test
    void batchNormUsesTheRunningStatisticsPerFeatureOfTheLastAxis() throws IOException {
        OnnxGraph g = graph(2, 2);
        String y = OnnxLayers.batchNorm(g, "bn", "x", new float[]{2, 1}, new float[]{0, 10}, new float[]{1, -1}, new float[]{4, 0.25f}, 0);
        float[] out = run(g, new float[]{3, 0, 5, -1}, y, 2, 2);
        // (x − mean) / √var · γ + β: (3 − 1) / 2 · 2, (0 + 1) / 0.5 + 10; (5 − 1) / 2 · 2, 0 + 10.
        assertArrayEquals(new float[]{2, 12, 4, 10}, out, TOLERANCE);
    }

    @Test
    void bidirectionalGruComputesPytorchsGru() throws IOException {
        int frames = 5, inputs = 3, hidden = 4;
        Random random = new Random(3);
        float[][] w = {randoms(random, 3 * hidden * inputs), randoms(random, 3 * hidden * inputs)};
        float[][] r = {randoms(random, 3 * hidden * hidden), randoms(random, 3 * hidden * hidden)};
        float[] x = randoms(random, frames * inputs);
        OnnxGraph g = graph(frames, 1, inputs);
        String y = OnnxLayers.bidirectionalGru(g, "gru", "x", hidden, w[0], r[0], w[1], r[1]);
        float[] out = run(g, x, y, frames, 1, 2 * hidden);

        float[] expected = new float[frames * 2 * hidden];
        for (int direction = 0; direction < 2; direction++) {
            float[] h = new float[hidden];
            for (int step = 0; step < frames; step++) {
                int t = direction == 0 ? step : frames - 1 - step;
                h = pytorchGruStep(w[direction], r[direction], x, t * inputs, inputs, h);
                System.arraycopy(h, 0, expected, t * 2 * hidden + direction * hidden, hidden);
            }
        }
        assertArrayEquals(expected, out, TOLERANCE);
    }

    @Test
    void oneDirectionGruComputesPytorchsGruForwardOrBackward() throws IOException {
        int frames = 5, inputs = 3, hidden = 4;
        Random random = new Random(4);
        float[] w = randoms(random, 3 * hidden * inputs), r = randoms(random, 3 * hidden * hidden), x = randoms(random, frames * inputs);
        for (boolean reverse : new boolean[]{false, true}) {
            OnnxGraph g = graph(frames, 1, inputs);
            float[] out = run(g, x, OnnxLayers.gru(g, "gru", "x", hidden, reverse, w, r), frames, 1, hidden);
            float[] expected = new float[frames * hidden], h = new float[hidden];
            for (int step = 0; step < frames; step++) {
                int t = reverse ? frames - 1 - step : step;
                h = pytorchGruStep(w, r, x, t * inputs, inputs, h);
                System.arraycopy(h, 0, expected, t * hidden, hidden);
            }
            assertArrayEquals(expected, out, TOLERANCE, reverse ? "reverse" : "forward");
        }
    }

    @Test
    void tanhIsElementwise() throws IOException {
        OnnxGraph g = graph(1, 3);
        float[] out = run(g, new float[]{-1, 0, 2}, OnnxLayers.tanh(g, "x"), 1, 3);
        assertArrayEquals(new float[]{(float) Math.tanh(-1), 0, (float) Math.tanh(2)}, out, TOLERANCE);
    }

    /**
     * PyTorch's GRU cell without biases, gates (reset, update, new) in that order:
     * r = σ(W_r x + R_r h), z = σ(W_z x + R_z h), n = tanh(W_n x + r ⊙ (R_n h)), h' = (1 − z) ⊙ n + z ⊙ h.
     */
    private static float[] pytorchGruStep(float[] w, float[] r, float[] x, int offset, int inputs, float[] h) {
        int hidden = h.length;
        float[] next = new float[hidden];
        for (int i = 0; i < hidden; i++) {
            double reset = sigmoid(dot(w, i, x, offset, inputs) + dot(r, i, h, 0, hidden));
            double update = sigmoid(dot(w, hidden + i, x, offset, inputs) + dot(r, hidden + i, h, 0, hidden));
            double candidate = Math.tanh(dot(w, 2 * hidden + i, x, offset, inputs) + reset * dot(r, 2 * hidden + i, h, 0, hidden));
            next[i] = (float) ((1 - update) * candidate + update * h[i]);
        }
        return next;
    }

    /** Row {@code row} of a row-major matrix with {@code n} columns, times v[offset, offset + n). */
    private static double dot(float[] matrix, int row, float[] v, int offset, int n) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += matrix[row * n + k] * v[offset + k];
        }
        return sum;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    private static float[] randoms(Random random, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) random.nextGaussian();
        }
        return out;
    }

    @Test
    void transposeThenReshapeReordersAndFlattens() throws IOException {
        OnnxGraph g = graph(1, 2, 3);
        String y = OnnxLayers.reshape(g, "flat", OnnxLayers.transpose(g, "t", "x", 0, 2, 1), 0, -1);
        assertArrayEquals(new float[]{0, 3, 1, 4, 2, 5}, run(g, new float[]{0, 1, 2, 3, 4, 5}, y, 1, 6), TOLERANCE);
    }

    @Test
    void softmaxNormalisesAlongTheGivenAxisOnly() throws IOException {
        OnnxGraph g = graph(1, 2, 2);
        String y = OnnxLayers.softmax(g, "p", "x", 1);
        float[] out = run(g, new float[]{0, 1, (float) Math.log(3), 1}, y, 1, 2, 2);
        // Column 0: e^0 and e^ln 3 → 1/4, 3/4; column 1: equal → 1/2 each.
        assertArrayEquals(new float[]{0.25f, 0.5f, 0.75f, 0.5f}, out, TOLERANCE);
    }

    @Test
    void batchedMatMulScaleAndSlice() throws IOException {
        OnnxGraph g = graph(1, 2, 3);
        String gram = OnnxLayers.scale(g, "half", OnnxLayers.matMul(g, "gram", "x", OnnxLayers.transpose(g, "xt", "x", 0, 2, 1)), 0.5f);
        String y = OnnxLayers.slice(g, "second_column", gram, 2, 1, 2);
        // x = [[1, 2, 3], [0, 1, −1]]: x·xᵀ = [[14, −1], [−1, 2]]; halved, its second column.
        assertArrayEquals(new float[]{-0.5f, 1}, run(g, new float[]{1, 2, 3, 0, 1, -1}, y, 1, 2, 1), TOLERANCE);
    }

    @Test
    void sliceCountsNegativeEndsFromTheEnd() throws IOException {
        OnnxGraph g = graph(1, 5);
        String y = OnnxLayers.relu(g, OnnxLayers.add(g, "shifted", OnnxLayers.slice(g, "inner", "x", 1, 1, -1), "x_offset"));
        g.floats("x_offset", new long[]{1}, new float[]{-2});
        assertArrayEquals(new float[]{0, 1, 2}, run(g, new float[]{0, 2, 3, 4, 5}, y, 1, 3), TOLERANCE);
    }
}
