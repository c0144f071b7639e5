package dev.mocap.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Python scripts in a headless Blender, the real client for BVH, FBX and glTF checks.
 * Blender is {@code blender} on the PATH, or the executable named by the environment variable
 * {@code BLENDER}. Tests call {@link #available()} in an assumption and skip without it.
 */
public final class BlenderRunner {
    private static final long TIMEOUT_MINUTES = 5;
    private static final int TAIL_CHARS = 4000;

    /**
     * Work-arounds for the Debian build of Blender 3.4, whose add-ons predate Python 3.11 and
     * numpy 1.24 (VALIDATION.md §1); harmless elsewhere.
     */
    private static final String PATCHES = """
            import builtins
            try:
                import numpy
                if not hasattr(numpy, 'bool'):
                    numpy.bool = bool  # glTF add-on: "module 'numpy' has no attribute 'bool'"
            except ImportError:
                pass
            try:
                import io_anim_bvh.import_bvh
                io_anim_bvh.import_bvh.open = lambda file, mode='r', *args, **kwargs: \\
                    builtins.open(file, mode.replace('U', ''), *args, **kwargs)  # BVH: "invalid mode: 'rU'"
            except ImportError:
                pass
            """;

    public static boolean available() {
        return executable() != null;
    }

    /**
     * Runs the script (after the patches) in a fresh factory-settings Blender, in {@code workDir},
     * and returns what it printed to standard output. Fails with the end of the output when the
     * script raises, Blender fails, or it takes more than 5 minutes.
     */
    public static String run(String pythonScript, Path workDir) throws IOException, InterruptedException {
        return run(pythonScript, workDir, Map.of());
    }

    /** As {@link #run(String, Path)}, with these environment variables set for Blender (e.g. BLENDER_USER_SCRIPTS). */
    public static String run(String pythonScript, Path workDir, Map<String, String> environment) throws IOException, InterruptedException {
        Path blender = executable();
        if (blender == null) {
            throw new IllegalStateException("Blender not found: put blender on the PATH or set BLENDER");
        }
        Path script = Files.createTempFile(workDir, "blender-", ".py");
        Path stdout = Files.createTempFile(workDir, "blender-", ".out");
        Path stderr = Files.createTempFile(workDir, "blender-", ".err");
        try {
            Files.writeString(script, PATCHES + pythonScript);
            ProcessBuilder builder = new ProcessBuilder(blender.toString(), "-b", "--factory-startup", "--python-exit-code", "1",
                    "--python", script.toString())
                    .directory(workDir.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished;
            try {
                finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            } finally {
                if (process.isAlive()) {
                    process.destroyForcibly().waitFor();
                }
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            if (!finished || process.exitValue() != 0) {
                String all = out + Files.readString(stderr, StandardCharsets.UTF_8);
                String why = finished ? "Blender exited with " + process.exitValue() : "Blender timed out after " + TIMEOUT_MINUTES + " min";
                throw new IOException(why + "; output ends:\n" + all.substring(Math.max(0, all.length() - TAIL_CHARS)));
            }
            return out;
        } finally {
            for (Path p : List.of(script, stdout, stderr)) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Path executable() {
        String configured = System.getenv("BLENDER");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? path : null;
        }
        return Programs.onPath("blender");
    }

    private BlenderRunner() {
    }
}
