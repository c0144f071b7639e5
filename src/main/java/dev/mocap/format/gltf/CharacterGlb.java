package dev.mocap.format.gltf;

import de.javagl.jgltf.impl.v2.GlTF;
import de.javagl.jgltf.model.io.GltfAsset;
import de.javagl.jgltf.model.io.GltfAssetReader;
import de.javagl.jgltf.model.io.GltfAssetWriter;
import de.javagl.jgltf.model.io.v2.GltfAssetV2;
import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.ForwardKinematics;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;
import dev.mocap.format.AnimationName;
import dev.mocap.body.Transform;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The user's own character (a GLB: mesh, materials, skin, extensions as they were) with a motion
 * retargeted onto its rig as its one animation. Every bone node gets translation and rotation
 * keys that put it where the motion says in world space, whatever the nodes above the rig carry
 * (an armature rotated by −90° and scaled ×100 stays as it is).
 */
final class CharacterGlb {

    static void write(Motion motion, GltfCharacter character, Path file) {
        if (motion.skeleton().size() != character.nodes().length) {
            throw new IllegalArgumentException("the motion is not on the rig of " + character.file());
        }
        GltfAssetV2 asset = read(character.file());
        GlTF gltf = asset.getGltf();
        gltf.setAnimations(null);
        GlbBuffer buffer = new GlbBuffer(gltf, asset.getBinaryData());
        int frames = motion.frameCount();
        Vec3[][] translations = new Vec3[frames][];
        Quat[][] rotations = new Quat[frames][];
        for (int f = 0; f < frames; f++) {
            Transform[] local = nodeTransforms(motion, f, character);
            translations[f] = new Vec3[local.length];
            rotations[f] = new Quat[local.length];
            for (int b = 0; b < local.length; b++) {
                translations[f][b] = local[b].translation();
                rotations[f][b] = local[b].rotation();
            }
        }
        MotionAnimation.add(gltf, buffer, AnimationName.of(file), motion.fps(), character.nodes(), translations, rotations);
        GltfAssetV2 out = new GltfAssetV2(gltf, buffer.finish());
        AtomicFiles.write(file, stream -> new GltfAssetWriter().writeBinary(out, stream));
    }

    /**
     * Each bone node's local transform at a frame: its world transform is the bind pose's turned
     * by the motion's world rotation of that bone and placed at the motion's joint position.
     */
    private static Transform[] nodeTransforms(Motion motion, int frame, GltfCharacter character) {
        Quat[] local = motion.rotations().frame(frame);
        Quat[] turn = ForwardKinematics.worldRotations(motion.skeleton(), local);
        Vec3[] position = ForwardKinematics.positions(motion.skeleton(), motion.rootPositions()[frame], local);
        Transform[] world = new Transform[turn.length];
        Transform[] out = new Transform[turn.length];
        for (int b = 0; b < world.length; b++) {
            Transform bind = character.bindWorld()[b];
            world[b] = new Transform(turn[b].times(bind.rotation()).normalized(), position[b], bind.scale());
            int parent = motion.skeleton().parent(b);
            out[b] = (parent < 0 ? character.aboveTop() : world[parent]).inverse().times(world[b]);
        }
        return out;
    }

    private static GltfAssetV2 read(Path file) {
        try {
            GltfAsset asset = new GltfAssetReader().read(file);
            if (!(asset instanceof GltfAssetV2 v2) || v2.getBinaryData() == null
                    || v2.getGltf().getBuffers() == null || v2.getGltf().getBuffers().size() != 1) {
                throw new MocapException(ExitCode.BAD_INPUT, "cannot put the animation into " + file
                        + ": only a glTF 2.0 binary file (.glb/.vrm) with one buffer is supported; export the character as GLB");
            }
            return v2;
        } catch (IOException | RuntimeException e) {
            if (e instanceof MocapException m) {
                throw m;
            }
            throw new MocapException(ExitCode.BAD_INPUT, "cannot read the character " + file + ": " + e.getMessage(), e);
        }
    }

    private CharacterGlb() {
    }
}
