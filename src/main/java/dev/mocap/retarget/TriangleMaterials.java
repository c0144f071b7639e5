package dev.mocap.retarget;

import dev.mocap.body.mesh.MeshMaterials;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The materials of a character's meshes as they are read, each once however many meshes use it
 * (told apart by the file's own key for it), and the material of each triangle in reading order.
 * Triangles without a material get a plain grey one.
 */
final class TriangleMaterials {
    private static final MeshMaterials.Material PLAIN = new MeshMaterials.Material("plain", new double[]{0.8, 0.8, 0.8, 1});

    private final List<MeshMaterials.Material> materials = new ArrayList<>();
    private final Map<Object, Integer> indexOf = new HashMap<>();
    private int[] ofTriangle = new int[1024];
    private int triangles;

    /** The index of the material the file knows by {@code key} (its id or object); null key: the plain one. */
    int material(Object key, MeshMaterials.Material material) {
        return indexOf.computeIfAbsent(key == null ? PLAIN : key, k -> {
            materials.add(key == null ? PLAIN : material);
            return materials.size() - 1;
        });
    }

    int plain() {
        return material(null, PLAIN);
    }

    /** The next triangle has this material. */
    void addTriangle(int material) {
        if (triangles == ofTriangle.length) {
            ofTriangle = Arrays.copyOf(ofTriangle, 2 * triangles);
        }
        ofTriangle[triangles++] = material;
    }

    MeshMaterials finish() {
        return new MeshMaterials(materials, Arrays.copyOf(ofTriangle, triangles));
    }
}
