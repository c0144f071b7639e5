package dev.mocap.format.fbx;

import dev.mocap.body.Vec3;
import dev.mocap.format.fbx.binary.FbxNode;

/**
 * The bind Pose: the world matrix of every bone, and of a skinned mesh, in the pose the mesh is
 * bound in (how Unity and Maya find the bind pose). Matrices are pure translations: rest frames
 * are aligned with the world axes.
 */
final class BindPoseObject {

    /** Adds the pose: the bones at their bind world positions (metres), the meshes at the origin. */
    static void add(FbxScene scene, long[] bones, Vec3[] bonePositions, double perMetre, long... meshes) {
        FbxNode pose = scene.add("Pose", "BindPose", "Pose", "BindPose").node();
        pose.child("Type", "BindPose");
        pose.child("Version", 100);
        pose.child("NbPoseNodes", bones.length + meshes.length);
        for (int j = 0; j < bones.length; j++) {
            addPoseNode(pose, bones[j], bonePositions[j].times(perMetre));
        }
        for (long mesh : meshes) {
            addPoseNode(pose, mesh, Vec3.ZERO);
        }
    }

    private static void addPoseNode(FbxNode pose, long model, Vec3 worldPosition) {
        FbxNode poseNode = pose.child("PoseNode");
        poseNode.child("Node", model);
        poseNode.child("Matrix", translation(worldPosition));
    }

    /** Column-major 4×4 matrix of a translation. */
    static double[] translation(Vec3 t) {
        return new double[]{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, t.x(), t.y(), t.z(), 1};
    }

    private BindPoseObject() {
    }
}
