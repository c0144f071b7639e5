package dev.mocap.export;

import dev.mocap.body.Motion;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.export.bvh.BvhOptions;
import dev.mocap.export.bvh.BvhWriter;
import dev.mocap.export.fbx.FbxExporter;
import dev.mocap.export.fbx.FbxOptions;
import dev.mocap.export.gltf.GltfExporter;
import dev.mocap.export.gltf.GltfOptions;
import dev.mocap.retarget.GltfCharacter;

import java.nio.file.Path;

/** The settings of every writer, and the one place that picks the writer for a format. */
public record Exporters(BvhOptions bvh, FbxOptions fbx, GltfOptions gltf) {

    public static Exporters defaults() {
        return new Exporters(BvhOptions.DEFAULT, FbxOptions.DEFAULT, GltfOptions.DEFAULT);
    }

    public Exporters withBvh(BvhOptions options) {
        return new Exporters(options, fbx, gltf);
    }

    public Exporters withFbx(FbxOptions options) {
        return new Exporters(bvh, options, gltf);
    }

    /** The body mesh of the formats that can carry one (FBX and GLB; BVH has none). */
    public Exporters withBody(BodyOption body) {
        return new Exporters(bvh, fbx.withBody(body), gltf.withBody(body));
    }

    /** FBX files of a motion on a character's rig carry this mesh of the character (null: none). */
    public Exporters withCharacterMesh(SkinnedMesh mesh) {
        return new Exporters(bvh, fbx.withCharacterMesh(mesh), gltf);
    }

    /** GLB files of a motion on this character's rig are the character itself, animated. */
    public Exporters withCharacter(GltfCharacter character) {
        return new Exporters(bvh, fbx, gltf.withCharacter(character));
    }

    /** Writes the motion in the format (through a temporary file, moved into place when complete). */
    public void write(Motion motion, Format format, Path file) {
        switch (format) {
            case BVH -> new BvhWriter(bvh).write(motion, file);
            case FBX -> FbxExporter.write(motion, fbx, file);
            case GLB -> GltfExporter.write(motion, gltf, file);
        }
    }
}
