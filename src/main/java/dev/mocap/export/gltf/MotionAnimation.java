package dev.mocap.export.gltf;

import de.javagl.jgltf.impl.v2.Animation;
import de.javagl.jgltf.impl.v2.AnimationChannel;
import de.javagl.jgltf.impl.v2.AnimationChannelTarget;
import de.javagl.jgltf.impl.v2.AnimationSampler;
import de.javagl.jgltf.impl.v2.GlTF;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;

/**
 * The motion as one animation keyed on every frame: the root node's translation and every joint
 * node's rotation, interpolated linearly (slerp for rotations), all sharing one time accessor.
 */
final class MotionAnimation {

    static void add(GlTF gltf, GlbBuffer buffer, Motion motion, String name) {
        int frames = motion.frameCount();
        float[] times = new float[frames];
        for (int f = 0; f < frames; f++) {
            times[f] = (float) (f / motion.fps());
        }
        int input = buffer.floats(times, "SCALAR", null, true);
        Animation animation = new Animation();
        animation.setName(name);
        float[] translations = new float[3 * frames];
        for (int f = 0; f < frames; f++) {
            System.arraycopy(JointNodes.floats(motion.rootPositions()[f]), 0, translations, 3 * f, 3);
        }
        addChannel(animation, input, buffer.floats(translations, "VEC3", null, false), 0, "translation");
        for (int j = 0; j < motion.skeleton().size(); j++) {
            addChannel(animation, input, buffer.floats(rotations(motion, j), "VEC4", null, false), j, "rotation");
        }
        gltf.addAnimations(animation);
    }

    /**
     * A joint's rotations as [x, y, z, w] per frame, each in the hemisphere of the one before:
     * readers slerp between keys, and q and −q would take the long way round.
     */
    private static float[] rotations(Motion motion, int joint) {
        float[] out = new float[4 * motion.frameCount()];
        Quat previous = Quat.IDENTITY;
        for (int f = 0; f < motion.frameCount(); f++) {
            Quat q = motion.rotations()[f][joint].normalized().nearTo(previous);
            out[4 * f] = (float) q.x();
            out[4 * f + 1] = (float) q.y();
            out[4 * f + 2] = (float) q.z();
            out[4 * f + 3] = (float) q.w();
            previous = q;
        }
        return out;
    }

    private static void addChannel(Animation animation, int input, int output, int node, String path) {
        AnimationSampler sampler = new AnimationSampler();
        sampler.setInput(input);
        sampler.setOutput(output);
        sampler.setInterpolation("LINEAR");
        animation.addSamplers(sampler);
        AnimationChannelTarget target = new AnimationChannelTarget();
        target.setNode(node);
        target.setPath(path);
        AnimationChannel channel = new AnimationChannel();
        channel.setSampler(animation.getSamplers().size() - 1);
        channel.setTarget(target);
        animation.addChannels(channel);
    }

    private MotionAnimation() {
    }
}
