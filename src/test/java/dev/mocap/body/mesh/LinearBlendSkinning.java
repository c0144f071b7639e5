package dev.mocap.body.mesh;

import dev.mocap.body.ForwardKinematics;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

/**
 * Our own linear-blend skinning, the reference for what a reader should show: each vertex moved
 * rigidly with each of its joints (from the joint's rest position to its posed one), the results
 * blended by the weights. The mesh is in the skeleton's rest pose, as {@link Mannequin} makes it.
 */
public final class LinearBlendSkinning {

    /** World positions of every vertex at a frame of the motion. */
    public static Vec3[] pose(SkinnedMesh mesh, Motion motion, int frame) {
        Vec3[] rest = motion.skeleton().restPositions();
        Vec3[] joints = motion.jointPositions(frame);
        Quat[] rotations = ForwardKinematics.worldRotations(motion.skeleton(), motion.rotations().frame(frame));
        Vec3[] posed = new Vec3[mesh.vertexCount()];
        for (int v = 0; v < posed.length; v++) {
            Vec3 sum = Vec3.ZERO;
            for (int k = 0; k < SkinnedMesh.INFLUENCES; k++) {
                int j = mesh.joint(v, k);
                Vec3 moved = joints[j].plus(rotations[j].rotate(mesh.positions()[v].minus(rest[j])));
                sum = sum.plus(moved.times(mesh.weight(v, k)));
            }
            posed[v] = sum;
        }
        return posed;
    }

    private LinearBlendSkinning() {
    }
}
