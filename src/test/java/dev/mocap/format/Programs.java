package dev.mocap.format;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finding the external programs that tests run as real clients. */
public final class Programs {

    /** The executable of that name on the PATH, or null. */
    public static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private Programs() {
    }
}
