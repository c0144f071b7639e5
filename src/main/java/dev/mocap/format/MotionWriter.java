package dev.mocap.format;

import dev.mocap.body.Motion;

import java.nio.file.Path;

/**
 * Writes a motion as one animation file of its format, with the settings it was made with:
 * through a temporary file moved into place when complete. Each {@link Format} has one.
 */
@FunctionalInterface
public interface MotionWriter {
    void write(Motion motion, Path file);
}
