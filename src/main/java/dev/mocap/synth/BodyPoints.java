package dev.mocap.synth;

import dev.mocap.body.Vec3;

/**
 * The joint centres every mocap skeleton family provides, per frame, in metres with Y up:
 * what the synthetic landmarks are placed from. Left is the subject's left.
 */
public final class BodyPoints {
    public static final int L_HIP = 0, R_HIP = 1, L_KNEE = 2, R_KNEE = 3, L_ANKLE = 4, R_ANKLE = 5, L_TOE = 6, R_TOE = 7,
            L_SHOULDER = 8, R_SHOULDER = 9, L_ELBOW = 10, R_ELBOW = 11, L_WRIST = 12, R_WRIST = 13, L_HAND = 14, R_HAND = 15,
            NECK = 16, HEAD = 17, COUNT = 18;

    /** Each point's mirror partner (left ↔ right; neck and head are their own). */
    static final int[] MIRROR = {R_HIP, L_HIP, R_KNEE, L_KNEE, R_ANKLE, L_ANKLE, R_TOE, L_TOE, R_SHOULDER, L_SHOULDER,
            R_ELBOW, L_ELBOW, R_WRIST, L_WRIST, R_HAND, L_HAND, NECK, HEAD};

    /** Hip-to-ankle leg length as a fraction of stature (adult average). */
    static final double LEG_FRACTION = 0.49;

    private BodyPoints() {
    }

    /** Stature estimated from the legs: the families differ in where the head joint sits, not in leg joints. */
    static double stature(Vec3[] p) {
        double left = p[L_HIP].distance(p[L_KNEE]) + p[L_KNEE].distance(p[L_ANKLE]);
        double right = p[R_HIP].distance(p[R_KNEE]) + p[R_KNEE].distance(p[R_ANKLE]);
        return (left + right) / 2 / LEG_FRACTION;
    }

    static Vec3 midHip(Vec3[] p) {
        return p[L_HIP].lerp(p[R_HIP], 0.5);
    }
}
