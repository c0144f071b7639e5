package dev.mocap.export.gltf;

import dev.mocap.export.BodyOption;

/** How a motion is written as glTF: with or without a skinned body mesh. */
public record GltfOptions(BodyOption body) {
    /** Bones only. */
    public static final GltfOptions DEFAULT = new GltfOptions(BodyOption.NONE);

    public GltfOptions withBody(BodyOption newBody) {
        return new GltfOptions(newBody);
    }
}
