package dev.mocap.format.gltf;

import dev.mocap.body.mesh.CharacterBody;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.BodyOption;

/**
 * How a motion is written as glTF: with or without the mannequin, or with {@code ownBody} (a
 * mesh made for the motion's skeleton, such as the user's SMPL body; else null) in its place; for
 * a motion retargeted onto a character's rig, into a copy of that character's GLB
 * ({@code character}, else null), or, where there is no GLB to copy (an FBX character), with the
 * character's own mesh and materials ({@code characterBody}, else null) on the rig's bones.
 */
public record GltfOptions(BodyOption body, GltfCharacter character, SkinnedMesh ownBody, CharacterBody characterBody) {
    /** Bones only. */
    public static final GltfOptions DEFAULT = new GltfOptions(BodyOption.NONE, null, null, null);

    public GltfOptions withBody(BodyOption newBody) {
        return new GltfOptions(newBody, character, ownBody, characterBody);
    }

    public GltfOptions withCharacter(GltfCharacter newCharacter) {
        return new GltfOptions(body, newCharacter, ownBody, characterBody);
    }

    public GltfOptions withOwnBody(SkinnedMesh mesh) {
        return new GltfOptions(body, character, mesh, characterBody);
    }

    public GltfOptions withCharacterBody(CharacterBody newBody) {
        return new GltfOptions(body, character, ownBody, newBody);
    }
}
