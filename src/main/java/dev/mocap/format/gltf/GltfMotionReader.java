package dev.mocap.format.gltf;

import de.javagl.jgltf.model.AccessorFloatData;
import de.javagl.jgltf.model.AccessorModel;
import de.javagl.jgltf.model.AnimationModel;
import de.javagl.jgltf.model.GltfModel;
import de.javagl.jgltf.model.NodeModel;
import de.javagl.jgltf.model.SkinModel;
import de.javagl.jgltf.model.io.GltfModelReader;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back a motion from a GLB the tool wrote ({@link GltfExporter}, without a character):
 * the joints of its skin, their rest offsets from the node translations, and its first
 * animation keyed on every frame. Files from elsewhere, whose joints carry rest rotations, are
 * refused: their rotations would not mean the same on world-aligned rest frames.
 */
public final class GltfMotionReader {
    private static final double REST_TOLERANCE = 1e-6;

    public static Motion read(Path file) throws IOException {
        GltfModel model;
        try {
            model = new GltfModelReader().read(file);
        } catch (IOException | RuntimeException e) {
            throw new IOException("not a readable glTF file: " + e.getMessage(), e);
        }
        if (model.getSkinModels().isEmpty() || model.getAnimationModels().isEmpty()) {
            throw new IOException("no skinned skeleton with an animation in it");
        }
        List<NodeModel> joints = model.getSkinModels().get(0).getJoints();
        Skeleton skeleton = skeleton(joints);
        AnimationModel animation = model.getAnimationModels().get(0);
        float[] times = null;
        float[] rootPath = null;
        float[][] turns = new float[joints.size()][];
        for (AnimationModel.Channel channel : animation.getChannels()) {
            int joint = joints.indexOf(channel.getNodeModel());
            if (joint < 0) {
                continue;
            }
            times = times != null ? times : floats(channel.getSampler().getInput());
            float[] values = floats(channel.getSampler().getOutput());
            if (channel.getPath().equals("rotation")) {
                turns[joint] = values;
            } else if (channel.getPath().equals("translation") && joint == 0) {
                rootPath = values;
            }
        }
        if (times == null || times.length < 1) {
            throw new IOException("its animation has no keys on the skeleton");
        }
        int frames = times.length;
        Vec3[] roots = new Vec3[frames];
        Quat[][] rotations = new Quat[frames][joints.size()];
        for (int f = 0; f < frames; f++) {
            roots[f] = rootPath != null && rootPath.length >= 3 * frames
                    ? new Vec3(rootPath[3 * f], rootPath[3 * f + 1], rootPath[3 * f + 2]) : vector(joints.get(0).getTranslation());
            for (int j = 0; j < joints.size(); j++) {
                float[] q = turns[j];
                rotations[f][j] = q != null && q.length >= 4 * frames
                        ? new Quat(q[4 * f + 3], q[4 * f], q[4 * f + 1], q[4 * f + 2]).normalized() : Quat.IDENTITY;
            }
        }
        double fps = frames > 1 ? Math.round((frames - 1) / (times[frames - 1] - times[0]) * 1000) / 1000.0 : 30;
        return new Motion(skeleton, fps, roots, rotations);
    }

    private static Skeleton skeleton(List<NodeModel> joints) throws IOException {
        int n = joints.size();
        List<String> names = new ArrayList<>();
        int[] parents = new int[n];
        Vec3[] offsets = new Vec3[n];
        for (int j = 0; j < n; j++) {
            NodeModel node = joints.get(j);
            float[] r = node.getRotation();
            if (r != null && new Quat(r[3], r[0], r[1], r[2]).angle() > REST_TOLERANCE) {
                throw new IOException("joint " + node.getName() + " has a rest rotation: not a GLB written by mocap");
            }
            names.add(node.getName() != null ? node.getName() : "joint" + j);
            parents[j] = joints.indexOf(node.getParent());
            if (j == 0 ? parents[j] != -1 : parents[j] < 0 || parents[j] >= j) {
                throw new IOException("the skin's joints are not one tree listed parents first: not a GLB written by mocap");
            }
            offsets[j] = j == 0 ? Vec3.ZERO : vector(node.getTranslation());
        }
        return new Skeleton(names, parents, offsets, new Vec3[n]);
    }

    private static Vec3 vector(float[] t) {
        return t == null ? Vec3.ZERO : new Vec3(t[0], t[1], t[2]);
    }

    private static float[] floats(AccessorModel accessor) throws IOException {
        if (!(accessor.getAccessorData() instanceof AccessorFloatData data)) {
            throw new IOException("animation data that is not float");
        }
        float[] out = new float[data.getNumElements() * data.getNumComponentsPerElement()];
        for (int e = 0; e < data.getNumElements(); e++) {
            for (int c = 0; c < data.getNumComponentsPerElement(); c++) {
                out[e * data.getNumComponentsPerElement() + c] = data.get(e, c);
            }
        }
        return out;
    }

    private GltfMotionReader() {
    }
}
