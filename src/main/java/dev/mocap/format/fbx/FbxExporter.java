package dev.mocap.format.fbx;

import dev.mocap.AtomicFiles;
import dev.mocap.body.Motion;
import dev.mocap.body.Skeleton;
import dev.mocap.body.mesh.Mannequin;
import dev.mocap.body.mesh.MeshMaterials;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.BodyOption;
import dev.mocap.format.AnimationName;
import dev.mocap.format.BindPose;
import dev.mocap.format.MotionWriter;
import dev.mocap.format.fbx.binary.FbxBinaryWriter;
import dev.mocap.format.fbx.binary.FbxFileStamp;
import dev.mocap.format.fbx.binary.FbxNode;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a motion as binary FBX: the skeleton as LimbNode bones with a bind pose, optionally the
 * mannequin skinned to them, the animation as one take keyed on every frame, Y up and by default
 * in centimetres (FORMATS.md §1). The take is named after the file.
 */
public final class FbxExporter {
    private static final String MESH_NAME = "mannequin", OWN_BODY_NAME = "body", CHARACTER_MESH_NAME = "character";

    /** The FBX writer with these options. */
    public static MotionWriter writer(FbxOptions options) {
        return (motion, file) -> write(motion, options, file);
    }

    public static void write(Motion motion, FbxOptions options, Path file) {
        List<FbxNode> records = records(motion, options, AnimationName.of(file), LocalDateTime.now());
        AtomicFiles.write(file, out -> FbxBinaryWriter.write(options.version(), records, out));
    }

    /** The top-level records, in the order the FBX SDK writes them. */
    static List<FbxNode> records(Motion motion, FbxOptions options, String takeName, LocalDateTime created) {
        if (motion.frameCount() == 0) {
            throw new IllegalArgumentException("the motion has no frames to export");
        }
        FbxScene scene = new FbxScene();
        Skeleton skeleton = motion.skeleton();
        double perMetre = options.unit().perMetre();
        long[] bones = SkeletonObjects.add(scene, skeleton, options);
        long[] meshes = options.body().carries(options.character(), skeleton)
                ? new long[]{MeshObjects.add(scene, CHARACTER_MESH_NAME, options.character().mesh(), options.character().materials(),
                skeleton, bones, perMetre)}
                : options.body().meshFor(skeleton) ? new long[]{generatedBody(scene, options, skeleton, bones, perMetre)} : new long[0];
        BindPoseObject.add(scene, bones, BindPose.jointPositions(skeleton), perMetre, meshes);
        AnimationObjects.add(scene, motion, bones, takeName, options);
        long stop = FbxTime.ofFrame(motion.frameCount() - 1, motion.fps());

        List<FbxNode> records = new ArrayList<>();
        records.add(SceneHeader.headerExtension(options.version(), created));
        records.addAll(FbxFileStamp.records());
        records.add(new FbxNode("Creator", SceneHeader.CREATOR));
        records.add(SceneHeader.globalSettings(options.unit(), motion.fps(), stop));
        records.add(SceneHeader.documents(scene.newId(), takeName));
        records.add(new FbxNode("References"));
        records.addAll(scene.records());
        records.add(SceneHeader.takes(takeName, stop));
        return records;
    }

    /** The mannequin, or the user's SMPL body in its place. */
    private static long generatedBody(FbxScene scene, FbxOptions options, Skeleton skeleton, long[] bones, double perMetre) {
        String name = options.ownBody() != null ? OWN_BODY_NAME : MESH_NAME;
        SkinnedMesh mesh = options.ownBody() != null ? options.ownBody() : Mannequin.of(skeleton);
        return MeshObjects.add(scene, name, mesh, MeshMaterials.bySide(mesh, name), skeleton, bones, perMetre);
    }

    private FbxExporter() {
    }
}
