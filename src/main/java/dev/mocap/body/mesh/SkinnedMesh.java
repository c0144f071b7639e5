package dev.mocap.body.mesh;

import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A closed triangle mesh skinned to a skeleton, in the skeleton's rest pose (metres, the root
 * joint at the origin, the skeleton's axes). Triangle t is vertices {@code triangles[3t..3t+2]},
 * counter-clockwise seen from outside, on side {@code sides[t]}. Vertex v is moved by up to
 * {@link #INFLUENCES} joints: {@code joints[4v + k]} with {@code weights[4v + k]}, strongest
 * first, summing to 1; unused slots hold joint 0 with weight 0. Arrays are shared, not copied:
 * treat a mesh as immutable.
 */
public record SkinnedMesh(Vec3[] positions, Vec3[] normals, int[] triangles, BodySide[] sides, int[] joints, double[] weights) {
    public static final int INFLUENCES = 4;

    public SkinnedMesh {
        int vertices = positions.length;
        if (normals.length != vertices || joints.length != INFLUENCES * vertices || weights.length != INFLUENCES * vertices) {
            throw new IllegalArgumentException("positions, normals, joints and weights differ in vertex count");
        }
        if (triangles.length != 3 * sides.length) {
            throw new IllegalArgumentException(triangles.length + " triangle indices for " + sides.length + " sides");
        }
    }

    /**
     * A mesh from per-vertex weights over all joints (non-negative): each vertex keeps its four
     * strongest joints, scaled to sum to 1; smooth normals.
     */
    public static SkinnedMesh of(Vec3[] positions, int[] triangles, BodySide[] sides, double[][] allWeights) {
        int[] joints = new int[INFLUENCES * positions.length];
        double[] weights = new double[INFLUENCES * positions.length];
        for (int v = 0; v < positions.length; v++) {
            putStrongest(allWeights[v], v, joints, weights);
        }
        return new SkinnedMesh(positions, vertexNormals(positions, triangles), triangles, sides, joints, weights);
    }

    /** Vertex normals: the area-weighted mean of the normals of the triangles around each vertex (+Y where there are none). */
    public static Vec3[] vertexNormals(Vec3[] positions, int[] triangles) {
        Vec3[] sums = new Vec3[positions.length];
        Arrays.fill(sums, Vec3.ZERO);
        for (int t = 0; t < triangles.length; t += 3) {
            Vec3 a = positions[triangles[t]], b = positions[triangles[t + 1]], c = positions[triangles[t + 2]];
            Vec3 areaNormal = b.minus(a).cross(c.minus(a));
            for (int k = 0; k < 3; k++) {
                sums[triangles[t + k]] = sums[triangles[t + k]].plus(areaNormal);
            }
        }
        for (int v = 0; v < sums.length; v++) {
            sums[v] = sums[v].length() > 0 ? sums[v].normalized() : Vec3.Y;
        }
        return sums;
    }

    /** The strongest joints of a (non-negative) weight vector, at most four, scaled to sum to 1. */
    public static void putStrongest(double[] all, int vertex, int[] joints, double[] weights) {
        int[] order = IntStream.range(0, all.length).boxed()
                .sorted((i, j) -> Double.compare(all[j], all[i])).mapToInt(Integer::intValue).toArray();
        double sum = 0;
        for (int k = 0; k < Math.min(INFLUENCES, order.length); k++) {
            sum += all[order[k]];
        }
        for (int k = 0; k < INFLUENCES; k++) {
            double w = k < order.length ? all[order[k]] / sum : 0;
            int slot = INFLUENCES * vertex + k;
            joints[slot] = w > 0 ? order[k] : 0;
            weights[slot] = w;
        }
    }

    public int vertexCount() {
        return positions.length;
    }

    public int triangleCount() {
        return sides.length;
    }

    /** The joint of influence k (0 = strongest) on vertex v. */
    public int joint(int vertex, int k) {
        return joints[INFLUENCES * vertex + k];
    }

    public double weight(int vertex, int k) {
        return weights[INFLUENCES * vertex + k];
    }

    /** The same mesh turned about the origin. */
    public SkinnedMesh turned(Quat turn) {
        return new SkinnedMesh(Arrays.stream(positions).map(turn::rotate).toArray(Vec3[]::new),
                Arrays.stream(normals).map(turn::rotate).toArray(Vec3[]::new), triangles, sides, joints, weights);
    }

    /** The same mesh moved by {@code offset} (e.g. from the root at the origin to a bind pose). */
    public SkinnedMesh translated(Vec3 offset) {
        Vec3[] moved = new Vec3[positions.length];
        for (int v = 0; v < moved.length; v++) {
            moved[v] = positions[v].plus(offset);
        }
        return new SkinnedMesh(moved, normals, triangles, sides, joints, weights);
    }
}
