package dev.mocap.format.gltf;

import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.BodyOption;

/**
 * How a motion is written as glTF: with or without the mannequin, or with {@code ownBody} (a
 * mesh made for the motion's skeleton, such as the user's SMPL body; else null) in its place; or,
 * for a motion retargeted onto a glTF character's rig, into a copy of that character
 * ({@code character}, else null).
 */
public record GltfOptions(BodyOption body, GltfCharacter character, SkinnedMesh ownBody) {
    /** Bones only. */
    public static final GltfOptions DEFAULT = new GltfOptions(BodyOption.NONE, null, null);

    public GltfOptions withBody(BodyOption newBody) {
        return new GltfOptions(newBody, character, ownBody);
    }

    public GltfOptions withCharacter(GltfCharacter newCharacter) {
        return new GltfOptions(body, newCharacter, ownBody);
    }

    public GltfOptions withOwnBody(SkinnedMesh mesh) {
        return new GltfOptions(body, character, mesh);
    }
}
