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

/**
 * models/manifest.json: the npm package the models come from and each model's source and sha256;
 * {@code project_models}: the project's own trained models, shipped as files in the models folder.
 */
record ModelManifest(String packageName, String version, String license, Map<String, Entry> models,
                     Map<String, ProjectModel> projectModels) {

    /** A model this project trained and ships: {@code file} relative to the models folder. */
    record ProjectModel(String name, String file, String license, String sha256) {
    }

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
        Map<String, ProjectModel> projectModels = new HashMap<>();
        for (JsonNode m : root.path("project_models")) {
            ProjectModel model = new ProjectModel(m.path("name").asText(), m.path("file").asText(), m.path("license").asText(),
                    m.path("sha256").asText());
            projectModels.put(model.name(), model);
        }
        return new ModelManifest(root.path("package").asText(), root.path("version").asText(),
                root.path("license").asText(), models, projectModels);
    }

    Entry entry(PoseModel model) {
        Entry entry = models.get(model.fileBase());
        if (entry == null) {
            throw new MocapException(ExitCode.MODEL_MISSING, "the model manifest has no entry for " + model.fileBase());
        }
        return entry;
    }

    ProjectModel projectModel(String name) {
        ProjectModel model = projectModels.get(name);
        if (model == null) {
            throw new MocapException(ExitCode.MODEL_MISSING, "the model manifest has no entry for " + name);
        }
        return model;
    }

    /** The file name {@code npm pack} gives the package: "@scope/name" becomes "scope-name-VERSION.tgz". */
    String tarballName() {
        return packageName.replace("@", "").replace('/', '-') + "-" + version + ".tgz";
    }
}
