package dev.mocap.body.mesh;

import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;

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

    /** The same body turned about the rig's root. */
    public CharacterBody turned(Quat turn) {
        return new CharacterBody(mesh.turned(turn), materials);
    }

    /** Its vertices in the world, the rig's root standing at {@code root}. */
    public Vec3[] worldPositions(Vec3 root) {
        return Arrays.stream(mesh.positions()).map(p -> p.plus(root)).toArray(Vec3[]::new);
    }

    /** Whether the mesh is skinned to bones this skeleton has (it is a motion on the character's rig). */
    public boolean fits(Skeleton skeleton) {
        return Arrays.stream(mesh.joints()).allMatch(j -> j < skeleton.size());
    }
}
