package dev.mocap.train;

import dev.mocap.nn.Device;
import dev.mocap.nn.OnnxSession;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The check before a trained network is written: ONNX Runtime on the file must reproduce what it
 * was made from (DJL's forward pass, or the mean of the networks of an ensemble).
 */
final class OnnxExportCheck {

    private OnnxExportCheck() {
    }

    /**
     * Runs {@code onnxFile} on {@code input}, prints the largest difference of its {@code output}
     * from {@code expected} (what DJL, or the networks it was made of, computed on the same data, {@code what}), and
     * throws when it is not below {@code tolerance}.
     */
    static void verify(Path onnxFile, String output, float[] input, float[] expected, double tolerance, String what) {
        float[] actual = run(onnxFile, output, input);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        System.out.printf(Locale.ROOT, "ONNX Runtime on %s: largest difference from the expected output %.2e%n", what, worst);
        if (!(worst < tolerance)) {
            throw new IllegalStateException("the ONNX file does not reproduce the trained network");
        }
    }

    /** {@code output} of the ONNX file on {@code input} (its one input), on ONNX Runtime. */
    static float[] run(Path onnxFile, String output, float[] input) {
        try (OnnxSession session = new OnnxSession(onnxFile, Device.CPU, 1, List.of(output))) {
            session.input().put(input);
            return session.run().get(output);
        }
    }
}
