package dev.mocap.body.mesh;

import dev.mocap.body.Vec3;

import java.util.ArrayList;
import java.util.List;

/**
 * A closed polygon mesh under construction: per vertex a position and joint weights, per face
 * its vertices (counter-clockwise seen from outside) and the body side it belongs to. The
 * mannequin's coarse control mesh, and each step of its subdivision.
 */
final class Cage {
    private final int jointCount;
    private final List<Vec3> positions = new ArrayList<>();
    private final List<double[]> weights = new ArrayList<>();
    private final List<int[]> faces = new ArrayList<>();
    private final List<BodySide> sides = new ArrayList<>();

    Cage(int jointCount) {
        this.jointCount = jointCount;
    }

    int jointCount() {
        return jointCount;
    }

    int vertexCount() {
        return positions.size();
    }

    int faceCount() {
        return faces.size();
    }

    Vec3 position(int vertex) {
        return positions.get(vertex);
    }

    double[] weights(int vertex) {
        return weights.get(vertex);
    }

    int[] face(int face) {
        return faces.get(face);
    }

    BodySide side(int face) {
        return sides.get(face);
    }

    int addVertex(Vec3 position, double[] jointWeights) {
        positions.add(position);
        weights.add(jointWeights);
        return positions.size() - 1;
    }

    void addFace(BodySide side, int... vertices) {
        faces.add(vertices);
        sides.add(side);
    }

    /**
     * Joins two loops of equal length, both counter-clockwise about the direction from
     * {@code near} to {@code far}, with a band of quads.
     */
    void bridge(int[] near, int[] far, BodySide side) {
        for (int i = 0; i < near.length; i++) {
            int next = (i + 1) % near.length;
            addFace(side, near[i], near[next], far[next], far[i]);
        }
    }

    /** Closes a loop of even length, counter-clockwise about the direction towards {@code tip}, with a fan of quads. */
    void cap(int[] loop, int tip, BodySide side) {
        for (int i = 0; i < loop.length; i += 2) {
            addFace(side, loop[i], loop[i + 1], loop[(i + 2) % loop.length], tip);
        }
    }
}
