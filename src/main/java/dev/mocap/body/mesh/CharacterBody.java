package dev.mocap.body.mesh;

import dev.mocap.body.Skeleton;

import java.util.Arrays;

/**
 * A user's character's own skinned mesh (on the character's rig, in its rest pose, root at the
 * origin) and its materials: what FBX and GLB files of a motion on that rig carry in place of the
 * mannequin.
 */
public record CharacterBody(SkinnedMesh mesh, MeshMaterials materials) {

    public CharacterBody {
        if (materials.ofTriangle().length != mesh.triangleCount()) {
            throw new IllegalArgumentException(materials.ofTriangle().length + " triangle materials for " + mesh.triangleCount() + " triangles");
        }
    }

    /** Whether the mesh is skinned to bones this skeleton has (it is a motion on the character's rig). */
    public boolean fits(Skeleton skeleton) {
        return Arrays.stream(mesh.joints()).allMatch(j -> j < skeleton.size());
    }
}
