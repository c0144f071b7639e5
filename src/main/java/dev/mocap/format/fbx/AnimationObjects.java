package dev.mocap.format.fbx;

import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;
import dev.mocap.format.fbx.FbxScene.SceneObject;
import dev.mocap.format.fbx.binary.FbxNode;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The motion as one take: AnimationStack, AnimationLayer, and per bone an AnimationCurveNode
 * "R" driving Lcl Rotation (Euler degrees in the bones' rotation order), plus "T" driving the
 * root's Lcl Translation; each curve node has three AnimationCurves with a key on every frame.
 */
final class AnimationObjects {
    private static final String[] CHANNELS = {"d|X", "d|Y", "d|Z"};
    /** The FBX SDK crashes on a curve without KeyVer. */
    private static final int KEY_VERSION = 4008;
    /** One attribute entry shared by all keys: linear interpolation, automatic tangents. */
    private static final int[] KEY_ATTRIBUTE_FLAGS = {24836};
    /** Slopes, packed default tangent weights and velocities of that entry. */
    private static final float[] KEY_ATTRIBUTE_DATA = {0, 0, Float.intBitsToFloat(0x0F3F0F3F), 0};

    static void add(FbxScene scene, Motion motion, long[] models, String takeName, FbxOptions options) {
        long[] times = FbxTime.frameTimes(motion.frameCount(), motion.fps());
        long stop = times[times.length - 1];
        SceneObject stack = scene.add("AnimationStack", takeName, "AnimStack", "");
        stack.node().add(new Properties70()
                .time("LocalStart", 0).time("LocalStop", stop)
                .time("ReferenceStart", 0).time("ReferenceStop", stop)
                .node());
        SceneObject layer = scene.add("AnimationLayer", "BaseLayer", "AnimLayer", "");
        scene.connect(layer.id(), stack.id());

        double perMetre = options.unit().perMetre();
        Vec3[] rootTranslations = Arrays.stream(motion.rootPositions()).map(p -> p.times(perMetre)).toArray(Vec3[]::new);
        addCurveNode(scene, layer.id(), models[0], "T", "Lcl Translation", times, rootTranslations);
        for (int j = 0; j < models.length; j++) {
            Vec3[] degrees = EulerChannels.degrees(jointRotations(motion, j), options.rotationOrder());
            addCurveNode(scene, layer.id(), models[j], "R", "Lcl Rotation", times, degrees);
        }
    }

    private static Quat[] jointRotations(Motion motion, int joint) {
        return IntStream.range(0, motion.frameCount()).mapToObj(f -> motion.rotations().get(f, joint)).toArray(Quat[]::new);
    }

    private static void addCurveNode(FbxScene scene, long layer, long model, String name, String property,
                                     long[] times, Vec3[] values) {
        SceneObject curveNode = scene.add("AnimationCurveNode", name, "AnimCurveNode", "");
        Properties70 defaults = new Properties70();
        for (int axis = 0; axis < 3; axis++) {
            defaults.animatableNumber(CHANNELS[axis], values[0].get(axis));
        }
        curveNode.node().add(defaults.node());
        scene.connect(curveNode.id(), layer);
        scene.connectToProperty(curveNode.id(), model, property);
        for (int axis = 0; axis < 3; axis++) {
            long curve = addCurve(scene, times, channel(values, axis));
            scene.connectToProperty(curve, curveNode.id(), CHANNELS[axis]);
        }
    }

    /** A curve with every field the FBX SDK needs: without KeyAttrFlags/RefCount it drops the animation. */
    private static long addCurve(FbxScene scene, long[] times, float[] values) {
        SceneObject curve = scene.add("AnimationCurve", "", "AnimCurve", "");
        FbxNode node = curve.node();
        node.child("Default", (double) values[0]);
        node.child("KeyVer", KEY_VERSION);
        node.child("KeyTime", times);
        node.child("KeyValueFloat", values);
        node.child("KeyAttrFlags", KEY_ATTRIBUTE_FLAGS);
        node.child("KeyAttrDataFloat", KEY_ATTRIBUTE_DATA);
        node.child("KeyAttrRefCount", new int[]{times.length});
        return curve.id();
    }

    private static float[] channel(Vec3[] values, int axis) {
        float[] channel = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            channel[i] = (float) values[i].get(axis);
        }
        return channel;
    }

    private AnimationObjects() {
    }
}
