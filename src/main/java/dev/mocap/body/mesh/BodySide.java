package dev.mocap.body.mesh;

import dev.mocap.body.Smpl24;

/**
 * The side of the body a part of the mannequin belongs to, with the colour it is shown in, so
 * that left and right can be told apart in any viewer. The right side is built as the mirror
 * image of the left: its joints are the left joints' mirror partners, and its loops of vertices
 * run the other way round so that faces still point outwards.
 */
public enum BodySide {
    CENTRE(0.75, 0.75, 0.72),
    /** The subject's left (+X): blue. */
    LEFT(0.16, 0.42, 0.86),
    /** The subject's right (−X): orange. */
    RIGHT(0.93, 0.45, 0.12);

    private final double red, green, blue;

    BodySide(double red, double green, double blue) {
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    /** Display colour, linear RGB in [0, 1]. */
    public double[] rgb() {
        return new double[]{red, green, blue};
    }

    /** +1 on the left, −1 on the right: the sign of X on this side. */
    int sign() {
        return this == RIGHT ? -1 : 1;
    }

    /** The joint on this side that corresponds to a left-side joint. */
    int joint(int leftJoint) {
        return this == RIGHT ? Smpl24.mirror(leftJoint) : leftJoint;
    }

    /**
     * The angles (degrees, counter-clockwise about a tube's axis) of a loop described for the
     * left side: on the right, mirrored, and in reverse order so the loop stays counter-clockwise.
     */
    double[] angles(double[] leftAngles) {
        double[] angles = new double[leftAngles.length];
        for (int i = 0; i < angles.length; i++) {
            angles[i] = this == RIGHT ? -leftAngles[angles.length - 1 - i] : leftAngles[i];
        }
        return angles;
    }

    /** A loop of vertices listed for the left side, reversed on the right to stay counter-clockwise. */
    int[] loop(int[] leftOrder) {
        int[] loop = new int[leftOrder.length];
        for (int i = 0; i < loop.length; i++) {
            loop[i] = leftOrder[this == RIGHT ? loop.length - 1 - i : i];
        }
        return loop;
    }
}
