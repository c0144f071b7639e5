package dev.mocap.train;

import dev.mocap.nn.ModelStore;
import dev.mocap.nn.onnx.HalfWeights;
import dev.mocap.nn.onnx.OnnxGraph;
import dev.mocap.nn.onnx.OnnxModel;
import dev.mocap.recover.LearnedLifter;
import dev.mocap.recover.LiftingFeatures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Ships the lifting network (models/LIFTER.md): the mean of the networks in a folder (the files
 * {@link TrainLifter} writes, one per seed), as one ONNX graph over the shared input, written to
 * {@code MODELS_DIR/lifter.onnx} with its sha256 in {@code manifest.json} once ONNX Runtime shows
 * that its output is the mean of theirs. Networks trained alike from different seeds err
 * differently, so their mean errs less than each. Their weights are stored as float16
 * ({@link HalfWeights}). Usage: {@code LifterEnsemble MODELS_DIR MEMBERS_DIR}.
 */
public final class LifterEnsemble {
    /**
     * Weight tensors of at least this many numbers are stored as float16 (half the file; on the
     * held-out sets of {@code mocap bench accuracy} the figures stay within 0.1 mm). Random
     * features drive the networks far beyond real ones, so the rounding is checked against the
     * largest output: within 0.1 % of it.
     */
    private static final int HALF_MINIMUM = 1024;
    private static final double HALF_TOLERANCE = 1e-3;

    private LifterEnsemble() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: LifterEnsemble MODELS_DIR MEMBERS_DIR");
        }
        Path modelsDir = Path.of(args[0]);
        List<Path> members;
        try (var files = Files.list(Path.of(args[1]))) {
            members = files.filter(f -> f.getFileName().toString().endsWith(".onnx")).sorted().toList();
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("no .onnx networks in " + args[1]);
        }
        OnnxGraph graph = LifterOnnx.graph("lifter");
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String prefix = "member" + i + "_";
            graph.embed(Files.readAllBytes(members.get(i)), prefix, Set.of(LifterOnnx.INPUT));
            outputs.add(prefix + LearnedLifter.OUTPUT);
        }
        graph.node("Mean", outputs, LearnedLifter.OUTPUT);
        graph.output(LearnedLifter.OUTPUT, 1, LearnedLifter.OUTPUTS, LearnedLifter.CHUNK);
        byte[] onnx = HalfWeights.of(OnnxModel.serialize(graph, "mocap", "learned lifting network: the mean of " + members.size()
                + " networks trained from different seeds " + members.stream().map(f -> f.getFileName().toString()).toList()
                + ", weights stored as float16"), HALF_MINIMUM);
        float[] input = randomFeatures();
        float[] expected = new float[LearnedLifter.OUTPUTS * LearnedLifter.CHUNK];
        for (Path member : members) {
            float[] out = OnnxExportCheck.run(member, LearnedLifter.OUTPUT, input);
            for (int k = 0; k < expected.length; k++) {
                expected[k] += out[k] / members.size();
            }
        }
        double largest = 1;
        for (float e : expected) {
            largest = Math.max(largest, Math.abs(e));
        }
        double tolerance = HALF_TOLERANCE * largest;
        System.out.printf(Locale.ROOT, "%d networks: %s%n", members.size(), members);
        ShippedModel.write(onnx, modelsDir, "lifter.onnx", ModelStore.LIFTER, file -> OnnxExportCheck.verify(file, LearnedLifter.OUTPUT,
                input, expected, tolerance, "random features (the mean of the networks, float16 weights)"));
    }

    /** Standard normal numbers: a numerical check of the graph, not a plausible body. */
    private static float[] randomFeatures() {
        Random random = new Random(1);
        float[] x = new float[LiftingFeatures.SIZE * LearnedLifter.INPUT_FRAMES];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }
}
