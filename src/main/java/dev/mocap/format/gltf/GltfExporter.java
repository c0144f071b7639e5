package dev.mocap.format.gltf;

import de.javagl.jgltf.impl.v2.Asset;
import de.javagl.jgltf.impl.v2.GlTF;
import de.javagl.jgltf.impl.v2.Scene;
import de.javagl.jgltf.model.io.GltfAssetWriter;
import de.javagl.jgltf.model.io.v2.GltfAssetV2;
import dev.mocap.AtomicFiles;
import dev.mocap.body.Motion;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.CharacterBody;
import dev.mocap.body.mesh.Mannequin;
import dev.mocap.body.mesh.MeshMaterials;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.AnimationName;
import dev.mocap.format.BindPose;
import dev.mocap.format.MotionWriter;

import java.nio.file.Path;

/**
 * Writes a motion as binary glTF 2.0 (GLB): the joints as a node hierarchy with a skin, the
 * motion as one animation named after the file, optionally the mannequin (or the user's SMPL body,
 * or, on a character's rig, the character's own mesh and materials) skinned to the joints.
 * Y up, metres, the subject facing +Z: the motion's own axes, as glTF defines them. A motion on a
 * glTF character's rig goes into a copy of that character instead ({@link CharacterGlb}).
 */
public final class GltfExporter {
    private static final String GENERATOR = "mocap (dev.mocap) glTF exporter";
    private static final String MESH_NAME = "mannequin", OWN_BODY_NAME = "body", CHARACTER_MESH_NAME = "character";

    /** The GLB writer with these options. */
    public static MotionWriter writer(GltfOptions options) {
        return (motion, file) -> write(motion, options, file);
    }

    public static void write(Motion motion, GltfOptions options, Path file) {
        if (options.character() != null && motion.skeleton().names().size() == options.character().nodes().length) {
            CharacterGlb.write(motion, options.character(), file);
            return;
        }
        GltfAssetV2 asset = asset(motion, options, AnimationName.of(file));
        AtomicFiles.write(file, out -> new GltfAssetWriter().writeBinary(asset, out));
    }

    private static GltfAssetV2 asset(Motion motion, GltfOptions options, String animationName) {
        if (motion.frameCount() == 0) {
            throw new IllegalArgumentException("the motion has no frames to export");
        }
        GlTF gltf = new GlTF();
        Asset asset = new Asset();
        asset.setVersion("2.0");
        asset.setGenerator(GENERATOR);
        gltf.setAsset(asset);
        GlbBuffer buffer = new GlbBuffer(gltf);
        JointNodes.add(gltf, buffer, motion.skeleton());
        Scene scene = new Scene();
        scene.addNodes(0);
        Vec3 lift = BindPose.lift(motion.skeleton());
        if (options.body().carries(options.characterBody(), motion.skeleton())) {
            CharacterBody character = options.characterBody();
            scene.addNodes(MeshNode.add(gltf, buffer, character.mesh().translated(lift), character.materials(), CHARACTER_MESH_NAME));
        } else if (options.body().meshFor(motion.skeleton())) {
            String name = options.ownBody() != null ? OWN_BODY_NAME : MESH_NAME;
            SkinnedMesh rest = options.ownBody() != null ? options.ownBody() : Mannequin.of(motion.skeleton());
            scene.addNodes(MeshNode.add(gltf, buffer, rest.translated(lift), MeshMaterials.bySide(rest, name), name));
        }
        gltf.addScenes(scene);
        gltf.setScene(0);
        MotionAnimation.add(gltf, buffer, motion, animationName);
        return new GltfAssetV2(gltf, buffer.finish());
    }

    private GltfExporter() {
    }
}
