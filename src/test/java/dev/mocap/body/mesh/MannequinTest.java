package dev.mocap.body.mesh;

import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MannequinTest {
    private static final Skeleton ADULT = TestMotions.humanSkeleton();
    private static final SkinnedMesh BODY = Mannequin.of(ADULT);

    /** The adult, a child-sized copy, one without end sites, and one with wide hips and A-pose arms. */
    static List<Skeleton> skeletons() {
        Vec3[] offsets = ADULT.offsets().clone();
        Vec3[] ends = ADULT.endSites().clone();
        for (int j : new int[]{Smpl24.LEFT_ELBOW, Smpl24.RIGHT_ELBOW, Smpl24.LEFT_WRIST, Smpl24.RIGHT_WRIST,
                Smpl24.LEFT_HAND, Smpl24.RIGHT_HAND}) {
            Quat down = Quat.axisAngle(Vec3.Z, Math.toRadians(j % 2 == 0 ? -45 : 45));
            offsets[j] = down.rotate(offsets[j]);
            if (ends[j] != null) {
                ends[j] = down.rotate(ends[j]);
            }
        }
        offsets[Smpl24.LEFT_HIP] = new Vec3(0.12, -0.07, 0);
        offsets[Smpl24.RIGHT_HIP] = new Vec3(-0.12, -0.07, 0);
        return List.of(ADULT, ADULT.scaled(0.65), new Skeleton(ADULT.names(), ADULT.parents(), ADULT.offsets(), new Vec3[Smpl24.COUNT]),
                new Skeleton(ADULT.names(), ADULT.parents(), offsets, ends));
    }

    @Test
    void aFewThousandVertices() {
        assertTrue(BODY.vertexCount() > 2000 && BODY.vertexCount() < 8000, BODY.vertexCount() + " vertices");
    }

    @Test
    void upToFourJointsPerVertexWithWeightsSummingToOne() {
        int blended = 0;
        for (int v = 0; v < BODY.vertexCount(); v++) {
            double sum = 0;
            for (int k = 0; k < SkinnedMesh.INFLUENCES; k++) {
                double w = BODY.weight(v, k);
                assertTrue(w >= 0 && (k == 0 || w <= BODY.weight(v, k - 1)), "weights of vertex " + v + " in decreasing order");
                assertTrue(BODY.joint(v, k) >= 0 && BODY.joint(v, k) < Smpl24.COUNT);
                if (w == 0) {
                    assertEquals(0, BODY.joint(v, k), "an unused slot holds joint 0");
                }
                sum += w;
            }
            assertEquals(1, sum, 1e-12, "vertex " + v);
            blended += BODY.weight(v, 1) > 0.05 ? 1 : 0;
        }
        assertTrue(blended > BODY.vertexCount() / 4, "weights blend across joints: " + blended + " vertices with a second joint");
    }

    /** Weights change gradually over the surface: no edge jumps from one joint to another. */
    @Test
    void weightsAreSmooth() {
        double[][] full = new double[BODY.vertexCount()][Smpl24.COUNT];
        for (int v = 0; v < full.length; v++) {
            for (int k = 0; k < SkinnedMesh.INFLUENCES; k++) {
                full[v][BODY.joint(v, k)] += BODY.weight(v, k);
            }
        }
        double steepest = 0;
        int[] t = BODY.triangles();
        for (int i = 0; i < t.length; i++) {
            int a = t[i], b = t[i % 3 == 2 ? i - 2 : i + 1];
            for (int j = 0; j < Smpl24.COUNT; j++) {
                steepest = Math.max(steepest, Math.abs(full[a][j] - full[b][j]));
            }
        }
        System.out.printf("mannequin: %d vertices, %d triangles; a joint's weight changes by at most %.3f along an edge%n",
                BODY.vertexCount(), BODY.triangleCount(), steepest);
        assertTrue(steepest < 0.3, "a joint's weight changes by up to " + steepest + " along one edge");
    }

    @Test
    void finiteUnitNormalsThatAgreeWithTheTriangles() {
        for (int v = 0; v < BODY.vertexCount(); v++) {
            Vec3 p = BODY.positions()[v], n = BODY.normals()[v];
            assertTrue(Double.isFinite(p.x() + p.y() + p.z()), "position of vertex " + v);
            assertEquals(1, n.length(), 1e-9, "normal of vertex " + v);
        }
        int[] t = BODY.triangles();
        for (int i = 0; i < t.length; i += 3) {
            Vec3 face = normal(BODY, i / 3);
            for (int k = 0; k < 3; k++) {
                assertTrue(face.dot(BODY.normals()[t[i + k]]) > 0, "vertex normal against triangle " + i / 3);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("skeletons")
    void closedWithEveryEdgeBetweenTwoTrianglesFacingOutwards(Skeleton skeleton) {
        SkinnedMesh mesh = Mannequin.of(skeleton);
        Map<Long, Integer> directedEdges = new HashMap<>();
        int[] t = mesh.triangles();
        for (int i = 0; i < t.length; i++) {
            int a = t[i], b = t[i % 3 == 2 ? i - 2 : i + 1];
            directedEdges.merge((long) a * mesh.vertexCount() + b, 1, Integer::sum);
        }
        directedEdges.forEach((edge, count) -> {
            long reverse = (edge % mesh.vertexCount()) * mesh.vertexCount() + edge / mesh.vertexCount();
            assertEquals(1, count, "edge " + edge + " used once in each direction");
            assertEquals(1, directedEdges.getOrDefault(reverse, 0), "edge " + edge + " has a neighbour across it");
        });
        double volume = volume(mesh) / Math.pow(scale(skeleton), 3);
        assertTrue(volume > 0.05 && volume < 0.09, "faces outwards, with a human's volume: " + volume + " m³ at adult size");
    }

    @ParameterizedTest
    @MethodSource("skeletons")
    void enclosesEveryBone(Skeleton skeleton) {
        SkinnedMesh mesh = Mannequin.of(skeleton);
        Vec3[] joints = skeleton.restPositions();
        for (int j = 1; j < skeleton.size(); j++) {
            for (double f = 0; f <= 1; f += 0.1) {
                Vec3 p = joints[skeleton.parent(j)].lerp(joints[j], f);
                assertEquals(1, windingNumber(mesh, p), 1e-6, "bone to " + skeleton.name(j) + " at " + f);
            }
        }
    }

    /** Left (+X) and right (−X) limbs are on their own sides, which have different colours. */
    @Test
    void leftAndRightCanBeToldApart() {
        Map<BodySide, Integer> counts = new EnumMap<>(BodySide.class);
        for (int t = 0; t < BODY.triangleCount(); t++) {
            BodySide side = BODY.sides()[t];
            double x = centroid(BODY, t).x();
            assertTrue(side == BodySide.CENTRE || Math.signum(x) == (side == BodySide.LEFT ? 1 : -1), "triangle " + t + " at x = " + x);
            counts.merge(side, 1, Integer::sum);
        }
        assertEquals(counts.get(BodySide.LEFT), counts.get(BodySide.RIGHT));
        assertTrue(counts.get(BodySide.LEFT) > BODY.triangleCount() / 5, counts.toString());
        assertTrue(!Arrays.equals(BodySide.LEFT.rgb(), BodySide.RIGHT.rgb()));
    }

    @Test
    void onlyForSmpl24Skeletons() {
        List<String> names = new ArrayList<>(ADULT.names());
        names.set(0, "hips");
        Skeleton other = new Skeleton(names, ADULT.parents(), ADULT.offsets(), ADULT.endSites());
        assertThrows(IllegalArgumentException.class, () -> Mannequin.of(other));
    }

    private static double scale(Skeleton skeleton) {
        return skeleton.restPositions()[Smpl24.NECK].distance(Vec3.ZERO) / ADULT.restPositions()[Smpl24.NECK].distance(Vec3.ZERO);
    }

    private static Vec3 centroid(SkinnedMesh mesh, int triangle) {
        Vec3 sum = Vec3.ZERO;
        for (int k = 0; k < 3; k++) {
            sum = sum.plus(mesh.positions()[mesh.triangles()[3 * triangle + k]]);
        }
        return sum.times(1.0 / 3);
    }

    private static Vec3 normal(SkinnedMesh mesh, int triangle) {
        Vec3 a = mesh.positions()[mesh.triangles()[3 * triangle]], b = mesh.positions()[mesh.triangles()[3 * triangle + 1]];
        Vec3 c = mesh.positions()[mesh.triangles()[3 * triangle + 2]];
        return b.minus(a).cross(c.minus(a));
    }

    /** Signed volume: positive when the triangles face outwards. */
    private static double volume(SkinnedMesh mesh) {
        double sum = 0;
        int[] t = mesh.triangles();
        for (int i = 0; i < t.length; i += 3) {
            sum += mesh.positions()[t[i]].dot(mesh.positions()[t[i + 1]].cross(mesh.positions()[t[i + 2]])) / 6;
        }
        return sum;
    }

    /** How many times the surface winds around a point: 1 inside, 0 outside (solid angles, Van Oosterom–Strackee). */
    private static double windingNumber(SkinnedMesh mesh, Vec3 p) {
        double sum = 0;
        int[] t = mesh.triangles();
        for (int i = 0; i < t.length; i += 3) {
            Vec3 a = mesh.positions()[t[i]].minus(p), b = mesh.positions()[t[i + 1]].minus(p), c = mesh.positions()[t[i + 2]].minus(p);
            double la = a.length(), lb = b.length(), lc = c.length();
            sum += 2 * Math.atan2(a.dot(b.cross(c)), la * lb * lc + a.dot(b) * lc + b.dot(c) * la + c.dot(a) * lb);
        }
        return sum / (4 * Math.PI);
    }
}
