package dev.mocap.export;

import dev.mocap.body.Motion;
import dev.mocap.body.Smpl24;
import dev.mocap.body.mesh.CharacterBody;
import dev.mocap.export.bvh.BvhOptions;
import dev.mocap.export.bvh.BvhWriter;
import dev.mocap.export.fbx.FbxExporter;
import dev.mocap.export.fbx.FbxOptions;
import dev.mocap.export.gltf.GltfExporter;
import dev.mocap.export.gltf.GltfOptions;
import dev.mocap.retarget.GltfCharacter;
import dev.mocap.smpl.SmplBody;
import dev.mocap.smpl.SmplModel;
import dev.mocap.smpl.SmplParamsWriter;

import java.nio.file.Path;

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
        switch (format) {
            case BVH -> new BvhWriter(bvh).write(m, file);
            case FBX -> FbxExporter.write(m, body == null ? fbx : fbx.withOwnBody(body.mesh()), file);
            case GLB -> GltfExporter.write(m, body == null ? gltf : gltf.withOwnBody(body.mesh()), file);
            case SMPL -> SmplParamsWriter.write(m, body == null ? SmplParamsWriter.Body.NONE : body.params(), file);
        }
    }
}
