package dev.mocap.body.mesh;

import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;

import java.util.stream.IntStream;

/**
 * The mannequin: a smooth, closed body shaped from an SMPL-24 skeleton's rest pose (about 5000
 * vertices), skinned to its joints with smooth weights, left side blue and right side orange.
 * It lets an animation be seen as a body in any viewer; it is not the subject's real shape.
 */
public final class Mannequin {
    private static final int SUBDIVISIONS = 2;

    /** The mannequin for a skeleton with the SMPL-24 joints, in the skeleton's rest pose. */
    public static SkinnedMesh of(Skeleton skeleton) {
        Cage cage = MannequinCage.build(new Anatomy(skeleton));
        for (int i = 0; i < SUBDIVISIONS; i++) {
            cage = CatmullClark.subdivide(cage);
        }
        return toMesh(cage);
    }

    /** Quads split along their shorter diagonal; smooth normals; the four strongest joints per vertex. */
    private static SkinnedMesh toMesh(Cage quads) {
        int[] triangles = new int[6 * quads.faceCount()];
        BodySide[] sides = new BodySide[2 * quads.faceCount()];
        for (int f = 0; f < quads.faceCount(); f++) {
            int[] q = quads.face(f);
            int shift = quads.position(q[0]).distance(quads.position(q[2])) <= quads.position(q[1]).distance(quads.position(q[3])) ? 0 : 1;
            int a = q[shift], b = q[shift + 1], c = q[shift + 2], d = q[(shift + 3) % 4];
            System.arraycopy(new int[]{a, b, c, a, c, d}, 0, triangles, 6 * f, 6);
            sides[2 * f] = quads.side(f);
            sides[2 * f + 1] = quads.side(f);
        }
        Vec3[] positions = IntStream.range(0, quads.vertexCount()).mapToObj(quads::position).toArray(Vec3[]::new);
        int[] joints = new int[SkinnedMesh.INFLUENCES * positions.length];
        double[] weights = new double[SkinnedMesh.INFLUENCES * positions.length];
        for (int v = 0; v < positions.length; v++) {
            SkinnedMesh.putStrongest(quads.weights(v), v, joints, weights);
        }
        return new SkinnedMesh(positions, SkinnedMesh.vertexNormals(positions, triangles), triangles, sides, joints, weights);
    }

    private Mannequin() {
    }
}
