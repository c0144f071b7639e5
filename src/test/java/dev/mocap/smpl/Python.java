package dev.mocap.smpl;

import dev.mocap.format.Programs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** python3 with numpy, the reference client for .npy/.npz files; tests that need it are skipped where it is absent. */
final class Python {

    /** Runs a script and returns what it printed; skips the test without python3 and numpy. */
    static String run(String script) throws IOException, InterruptedException {
        assumeTrue(Programs.onPath("python3") != null, "python3 not installed");
        Process check = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
        assumeTrue(check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0, "numpy not installed (apt-get install python3-numpy)");
        Process p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private Python() {
    }
}
