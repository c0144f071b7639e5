package dev.mocap.nn;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models folder: {@code manifest.json}, and the generated {@code cache/tflite/NAME.tflite}
 * and {@code cache/onnx/NAME-SHA12.onnx} (plus its {@code .sha256} sidecar). Files handed out are
 * verified against their sha256 once per process.
 */
public final class ModelStore {
    /** The state of one model file on disk. */
    public enum FileState { OK, MISSING, CORRUPT }

    /** What {@code mocap models} lists for one model. */
    public record ModelStatus(PoseModel model, Path onnx, FileState onnxState, Path tflite, FileState tfliteState) {
    }

    /** Files verified in this process, keyed by path, size and modification time. */
    private static final Set<String> VERIFIED = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final ModelManifest manifest;

    private ModelStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.manifest = ModelManifest.read(this.dir.resolve("manifest.json"));
    }

    /**
     * The models folder from system property {@code mocap.models}, else environment variable
     * {@code MOCAP_MODELS}, else {@code ${mocap.home}/models}, else {@code ./models}.
     */
    public static ModelStore locate() {
        String configured = System.getProperty("mocap.models", System.getenv("MOCAP_MODELS"));
        if (configured != null && !configured.isBlank()) {
            return at(Path.of(configured));
        }
        String home = System.getProperty("mocap.home");
        return at(home != null ? Path.of(home, "models") : Path.of("models"));
    }

    public static ModelStore at(Path modelsDir) {
        return new ModelStore(modelsDir);
    }

    public Path dir() {
        return dir;
    }

    /** The verified ONNX model; throws {@link MocapException} (MODEL_MISSING) when missing or corrupt. */
    public Path onnx(PoseModel model) {
        return verified(model, onnxFile(model), onnxState(model));
    }

    /** The verified original .tflite model; throws {@link MocapException} (MODEL_MISSING) when missing or corrupt. */
    public Path tflite(PoseModel model) {
        return verified(model, tfliteFile(model), tfliteState(model));
    }

    /** The manifest names of the project's own models, which ship in the models folder. */
    public static final String REFINER = "temporal_refiner", LIFTER = "lifter";

    /** The learned temporal refiner ({@code --smooth learned}), verified. */
    public Path refiner() {
        return projectModel(REFINER, "REFINER.md");
    }

    /** The learned lifting network ({@code --recovery learned}), verified. */
    public Path lifter() {
        return projectModel(LIFTER, "LIFTER.md");
    }

    /**
     * The verified file of one of the project's models (not fetched: it ships with the source);
     * throws {@link MocapException} (MODEL_MISSING) when missing or corrupt.
     */
    private Path projectModel(String name, String card) {
        if (projectModelState(name) != FileState.OK) {
            throw new MocapException(ExitCode.MODEL_MISSING, name + " model missing or corrupt at " + projectModelFile(name)
                    + "; it ships with the source in models/ (restore it with 'git checkout models/', or retrain it as models/"
                    + card + " says)");
        }
        return projectModelFile(name);
    }

    public Path projectModelFile(String name) {
        return dir.resolve(manifest.projectModel(name).file());
    }

    public FileState projectModelState(String name) {
        return state(projectModelFile(name), manifest.projectModel(name).sha256());
    }

    public List<ModelStatus> status() {
        List<ModelStatus> status = new ArrayList<>();
        for (PoseModel model : PoseModel.values()) {
            status.add(new ModelStatus(model, onnxFile(model), onnxState(model), tfliteFile(model), tfliteState(model)));
        }
        return status;
    }

    ModelManifest manifest() {
        return manifest;
    }

    Path cacheDir() {
        return dir.resolve("cache");
    }

    Path tfliteFile(PoseModel model) {
        return cacheDir().resolve("tflite").resolve(model.fileBase() + ".tflite");
    }

    Path onnxFile(PoseModel model) {
        String sha12 = manifest.entry(model).sha256().substring(0, 12);
        return cacheDir().resolve("onnx").resolve(model.fileBase() + "-" + sha12 + "-c" + TfliteToOnnx.VERSION + ".onnx");
    }

    static Path sidecar(Path onnx) {
        return onnx.resolveSibling(onnx.getFileName() + ".sha256");
    }

    FileState tfliteState(PoseModel model) {
        return state(tfliteFile(model), manifest.entry(model).sha256());
    }

    /** The ONNX file is generated, so its expected hash is the sidecar's, written with it. */
    FileState onnxState(PoseModel model) {
        Path onnx = onnxFile(model);
        String expected;
        try {
            expected = Files.readString(sidecar(onnx)).split("\\s+", 2)[0];
        } catch (IOException e) {
            return Files.exists(onnx) ? FileState.CORRUPT : FileState.MISSING;
        }
        return state(onnx, expected);
    }

    private static FileState state(Path file, String expectedSha256) {
        if (!Files.isRegularFile(file)) {
            return FileState.MISSING;
        }
        try {
            String key = file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
            if (VERIFIED.contains(key)) {
                return FileState.OK;
            }
            if (!Sha256.of(file).equals(expectedSha256)) {
                return FileState.CORRUPT;
            }
            VERIFIED.add(key);
            return FileState.OK;
        } catch (IOException e) {
            return FileState.CORRUPT;
        }
    }

    private static Path verified(PoseModel model, Path file, FileState state) {
        if (state != FileState.OK) {
            throw new MocapException(ExitCode.MODEL_MISSING, model.fileBase() + " model missing or corrupt at " + file
                    + "; restore it with: ./mocap models install");
        }
        return file;
    }
}
