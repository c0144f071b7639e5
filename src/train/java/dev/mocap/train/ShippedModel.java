package dev.mocap.train;

import dev.mocap.AtomicFiles;
import dev.mocap.nn.Sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Puts a trained model into the models folder: checked, moved into place whole, its sha256 recorded in manifest.json. */
final class ShippedModel {
    /** What must hold of the written ONNX file before it replaces the shipped one (throws if not). */
    interface Check {
        void verify(Path onnxFile) throws IOException;
    }

    private ShippedModel() {
    }

    /** Writes {@code onnx} as {@code MODELS_DIR/file} once {@code check} passed on it; records its sha256 under {@code name}. */
    static void write(byte[] onnx, Path modelsDir, String file, String name, Check check) throws IOException {
        Path target = modelsDir.resolve(file);
        writeChecked(onnx, target, check);
        String sha = Sha256.of(onnx);
        Path manifest = modelsDir.resolve("manifest.json");
        String json = Files.readString(manifest, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(\"name\": \"" + Pattern.quote(name) + "\",[^}]*\"sha256\": \")[0-9a-f]*(\")").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(manifest + " has no " + name + " entry under project_models");
        }
        AtomicFiles.write(manifest, out -> out.write(m.replaceFirst("$1" + sha + "$2").getBytes(StandardCharsets.UTF_8)));
        System.out.printf(Locale.ROOT, "wrote %s (%d bytes, sha256 %s)%n", target, onnx.length, sha);
    }

    /** Writes {@code onnx} as {@code target} once {@code check} passed on it; nothing is left under that name otherwise. */
    static void writeChecked(byte[] onnx, Path target, Check check) throws IOException {
        Path temp = AtomicFiles.temporaryFor(target);
        try {
            Files.write(temp, onnx);
            check.verify(temp);
            AtomicFiles.moveIntoPlace(temp, target);
        } finally {
            AtomicFiles.deleteQuietly(temp);
        }
    }
}
