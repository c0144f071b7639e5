package dev.mocap.preview;

import dev.mocap.format.Programs;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class that needs OpenGL in a child JVM with the tests' class path: under
 * {@code xvfb-run} (Mesa's software renderer on a virtual display) when it is installed, else on
 * the display the tests run on; skips the test when there is neither. A child process, because
 * the display is chosen by an environment variable that a running JVM cannot change.
 */
final class OpenGlProcess {
    private static final long TIMEOUT_S = 600;

    record Result(int exit, String output) {
    }

    static Result run(String mainClass, String... args) throws IOException, InterruptedException {
        Path xvfb = Programs.onPath("xvfb-run");
        boolean display = System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isEmpty();
        Assumptions.assumeTrue(xvfb != null || display, "xvfb-run is not installed and there is no display: OpenGL render skipped");
        List<String> command = new ArrayList<>();
        if (xvfb != null) {
            command.addAll(List.of(xvfb.toString(), "-a", "-s", "-screen 0 1280x1024x24"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g", "-cp",
                System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("opengl-process", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("OpenGL child process timed out: " + command);
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private OpenGlProcess() {
    }
}
