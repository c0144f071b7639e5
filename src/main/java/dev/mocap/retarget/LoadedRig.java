package dev.mocap.retarget;

import java.util.List;

/**
 * A rig read from a file, what was wrong with the file without stopping the read, and for a
 * glTF character where its bones are in the file (null for BVH).
 */
public record LoadedRig(Rig rig, List<String> warnings, GltfCharacter character) {
    public LoadedRig {
        warnings = List.copyOf(warnings);
    }
}
