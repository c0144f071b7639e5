package dev.mocap.retarget;

import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.gltf.GltfCharacter;
import dev.mocap.body.mesh.CharacterBody;

import java.util.List;

/**
 * A rig read from a file, what was wrong with the file without stopping the read, for a glTF
 * character in a GLB where its bones are in the file (else null), and the character's skinned
 * mesh and materials on the rig's bones in its rest pose (null without one).
 */
public record LoadedRig(Rig rig, List<String> warnings, GltfCharacter character, CharacterBody body) {
    public LoadedRig {
        warnings = List.copyOf(warnings);
    }
}
