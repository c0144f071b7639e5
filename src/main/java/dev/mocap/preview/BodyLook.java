package dev.mocap.preview;

import dev.mocap.body.mesh.BodySide;
import dev.mocap.body.mesh.SkinnedMesh;

import static dev.mocap.body.Smpl24.*;

/**
 * How the mannequin is coloured. {@link #SIDES} tells left from right at a glance (the preview's
 * look); {@link #PERSON} dresses it as a person (skin, hair, T-shirt, trousers, shoes) so that a
 * person detector trained on real people takes the rendered sample clip for one.
 */
public enum BodyLook {
    SIDES, PERSON;

    private static final float[] SKIN = {0.80f, 0.57f, 0.43f}, HAIR = {0.16f, 0.10f, 0.06f}, SHIRT = {0.72f, 0.16f, 0.14f},
            TROUSERS = {0.16f, 0.22f, 0.38f}, SHOES = {0.12f, 0.12f, 0.12f};

    /** RGB in [0, 1] for every vertex of the mesh (three floats a vertex). */
    public float[] vertexColours(SkinnedMesh mesh) {
        float[] rgb = new float[3 * mesh.vertexCount()];
        if (this == SIDES) {
            for (int t = 0; t < mesh.triangleCount(); t++) {
                double[] c = mesh.sides()[t].rgb();
                for (int k = 0; k < 3; k++) {
                    int v = mesh.triangles()[3 * t + k];
                    if (mesh.sides()[t] != BodySide.CENTRE || rgb[3 * v] == 0) {
                        set(rgb, v, new float[]{(float) c[0], (float) c[1], (float) c[2]});
                    }
                }
            }
            return rgb;
        }
        double headY = 0, headZ = 0;
        int headVertices = 0;
        for (int v = 0; v < mesh.vertexCount(); v++) {
            if (mesh.joint(v, 0) == HEAD) {
                headY += mesh.positions()[v].y();
                headZ += mesh.positions()[v].z();
                headVertices++;
            }
        }
        headY /= Math.max(1, headVertices);
        headZ /= Math.max(1, headVertices);
        for (int v = 0; v < mesh.vertexCount(); v++) {
            int joint = mesh.joint(v, 0);
            boolean hair = joint == HEAD && (mesh.positions()[v].y() > headY + 0.02 || mesh.positions()[v].z() < headZ - 0.03);
            set(rgb, v, hair ? HAIR : clothing(joint));
        }
        return rgb;
    }

    /** What covers the body part that moves with a joint: short sleeves, long trousers. */
    private static float[] clothing(int joint) {
        return switch (joint) {
            case HEAD, NECK, LEFT_ELBOW, RIGHT_ELBOW, LEFT_WRIST, RIGHT_WRIST, LEFT_HAND, RIGHT_HAND -> SKIN;
            case PELVIS, LEFT_HIP, RIGHT_HIP, LEFT_KNEE, RIGHT_KNEE -> TROUSERS;
            case LEFT_ANKLE, RIGHT_ANKLE, LEFT_FOOT, RIGHT_FOOT -> SHOES;
            default -> SHIRT;
        };
    }

    private static void set(float[] rgb, int vertex, float[] colour) {
        System.arraycopy(colour, 0, rgb, 3 * vertex, 3);
    }
}
