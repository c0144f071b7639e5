package dev.mocap.format.gltf;

import de.javagl.jgltf.impl.v2.GlTF;
import de.javagl.jgltf.impl.v2.Node;
import de.javagl.jgltf.impl.v2.Skin;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;
import dev.mocap.format.BindPose;

/**
 * The skeleton as glTF nodes: node j is joint j, translated from its parent by the rest offset
 * (the root standing on the floor, as in {@link BindPose}), without rest rotations. A skin over
 * all of them, with inverse bind matrices, makes readers treat them as bones even without a mesh.
 */
final class JointNodes {

    /** Adds the joint nodes (indices 0 … n − 1) and skin 0. */
    static void add(GlTF gltf, GlbBuffer buffer, Skeleton skeleton) {
        Vec3[] bind = BindPose.jointPositions(skeleton);
        Skin skin = new Skin();
        for (int j = 0; j < skeleton.size(); j++) {
            Node node = new Node();
            node.setName(skeleton.name(j));
            node.setTranslation(floats(j == 0 ? bind[0] : skeleton.offset(j)));
            for (int child : skeleton.children(j)) {
                node.addChildren(child);
            }
            gltf.addNodes(node);
            skin.addJoints(j);
        }
        skin.setSkeleton(0);
        skin.setInverseBindMatrices(buffer.floats(inverseBindMatrices(bind), "MAT4", null, false));
        gltf.addSkins(skin);
    }

    /** Column-major inverses of the bind world transforms: pure translations, rest frames being world-aligned. */
    private static float[] inverseBindMatrices(Vec3[] bind) {
        float[] m = new float[16 * bind.length];
        for (int j = 0; j < bind.length; j++) {
            int o = 16 * j;
            m[o] = m[o + 5] = m[o + 10] = m[o + 15] = 1;
            m[o + 12] = (float) -bind[j].x();
            m[o + 13] = (float) -bind[j].y();
            m[o + 14] = (float) -bind[j].z();
        }
        return m;
    }

    static float[] floats(Vec3 v) {
        return new float[]{(float) v.x(), (float) v.y(), (float) v.z()};
    }

    private JointNodes() {
    }
}
