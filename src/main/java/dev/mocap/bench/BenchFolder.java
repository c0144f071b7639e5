package dev.mocap.bench;

import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The temporary folder a benchmark writes its conversions into, removed with everything in it afterwards. */
final class BenchFolder {

    static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new MocapException(ExitCode.OUTPUT_FAILED, "cannot create a temporary folder: " + AtomicFiles.describe(e), e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(AtomicFiles::deleteQuietly);
        } catch (IOException e) {
            // nothing left to clean up
        }
    }

    private BenchFolder() {
    }
}
