package dev.mocap.export;

import dev.mocap.body.Motion;
import dev.mocap.body.Smpl24;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.BodyOption;
import dev.mocap.format.Format;
import dev.mocap.format.MotionWriter;
import dev.mocap.format.bvh.BvhOptions;
import dev.mocap.format.bvh.BvhWriter;
import dev.mocap.format.fbx.FbxExporter;
import dev.mocap.format.fbx.FbxOptions;
import dev.mocap.format.gltf.GltfExporter;
import dev.mocap.format.gltf.GltfOptions;
import dev.mocap.format.gltf.GltfCharacter;
import dev.mocap.body.mesh.CharacterBody;
import dev.mocap.smpl.SmplBody;
import dev.mocap.smpl.SmplModel;
import dev.mocap.smpl.SmplParamsWriter;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The settings of every writer, and the one place that picks the writer for a format. With the
 * user's SMPL model ({@code smplModel}, else null) an SMPL-24 motion is written on the model's
 * body: its skeleton in every format, its mesh in FBX and GLB, its betas in SMPL parameters.
 */
public record Exporters(BvhOptions bvh, FbxOptions fbx, GltfOptions gltf, SmplModel smplModel) {

    public Exporters(BvhOptions bvh, FbxOptions fbx, GltfOptions gltf) {
        this(bvh, fbx, gltf, null);
    }

    public static Exporters defaults() {
        return new Exporters(BvhOptions.DEFAULT, FbxOptions.DEFAULT, GltfOptions.DEFAULT);
    }

    public Exporters withSmplModel(SmplModel model) {
        return new Exporters(bvh, fbx, gltf, model);
    }

    public Exporters withBvh(BvhOptions options) {
        return new Exporters(options, fbx, gltf, smplModel);
    }

    public Exporters withFbx(FbxOptions options) {
        return new Exporters(bvh, options, gltf, smplModel);
    }

    /** The body mesh of the formats that can carry one (FBX and GLB; BVH has none). */
    public Exporters withBody(BodyOption body) {
        return new Exporters(bvh, fbx.withBody(body), gltf.withBody(body), smplModel);
    }

    /**
     * FBX files of a motion on a character's rig carry this mesh of the character (null: none),
     * and so do GLB files where there is no character GLB to copy ({@link #withCharacter}).
     */
    public Exporters withCharacterBody(CharacterBody body) {
        return new Exporters(bvh, fbx.withCharacter(body), gltf.withCharacterBody(body), smplModel);
    }

    /** GLB files of a motion on this character's rig are a copy of the character's own GLB, animated. */
    public Exporters withCharacter(GltfCharacter character) {
        return new Exporters(bvh, fbx, gltf.withCharacter(character), smplModel);
    }

    /** Writes the motion in the format (through a temporary file, moved into place when complete). */
    public void write(Motion motion, Format format, Path file) {
        SmplBody body = smplModel != null && motion.skeleton().names().equals(Smpl24.NAMES) ? smplModel.bodyFor(motion.skeleton()) : null;
        Motion m = body == null ? motion : body.carry(motion);
        writers(body).get(format).write(m, file);
    }

    /** The writer of each format with these settings, for a motion on {@code body} (the user's SMPL body, else null). */
    private Map<Format, MotionWriter> writers(SmplBody body) {
        Map<Format, MotionWriter> writers = new EnumMap<>(Format.class);
        writers.put(Format.BVH, new BvhWriter(bvh));
        writers.put(Format.FBX, FbxExporter.writer(body == null ? fbx : fbx.withOwnBody(body.mesh())));
        writers.put(Format.GLB, GltfExporter.writer(body == null ? gltf : gltf.withOwnBody(body.mesh())));
        writers.put(Format.SMPL, SmplParamsWriter.writer(body == null ? SmplParamsWriter.Body.NONE : body.params()));
        return writers;
    }
}
