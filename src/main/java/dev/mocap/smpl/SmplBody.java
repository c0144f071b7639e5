package dev.mocap.smpl;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Motion;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.BodySide;
import dev.mocap.body.mesh.SkinnedMesh;

import java.util.Arrays;

/**
 * One body of a user's SMPL model: its betas, its skeleton (the model's joints J(β), offsets in
 * SMPL's world-aligned rest frames), the rest position of its pelvis joint in the model frame,
 * and its mesh v(β) with the model's skinning weights (the four strongest per vertex, scaled to
 * sum to 1), root joint at the origin, for linear blend skinning without pose correctives.
 */
public record SmplBody(double[] betas, Vec3 pelvis, Skeleton skeleton, SkinnedMesh mesh) {
    /** Within this of the middle (m), a triangle counts as neither left nor right. */
    private static final double CENTRE = 0.02;

    static SmplBody of(SmplModel model, double[] betas) {
        Vec3[] joints = model.joints(betas);
        Vec3[] vertices = model.vertices(betas);
        int[] strongest = new int[vertices.length];
        double[][] weights = new double[vertices.length][Smpl24.COUNT];
        for (int v = 0; v < vertices.length; v++) {
            for (int j = 0; j < Smpl24.COUNT; j++) {
                weights[v][j] = Math.max(0, model.weight(v, j));
                strongest[v] = weights[v][j] > weights[v][strongest[v]] ? j : strongest[v];
            }
            vertices[v] = vertices[v].minus(joints[0]);
        }
        Vec3[] offsets = new Vec3[Smpl24.COUNT];
        offsets[0] = Vec3.ZERO;
        for (int j = 1; j < offsets.length; j++) {
            offsets[j] = joints[j].minus(joints[Smpl24.parents()[j]]);
        }
        Vec3[] ends = new Vec3[SmplParamsWriter.END_SITE_JOINTS.length];
        for (int i = 0; i < ends.length; i++) {
            int joint = SmplParamsWriter.END_SITE_JOINTS[i];
            ends[i] = reach(vertices, strongest, joint, joints[joint].minus(joints[0]), offsets[joint]);
        }
        int[] triangles = model.faces();
        BodySide[] sides = new BodySide[triangles.length / 3];
        for (int t = 0; t < sides.length; t++) {
            double x = (vertices[triangles[3 * t]].x() + vertices[triangles[3 * t + 1]].x() + vertices[triangles[3 * t + 2]].x()) / 3;
            sides[t] = x > CENTRE ? BodySide.LEFT : x < -CENTRE ? BodySide.RIGHT : BodySide.CENTRE;
        }
        Skeleton skeleton = Smpl24.skeleton(offsets, ends[0], ends[1], ends[2], ends[3], ends[4]);
        return new SmplBody(betas, joints[0], skeleton, SkinnedMesh.of(vertices, triangles, sides, weights));
    }

    /**
     * A leaf joint's end site: along its bone's direction, as far as the vertices it moves most
     * reach (the top of the head, the toe tips, the finger tips); half the bone where none do.
     */
    private static Vec3 reach(Vec3[] vertices, int[] strongest, int joint, Vec3 position, Vec3 bone) {
        Vec3 direction = joint == Smpl24.HEAD ? Vec3.Y : joint == Smpl24.LEFT_FOOT || joint == Smpl24.RIGHT_FOOT ? Vec3.Z : bone.normalized();
        double far = -1;
        for (int v = 0; v < vertices.length; v++) {
            if (strongest[v] == joint) {
                far = Math.max(far, vertices[v].minus(position).dot(direction));
            }
        }
        return direction.times(far > 0 ? far : bone.length() / 2);
    }

    private static double lowestJoint(Skeleton skeleton) {
        return Arrays.stream(skeleton.restPositions()).mapToDouble(Vec3::y).min().orElse(0);
    }

    /** What the SMPL parameter writer needs of this body. */
    public SmplParamsWriter.Body params() {
        return new SmplParamsWriter.Body(betas, pelvis);
    }

    /**
     * The motion on this body's skeleton: the same joint rotations (both skeletons have
     * world-aligned rest frames), the root raised or lowered by the difference in standing
     * pelvis height so the feet stay where they were.
     */
    public Motion carry(Motion motion) {
        if (motion.skeleton() == skeleton) {
            return motion;
        }
        if (!motion.skeleton().names().equals(Smpl24.NAMES)) {
            throw new MocapException(ExitCode.BAD_INPUT, "an SMPL body moves an SMPL-24 motion; this one has " + motion.skeleton().size()
                    + " joints (first '" + motion.skeleton().name(0) + "')");
        }
        Vec3 lift = new Vec3(0, lowestJoint(motion.skeleton()) - lowestJoint(skeleton), 0);
        Vec3[] root = Arrays.stream(motion.rootPositions()).map(p -> p.plus(lift)).toArray(Vec3[]::new);
        return new Motion(skeleton, motion.fps(), root, motion.rotations(), motion.confidence(), motion.contacts());
    }
}
