package dev.mocap.export.fbx;

import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;
import dev.mocap.export.EulerOrder;
import dev.mocap.export.fbx.FbxScene.SceneObject;
import dev.mocap.export.fbx.binary.FbxNode;

import java.util.Arrays;

/**
 * The skeleton as FBX bones: per joint a Model of class LimbNode, parented like the joint, with
 * a NodeAttribute of type Skeleton, and one bind Pose holding every bone's rest world matrix
 * (how Unity and Maya recognise bones and their bind pose; a skinned mesh binds to the same pose).
 */
final class SkeletonObjects {
    /** Rotation and scaling inherited from the parent as for ordinary scene nodes (eInheritRSrs). */
    private static final int INHERIT_RSRS = 1;
    private static final Vec3 UNIT_SCALE = new Vec3(1, 1, 1);

    /** Adds the bones and the bind pose; returns the Model id of every joint. */
    static long[] add(FbxScene scene, Skeleton skeleton, FbxOptions options) {
        double perMetre = options.unit().perMetre();
        Vec3[] bindPositions = bindPositions(skeleton);
        long[] models = new long[skeleton.size()];
        for (int j = 0; j < skeleton.size(); j++) {
            Vec3 translation = j == 0 ? bindPositions[0] : skeleton.offset(j);
            models[j] = addBone(scene, skeleton.name(j), translation.times(perMetre), options.rotationOrder());
            scene.connect(models[j], j == 0 ? FbxScene.ROOT : models[skeleton.parent(j)]);
        }
        addBindPose(scene, models, bindPositions, perMetre);
        return models;
    }

    /** Rest world positions (metres) with the lowest joint on the floor, y = 0, below the origin. */
    private static Vec3[] bindPositions(Skeleton skeleton) {
        Vec3[] rest = skeleton.restPositions();
        double lowest = Arrays.stream(rest).mapToDouble(Vec3::y).min().orElse(0);
        Vec3 lift = new Vec3(0, -lowest, 0);
        return Arrays.stream(rest).map(p -> p.plus(lift)).toArray(Vec3[]::new);
    }

    private static long addBone(FbxScene scene, String name, Vec3 translation, EulerOrder order) {
        SceneObject attribute = scene.add("NodeAttribute", name, "NodeAttribute", "LimbNode");
        attribute.node().child("TypeFlags", "Skeleton");
        SceneObject model = scene.add("Model", name, "Model", "LimbNode");
        model.node().child("Version", 232);
        model.node().add(new Properties70()
                .bool("RotationActive", true) // without it readers ignore RotationOrder
                .enumeration("RotationOrder", EulerChannels.fbxRotationOrder(order))
                .enumeration("InheritType", INHERIT_RSRS)
                .integer("DefaultAttributeIndex", 0)
                .transform("Lcl Translation", translation)
                .transform("Lcl Rotation", Vec3.ZERO)
                .transform("Lcl Scaling", UNIT_SCALE)
                .node());
        model.node().child("MultiLayer", 0);
        model.node().child("MultiTake", 0);
        model.node().child("Shading", true);
        model.node().child("Culling", "CullingOff");
        scene.connect(attribute.id(), model.id());
        return model.id();
    }

    private static void addBindPose(FbxScene scene, long[] models, Vec3[] bindPositions, double perMetre) {
        FbxNode pose = scene.add("Pose", "BindPose", "Pose", "BindPose").node();
        pose.child("Type", "BindPose");
        pose.child("Version", 100);
        pose.child("NbPoseNodes", models.length);
        for (int j = 0; j < models.length; j++) {
            FbxNode poseNode = pose.child("PoseNode");
            poseNode.child("Node", models[j]);
            poseNode.child("Matrix", translationMatrix(bindPositions[j].times(perMetre)));
        }
    }

    /** Column-major 4×4 matrix of a pure translation: rest frames are aligned with the world axes. */
    private static double[] translationMatrix(Vec3 t) {
        return new double[]{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, t.x(), t.y(), t.z(), 1};
    }

    private SkeletonObjects() {
    }
}
