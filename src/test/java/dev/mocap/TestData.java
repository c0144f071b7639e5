package dev.mocap;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared test data folder: system property {@code testdata.dir}, else environment variable
 * {@code TESTDATA_DIR}, else {@code ../shared/testdata} relative to the working directory.
 * Tests that need it are skipped where it is absent.
 */
public final class TestData {
    private TestData() {
    }

    public static Path dir() {
        String configured = System.getProperty("testdata.dir", System.getenv("TESTDATA_DIR"));
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "shared", "testdata");
        return dir.toAbsolutePath().normalize();
    }

    /** A file of the test data, relative to {@link #dir()}; skips the calling test when it is absent. */
    public static Path file(String relative) {
        Path file = dir().resolve(relative);
        Assumptions.assumeTrue(Files.exists(file), "shared testdata not available: " + file);
        return file;
    }
}
