package dev.mocap.body.mesh;

import dev.mocap.body.Vec3;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of Catmull–Clark subdivision of a closed mesh: every n-sided face becomes n quads,
 * the surface moves towards its smooth limit. Joint weights are averaged with the same stencils
 * as positions, so they blend smoothly across the surface and keep summing to 1. Each new face
 * keeps its parent face's side.
 */
final class CatmullClark {

    /** The two faces on either side of an edge and the new vertex placed on it. */
    private static final class Edge {
        final int a, b;
        int firstFace = -1, secondFace = -1, point;

        Edge(int a, int b) {
            this.a = a;
            this.b = b;
        }
    }

    static Cage subdivide(Cage in) {
        Cage out = new Cage(in.jointCount());
        Map<Long, Edge> edges = edges(in);
        int[] facePoints = new int[in.faceCount()];
        Point[] faceCentres = new Point[in.faceCount()];
        for (int f = 0; f < in.faceCount(); f++) {
            Point centre = new Point(in.jointCount());
            for (int v : in.face(f)) {
                centre.add(in, v, 1.0 / in.face(f).length);
            }
            faceCentres[f] = centre;
        }
        addVertexPoints(in, out, edges, faceCentres);
        for (Edge e : edges.values()) {
            Point p = new Point(in.jointCount());
            p.add(in, e.a, 0.25);
            p.add(in, e.b, 0.25);
            p.add(faceCentres[e.firstFace], 0.25);
            p.add(faceCentres[e.secondFace], 0.25);
            e.point = p.addTo(out);
        }
        for (int f = 0; f < in.faceCount(); f++) {
            facePoints[f] = faceCentres[f].addTo(out);
        }
        for (int f = 0; f < in.faceCount(); f++) {
            int[] face = in.face(f);
            for (int i = 0; i < face.length; i++) {
                int previous = face[(i + face.length - 1) % face.length], next = face[(i + 1) % face.length];
                out.addFace(in.side(f), face[i], edges.get(key(face[i], next)).point, facePoints[f],
                        edges.get(key(previous, face[i])).point);
            }
        }
        return out;
    }

    /** Every edge with its two faces; fails unless the mesh is closed and consistently oriented. */
    private static Map<Long, Edge> edges(Cage cage) {
        Map<Long, Edge> edges = new LinkedHashMap<>();
        for (int f = 0; f < cage.faceCount(); f++) {
            int[] face = cage.face(f);
            for (int i = 0; i < face.length; i++) {
                int a = face[i], b = face[(i + 1) % face.length];
                Edge e = edges.computeIfAbsent(key(a, b), k -> new Edge(Math.min(a, b), Math.max(a, b)));
                if (a < b && e.firstFace < 0) {
                    e.firstFace = f;
                } else if (a > b && e.secondFace < 0) {
                    e.secondFace = f;
                } else {
                    throw new IllegalStateException("edge " + a + "-" + b + " is used twice in the same direction");
                }
            }
        }
        for (Edge e : edges.values()) {
            if (e.firstFace < 0 || e.secondFace < 0) {
                throw new IllegalStateException("edge " + e.a + "-" + e.b + " borders only one face: the mesh is not closed");
            }
        }
        return edges;
    }

    /** Each old vertex moves to (F + 2R + (n − 3)P) / n: F the mean of its faces' centres, R of its edges' midpoints. */
    private static void addVertexPoints(Cage in, Cage out, Map<Long, Edge> edges, Point[] faceCentres) {
        int n = in.vertexCount();
        Point[] faceSums = new Point[n], edgeSums = new Point[n];
        int[] valence = new int[n];
        for (int v = 0; v < n; v++) {
            faceSums[v] = new Point(in.jointCount());
            edgeSums[v] = new Point(in.jointCount());
        }
        for (int f = 0; f < in.faceCount(); f++) {
            for (int v : in.face(f)) {
                faceSums[v].add(faceCentres[f], 1);
                valence[v]++;
            }
        }
        for (Edge e : edges.values()) {
            for (int v : new int[]{e.a, e.b}) {
                edgeSums[v].add(in, e.a, 0.5);
                edgeSums[v].add(in, e.b, 0.5);
            }
        }
        for (int v = 0; v < n; v++) {
            double k = valence[v];
            Point p = new Point(in.jointCount());
            p.add(faceSums[v], 1 / (k * k));
            p.add(edgeSums[v], 2 / (k * k));
            p.add(in, v, (k - 3) / k);
            p.addTo(out);
        }
    }

    private static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    /** A weighted sum of vertices: position and joint weights together. */
    private static final class Point {
        private double x, y, z;
        private final double[] weights;

        Point(int joints) {
            weights = new double[joints];
        }

        void add(Cage cage, int vertex, double factor) {
            Vec3 p = cage.position(vertex);
            add(p.x(), p.y(), p.z(), cage.weights(vertex), factor);
        }

        void add(Point o, double factor) {
            add(o.x, o.y, o.z, o.weights, factor);
        }

        private void add(double px, double py, double pz, double[] w, double factor) {
            x += factor * px;
            y += factor * py;
            z += factor * pz;
            for (int j = 0; j < weights.length; j++) {
                weights[j] += factor * w[j];
            }
        }

        int addTo(Cage cage) {
            return cage.addVertex(new Vec3(x, y, z), weights);
        }
    }
}
