package dev.mocap.train;

import dev.mocap.nn.Device;
import dev.mocap.nn.OnnxSession;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The check before a trained network ships: ONNX Runtime on the exported file must reproduce DJL's forward pass. */
final class OnnxExportCheck {

    private OnnxExportCheck() {
    }

    /**
     * Runs {@code onnxFile} on {@code input}, prints the largest difference of its {@code output}
     * from {@code expected} (what DJL computed on the same held-out data, {@code what}), and
     * throws when it is not below {@code tolerance}.
     */
    static void verify(Path onnxFile, String output, float[] input, float[] expected, double tolerance, String what) {
        float[] actual;
        try (OnnxSession session = new OnnxSession(onnxFile, Device.CPU, 1, List.of(output))) {
            session.input().put(input);
            actual = session.run().get(output);
        }
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        System.out.printf(Locale.ROOT, "ONNX Runtime vs DJL on %s: largest difference %.2e%n", what, worst);
        if (!(worst < tolerance)) {
            throw new IllegalStateException("the ONNX export does not reproduce the trained network");
        }
    }
}
