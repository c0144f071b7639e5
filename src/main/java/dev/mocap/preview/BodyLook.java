package dev.mocap.preview;

import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.BodySide;
import dev.mocap.body.mesh.SkinnedMesh;

import static dev.mocap.body.Smpl24.*;

/**
 * How the mannequin is coloured. {@link #SIDES} tells left from right at a glance (the preview's
 * look); {@link #PERSON} dresses it as a person (skin, hair, a face, T-shirt, trousers, shoes) so that a
 * person detector trained on real people takes the rendered sample clip for one; {@link #dressed}
 * dresses it in any other outfit.
 */
public final class BodyLook {
    /**
     * A person's colours (RGB in [0, 1]) and cut: long sleeves cover the forearms, shorts leave
     * the shins bare.
     */
    public record Outfit(float[] skin, float[] hair, float[] shirt, float[] trousers, float[] shoes, boolean longSleeves,
                         boolean shorts) {
    }

    private static final float[] EYES = {0.06f, 0.05f, 0.05f}, LIPS = {0.62f, 0.25f, 0.25f};
    public static final BodyLook SIDES = new BodyLook(null);
    public static final BodyLook PERSON = dressed(new Outfit(new float[]{0.80f, 0.57f, 0.43f}, new float[]{0.16f, 0.10f, 0.06f},
            new float[]{0.72f, 0.16f, 0.14f}, new float[]{0.16f, 0.22f, 0.38f}, new float[]{0.12f, 0.12f, 0.12f}, false, false));

    private final Outfit outfit;

    private BodyLook(Outfit outfit) {
        this.outfit = outfit;
    }

    public static BodyLook dressed(Outfit outfit) {
        return new BodyLook(outfit);
    }

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
    private float[] head(Vec3 p) {
        double x = Math.abs(p.x()), y = p.y();
        if (y > 0.68 || p.z() < -0.12) {
            return outfit.hair();
        }
        if (p.z() > 0.2) {
            if (y > 0.36 && y < 0.52 && x > 0.13 && x < 0.27) {
                return EYES;
            }
            if (y > 0.55 && y < 0.63 && x > 0.09 && x < 0.24) {
                return outfit.hair();
            }
            if (y > -0.08 && y < 0.06 && x < 0.12) {
                return LIPS;
            }
        }
        return outfit.skin();
    }

    /** What covers the body part that moves with a joint. */
    private float[] clothing(int joint) {
        return switch (joint) {
            case HEAD, NECK, LEFT_WRIST, RIGHT_WRIST, LEFT_HAND, RIGHT_HAND -> outfit.skin();
            case LEFT_ELBOW, RIGHT_ELBOW -> outfit.longSleeves() ? outfit.shirt() : outfit.skin();
            case PELVIS, LEFT_HIP, RIGHT_HIP -> outfit.trousers();
            case LEFT_KNEE, RIGHT_KNEE -> outfit.shorts() ? outfit.skin() : outfit.trousers();
            case LEFT_ANKLE, RIGHT_ANKLE, LEFT_FOOT, RIGHT_FOOT -> outfit.shoes();
            default -> outfit.shirt();
        };
    }

    private static void set(float[] rgb, int vertex, float[] colour) {
        System.arraycopy(colour, 0, rgb, 3 * vertex, 3);
    }
}
