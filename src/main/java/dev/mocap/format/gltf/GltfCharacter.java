package dev.mocap.format.gltf;

import dev.mocap.body.Transform;

import java.nio.file.Path;

/**
 * Where a rig read from a glTF character sits in its file: the node of each rig bone, each bone's
 * world transform in the bind pose, and the world transform of the node above the rig's top bone
 * (identity at the scene root). Enough to put an animation of the rig back into the character.
 */
public record GltfCharacter(Path file, int[] nodes, Transform[] bindWorld, Transform aboveTop) {
}
