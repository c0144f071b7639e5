package dev.mocap.retarget;

import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.BodySide;
import dev.mocap.body.mesh.SkinnedMesh;

import java.util.Arrays;

/**
 * Skin weights as a file lists them, (vertex, bone, weight) in any order and any number per
 * vertex, kept in growing arrays (no per-vertex array of every bone), turned into a
 * {@link SkinnedMesh} with each vertex's four strongest bones scaled to sum to 1; a vertex no bone
 * moves follows the root.
 */
final class VertexWeights {
    private int[] vertices = new int[1024], bones = new int[1024];
    private double[] weights = new double[1024];
    private int size;

    /** Adds a weight; weights that are not positive numbers are left out. */
    void add(int vertex, int bone, double weight) {
        if (!(weight > 0) || !Double.isFinite(weight)) {
            return;
        }
        if (size == vertices.length) {
            vertices = Arrays.copyOf(vertices, 2 * size);
            bones = Arrays.copyOf(bones, 2 * size);
            weights = Arrays.copyOf(weights, 2 * size);
        }
        vertices[size] = vertex;
        bones[size] = bone;
        weights[size] = weight;
        size++;
    }

    /** Takes over the weights of another list (of vertices already numbered for this one). */
    void addAll(VertexWeights other) {
        for (int i = 0; i < other.size; i++) {
            add(other.vertices[i], other.bones[i], other.weights[i]);
        }
    }

    /** A one-coloured mesh of these positions (rest pose, root at the origin) and triangles, skinned to {@code boneCount} bones. */
    SkinnedMesh mesh(Vec3[] positions, int[] triangles, int boneCount) {
        int n = positions.length;
        int[] start = new int[n + 1];
        for (int i = 0; i < size; i++) {
            start[vertices[i] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            start[v + 1] += start[v];
        }
        int[] order = new int[size], next = Arrays.copyOf(start, n);
        for (int i = 0; i < size; i++) {
            order[next[vertices[i]]++] = i;
        }
        int[] jointSlots = new int[SkinnedMesh.INFLUENCES * n];
        double[] weightSlots = new double[SkinnedMesh.INFLUENCES * n];
        double[] all = new double[Math.max(boneCount, SkinnedMesh.INFLUENCES)];
        for (int v = 0; v < n; v++) {
            for (int k = start[v]; k < start[v + 1]; k++) {
                all[bones[order[k]]] += weights[order[k]];
            }
            if (start[v] == start[v + 1]) {
                all[0] = 1;
            }
            SkinnedMesh.putStrongest(all, v, jointSlots, weightSlots);
            Arrays.fill(all, 0);
        }
        BodySide[] sides = new BodySide[triangles.length / 3];
        Arrays.fill(sides, BodySide.CENTRE);
        return new SkinnedMesh(positions, SkinnedMesh.vertexNormals(positions, triangles), triangles, sides, jointSlots, weightSlots);
    }
}
