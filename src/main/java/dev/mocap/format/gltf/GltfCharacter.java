package dev.mocap.format.gltf;

import dev.mocap.body.Transform;

import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where a rig read from a glTF character sits in its file: the node of each rig bone, each bone's
 * world transform in the bind pose, and the world transform of the node above the rig's top bone
 * (identity at the scene root). Enough to put an animation of the rig back into the character.
 */
public record GltfCharacter(Path file, int[] nodes, Transform[] bindWorld, Transform aboveTop) {

    /** The same character with its rig turned in the world (the file keeps its own axes: the animation says where the bones go). */
    public GltfCharacter turned(Quat turn) {
        Transform t = new Transform(turn, Vec3.ZERO, 1);
        return new GltfCharacter(file, nodes, Arrays.stream(bindWorld).map(t::times).toArray(Transform[]::new), t.times(aboveTop));
    }
}
