package dev.mocap.export;

import dev.mocap.body.Motion;
import dev.mocap.export.bvh.BvhOptions;
import dev.mocap.export.bvh.BvhWriter;
import dev.mocap.export.fbx.FbxExporter;
import dev.mocap.export.fbx.FbxOptions;

import java.nio.file.Path;

/** The settings of every writer, and the one place that picks the writer for a format. */
public record Exporters(BvhOptions bvh, FbxOptions fbx) {

    public static Exporters defaults() {
        return new Exporters(BvhOptions.DEFAULT, FbxOptions.DEFAULT);
    }

    public Exporters withBvh(BvhOptions options) {
        return new Exporters(options, fbx);
    }

    /** Writes the motion in the format (through a temporary file, moved into place when complete). */
    public void write(Motion motion, Format format, Path file) {
        switch (format) {
            case BVH -> new BvhWriter(bvh).write(motion, file);
            case FBX -> FbxExporter.write(motion, fbx, file);
        }
    }
}
