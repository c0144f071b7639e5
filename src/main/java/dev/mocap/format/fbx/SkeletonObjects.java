package dev.mocap.format.fbx;

import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;
import dev.mocap.format.BindPose;
import dev.mocap.format.EulerOrder;
import dev.mocap.format.fbx.FbxScene.SceneObject;

/**
 * The skeleton as FBX bones: per joint a Model of class LimbNode, parented like the joint, with
 * a NodeAttribute of type Skeleton (how Unity and Maya recognise bones).
 */
final class SkeletonObjects {
    /** Adds the bones, standing in the bind pose; returns the Model id of every joint. */
    static long[] add(FbxScene scene, Skeleton skeleton, FbxOptions options) {
        double perMetre = options.unit().perMetre();
        Vec3 root = BindPose.jointPositions(skeleton)[0];
        long[] models = new long[skeleton.size()];
        for (int j = 0; j < skeleton.size(); j++) {
            Vec3 translation = j == 0 ? root : skeleton.offset(j);
            models[j] = addBone(scene, skeleton.name(j), translation.times(perMetre), options.rotationOrder());
            scene.connect(models[j], j == 0 ? FbxScene.ROOT : models[skeleton.parent(j)]);
        }
        return models;
    }

    private static long addBone(FbxScene scene, String name, Vec3 translation, EulerOrder order) {
        SceneObject attribute = scene.add("NodeAttribute", name, "NodeAttribute", "LimbNode");
        attribute.node().child("TypeFlags", "Skeleton");
        long model = scene.addModel(name, "LimbNode", new Properties70()
                .bool("RotationActive", true) // without it readers ignore RotationOrder
                .enumeration("RotationOrder", EulerChannels.fbxRotationOrder(order))
                .enumeration("InheritType", FbxScene.INHERIT_RSRS)
                .integer("DefaultAttributeIndex", 0)
                .transform("Lcl Translation", translation)
                .transform("Lcl Rotation", Vec3.ZERO)
                .transform("Lcl Scaling", FbxScene.UNIT_SCALE)).id();
        scene.connect(attribute.id(), model);
        return model;
    }

    private SkeletonObjects() {
    }
}
