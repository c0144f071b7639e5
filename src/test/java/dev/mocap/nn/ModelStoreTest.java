package dev.mocap.nn;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelStoreTest {
    @TempDir
    Path dir;

    private static byte[] tfliteBytes(PoseModel model) {
        return ("tflite " + model).getBytes(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void writeManifest() throws IOException {
        StringBuilder models = new StringBuilder();
        for (PoseModel model : PoseModel.values()) {
            models.append(models.length() == 0 ? "" : ",").append(String.format(
                    "{\"name\": \"%s\", \"source\": \"package/%s.tflite\", \"license\": \"Apache-2.0\", \"sha256\": \"%s\"}",
                    model.fileBase(), model.fileBase(), Sha256.of(tfliteBytes(model))));
        }
        Files.writeString(dir.resolve("manifest.json"), "{\"package\": \"@mediapipe/pose\", \"version\": \"1.0\","
                + " \"license\": \"Apache-2.0\", \"models\": [" + models + "]}");
    }

    @Test
    void missingModelNamesTheRestoreCommand() {
        MocapException e = assertThrows(MocapException.class, () -> ModelStore.at(dir).onnx(PoseModel.FULL));

        assertEquals(ExitCode.MODEL_MISSING, e.exitCode());
        assertTrue(e.getMessage().startsWith("pose_landmark_full model missing or corrupt at "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; restore it with: ./mocap models install"), e.getMessage());
    }

    @Test
    void tfliteIsCheckedAgainstTheManifest() throws IOException {
        ModelStore store = ModelStore.at(dir);
        Path file = store.tfliteFile(PoseModel.LITE);
        Files.createDirectories(file.getParent());
        Files.write(file, tfliteBytes(PoseModel.LITE));

        assertEquals(file, store.tflite(PoseModel.LITE));

        Files.write(file, tfliteBytes(PoseModel.HEAVY));
        assertEquals(ModelStore.FileState.CORRUPT, store.status().get(PoseModel.LITE.ordinal()).tfliteState());
        assertThrows(MocapException.class, () -> store.tflite(PoseModel.LITE));
    }

    @Test
    void onnxIsCheckedAgainstItsSidecar() throws IOException {
        ModelStore store = ModelStore.at(dir);
        Path onnx = store.onnxFile(PoseModel.DETECTOR);
        byte[] bytes = {1, 2, 3};
        Files.createDirectories(onnx.getParent());
        Files.write(onnx, bytes);
        assertEquals(ModelStore.FileState.CORRUPT, store.status().get(0).onnxState(), "no sidecar");

        Files.writeString(ModelStore.sidecar(onnx), Sha256.of(bytes) + "  " + onnx.getFileName() + "\n");
        assertEquals(onnx, store.onnx(PoseModel.DETECTOR));
        assertTrue(onnx.getFileName().toString().matches("pose_detection-[0-9a-f]{12}-c[0-9]+\\.onnx"), onnx.toString());

        Files.write(onnx, new byte[] {1, 2, 3, 4});
        assertThrows(MocapException.class, () -> store.onnx(PoseModel.DETECTOR));
    }

    @Test
    void statusListsEveryModel() {
        var status = ModelStore.at(dir).status();

        assertEquals(PoseModel.values().length, status.size());
        assertEquals(ModelStore.FileState.MISSING, status.get(3).onnxState());
        assertEquals(ModelStore.FileState.MISSING, status.get(3).tfliteState());
    }

    @Test
    void locateHonoursTheSystemProperty() {
        String previous = System.getProperty("mocap.models");
        System.setProperty("mocap.models", dir.toString());
        try {
            assertEquals(dir.toAbsolutePath().normalize(), ModelStore.locate().dir());
        } finally {
            if (previous == null) {
                System.clearProperty("mocap.models");
            } else {
                System.setProperty("mocap.models", previous);
            }
        }
    }
}
