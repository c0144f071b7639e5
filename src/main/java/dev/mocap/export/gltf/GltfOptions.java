package dev.mocap.export.gltf;

import dev.mocap.export.BodyOption;
import dev.mocap.retarget.GltfCharacter;

/**
 * How a motion is written as glTF: with or without the mannequin; or, for a motion retargeted
 * onto a glTF character's rig, into a copy of that character ({@code character}, else null).
 */
public record GltfOptions(BodyOption body, GltfCharacter character) {
    /** Bones only. */
    public static final GltfOptions DEFAULT = new GltfOptions(BodyOption.NONE, null);

    public GltfOptions withBody(BodyOption newBody) {
        return new GltfOptions(newBody, character);
    }

    public GltfOptions withCharacter(GltfCharacter newCharacter) {
        return new GltfOptions(body, newCharacter);
    }
}
