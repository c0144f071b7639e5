package dev.mocap.format.gltf;

import de.javagl.jgltf.impl.v2.Animation;
import de.javagl.jgltf.impl.v2.AnimationChannel;
import de.javagl.jgltf.impl.v2.AnimationChannelTarget;
import de.javagl.jgltf.impl.v2.AnimationSampler;
import de.javagl.jgltf.impl.v2.GlTF;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

import java.util.Arrays;

/**
 * One animation keyed on every frame, interpolated linearly (slerp for rotations), all channels
 * sharing one time accessor: node translations and node rotations per frame.
 */
final class MotionAnimation {

    /** Our own skeleton's nodes (node j = joint j): the root node's translation and every joint's rotation. */
    static void add(GlTF gltf, GlbBuffer buffer, Motion motion, String name) {
        int[] nodes = new int[motion.skeleton().size()];
        Arrays.setAll(nodes, j -> j);
        Vec3[][] roots = new Vec3[motion.frameCount()][];
        Quat[][] rotations = new Quat[motion.frameCount()][];
        for (int f = 0; f < roots.length; f++) {
            roots[f] = new Vec3[]{motion.rootPositions()[f]};
            rotations[f] = motion.rotations().frame(f);
        }
        add(gltf, buffer, name, motion.fps(), nodes, roots, rotations);
    }

    /**
     * Channels for {@code nodes}: {@code translations[f][i]} for the first nodes (as many as each
     * frame's array holds), {@code rotations[f][i]} for all of them.
     */
    static void add(GlTF gltf, GlbBuffer buffer, String name, double fps, int[] nodes, Vec3[][] translations, Quat[][] rotations) {
        int frames = rotations.length;
        float[] times = new float[frames];
        for (int f = 0; f < frames; f++) {
            times[f] = (float) (f / fps);
        }
        int input = buffer.floats(times, "SCALAR", null, true);
        Animation animation = new Animation();
        animation.setName(name);
        for (int i = 0; i < translations[0].length; i++) {
            float[] values = new float[3 * frames];
            for (int f = 0; f < frames; f++) {
                System.arraycopy(JointNodes.floats(translations[f][i]), 0, values, 3 * f, 3);
            }
            addChannel(animation, input, buffer.floats(values, "VEC3", null, false), nodes[i], "translation");
        }
        for (int i = 0; i < nodes.length; i++) {
            addChannel(animation, input, buffer.floats(rotations(rotations, i), "VEC4", null, false), nodes[i], "rotation");
        }
        gltf.addAnimations(animation);
    }

    /**
     * A node's rotations as [x, y, z, w] per frame, each in the hemisphere of the one before:
     * readers slerp between keys, and q and −q would take the long way round.
     */
    private static float[] rotations(Quat[][] rotations, int node) {
        float[] out = new float[4 * rotations.length];
        Quat previous = Quat.IDENTITY;
        for (int f = 0; f < rotations.length; f++) {
            Quat q = rotations[f][node].normalized().nearTo(previous);
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
