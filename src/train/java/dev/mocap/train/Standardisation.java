package dev.mocap.train;

import dev.mocap.AtomicFiles;
import dev.mocap.recover.LiftingFeatures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Per feature: the mean and standard deviation that the network's inputs are standardised with,
 * measured on the first training round and kept beside a design's saved parameters (two lines of
 * numbers), so that an export of those parameters folds in the same ones.
 */
record Standardisation(float[] mean, float[] std) {

    static Standardisation of(List<LifterData.Sequence> sequences) {
        int c = LiftingFeatures.SIZE;
        double[] sum = new double[c], squares = new double[c];
        long n = 0;
        for (LifterData.Sequence s : sequences) {
            for (float[] f : s.inputs()) {
                for (int i = 0; i < c; i++) {
                    sum[i] += f[i];
                    squares[i] += f[i] * f[i];
                }
                n++;
            }
        }
        float[] mean = new float[c], std = new float[c];
        for (int i = 0; i < c; i++) {
            double mu = sum[i] / n;
            mean[i] = (float) mu;
            std[i] = (float) Math.max(1e-3, Math.sqrt(Math.max(0, squares[i] / n - mu * mu)));
        }
        return new Standardisation(mean, std);
    }

    static Standardisation read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return new Standardisation(numbers(lines.get(0)), numbers(lines.get(1)));
    }

    void write(Path file) throws IOException {
        String text = line(mean) + "\n" + line(std) + "\n";
        AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static float[] numbers(String line) {
        String[] parts = line.trim().split(" ");
        float[] out = new float[parts.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.parseFloat(parts[i]);
        }
        return out;
    }

    private static String line(float[] values) {
        StringBuilder b = new StringBuilder();
        for (float v : values) {
            b.append(b.length() == 0 ? "" : " ").append(v);
        }
        return b.toString();
    }
}
