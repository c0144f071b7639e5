package dev.mocap.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** models/manifest.json: the npm package the models come from and each model's source and sha256. */
record ModelManifest(String packageName, String version, String license, Map<String, Entry> models) {

    /**
     * One model file: {@code source} is its path inside the package tarball; when {@code end} is
     * non-negative the model is the byte range [start, end) of that file.
     */
    record Entry(String name, String source, long start, long end, String license, String sha256) {

        byte[] extract(byte[] sourceFile) {
            if (end < 0) {
                return sourceFile;
            }
            if (end > sourceFile.length || start < 0 || start > end) {
                throw new MocapException(ExitCode.MODEL_MISSING, source + " has " + sourceFile.length
                        + " bytes; the manifest expects " + name + " at [" + start + ", " + end + ")");
            }
            return Arrays.copyOfRange(sourceFile, (int) start, (int) end);
        }
    }

    static ModelManifest read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new MocapException(ExitCode.MODEL_MISSING, "model manifest missing or unreadable at " + file
                    + " (" + e.getMessage() + ")", e);
        }
        Map<String, Entry> models = new HashMap<>();
        for (JsonNode m : root.path("models")) {
            Entry entry = new Entry(m.path("name").asText(), m.path("source").asText(), m.path("start").asLong(0),
                    m.path("end").asLong(-1), m.path("license").asText(), m.path("sha256").asText());
            models.put(entry.name(), entry);
        }
        return new ModelManifest(root.path("package").asText(), root.path("version").asText(),
                root.path("license").asText(), models);
    }

    Entry entry(PoseModel model) {
        Entry entry = models.get(model.fileBase());
        if (entry == null) {
            throw new MocapException(ExitCode.MODEL_MISSING, "the model manifest has no entry for " + model.fileBase());
        }
        return entry;
    }

    /** The file name {@code npm pack} gives the package: "@scope/name" becomes "scope-name-VERSION.tgz". */
    String tarballName() {
        return packageName.replace("@", "").replace('/', '-') + "-" + version + ".tgz";
    }
}
