package dev.mocap.preview;

import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.BodySide;
import dev.mocap.body.mesh.SkinnedMesh;

import static dev.mocap.body.Smpl24.*;

/**
 * How the mannequin is coloured. {@link #SIDES} tells left from right at a glance (the preview's
 * look); {@link #PERSON} dresses it as a person (skin, hair, a face, T-shirt, trousers, shoes) so that a
 * person detector trained on real people takes the rendered sample clip for one.
 */
public enum BodyLook {
    SIDES, PERSON;

    private static final float[] SKIN = {0.80f, 0.57f, 0.43f}, HAIR = {0.16f, 0.10f, 0.06f}, SHIRT = {0.72f, 0.16f, 0.14f},
            TROUSERS = {0.16f, 0.22f, 0.38f}, SHOES = {0.12f, 0.12f, 0.12f}, EYES = {0.06f, 0.05f, 0.05f}, LIPS = {0.62f, 0.25f, 0.25f};

    /** RGB in [0, 1] for every vertex of the mesh (three floats a vertex). */
    public float[] vertexColours(SkinnedMesh mesh, Skeleton skeleton) {
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
        Vec3 head = skeleton.restPositions()[HEAD];
        double size = skeleton.endSites()[HEAD] == null ? 0.16 : skeleton.endSites()[HEAD].length();
        for (int v = 0; v < mesh.vertexCount(); v++) {
            int joint = mesh.joint(v, 0);
            set(rgb, v, joint == HEAD ? head(mesh.positions()[v].minus(head).times(1 / size)) : clothing(joint));
        }
        return rgb;
    }

    /**
     * The head's colour at a point relative to the head joint, in head-top heights: hair on the
     * crown and the back, dark eyes and brows and red lips on the face. Without a face the
     * detector takes the figure for someone seen from behind and swaps left and right.
     */
    private static float[] head(Vec3 p) {
        double x = Math.abs(p.x()), y = p.y();
        if (y > 0.68 || p.z() < -0.12) {
            return HAIR;
        }
        if (p.z() > 0.2) {
            if (y > 0.36 && y < 0.52 && x > 0.13 && x < 0.27) {
                return EYES;
            }
            if (y > 0.55 && y < 0.63 && x > 0.09 && x < 0.24) {
                return HAIR;
            }
            if (y > -0.08 && y < 0.06 && x < 0.12) {
                return LIPS;
            }
        }
        return SKIN;
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
