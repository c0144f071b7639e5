package dev.mocap.synth;

import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;

import static dev.mocap.synth.BodyPoints.*;

/**
 * Where the 33 BlazePose landmarks sit on a body given by its {@link BodyPoints}: limb landmarks
 * on the joint centres, toes on the toe joint, heel behind and below the ankle along the foot,
 * knuckles and thumb around the hand, face points in a head frame built from the neck–head line
 * and the shoulder line. Offsets are for a {@value CorpusClip#STATURE} m body and scale with it.
 */
public final class LandmarkPlacement {
    private LandmarkPlacement() {
    }

    /** The 33 landmark positions (metres, Y up) of one frame of a body of the given stature. */
    public static Vec3[] place(Vec3[] p, double stature) {
        double s = stature / CorpusClip.STATURE;
        Vec3[] out = new Vec3[BlazePose.COUNT];
        out[BlazePose.LEFT_HIP] = p[L_HIP];
        out[BlazePose.RIGHT_HIP] = p[R_HIP];
        out[BlazePose.LEFT_KNEE] = p[L_KNEE];
        out[BlazePose.RIGHT_KNEE] = p[R_KNEE];
        out[BlazePose.LEFT_ANKLE] = p[L_ANKLE];
        out[BlazePose.RIGHT_ANKLE] = p[R_ANKLE];
        out[BlazePose.LEFT_FOOT_INDEX] = p[L_TOE];
        out[BlazePose.RIGHT_FOOT_INDEX] = p[R_TOE];
        out[BlazePose.LEFT_SHOULDER] = p[L_SHOULDER];
        out[BlazePose.RIGHT_SHOULDER] = p[R_SHOULDER];
        out[BlazePose.LEFT_ELBOW] = p[L_ELBOW];
        out[BlazePose.RIGHT_ELBOW] = p[R_ELBOW];
        out[BlazePose.LEFT_WRIST] = p[L_WRIST];
        out[BlazePose.RIGHT_WRIST] = p[R_WRIST];
        out[BlazePose.LEFT_HEEL] = heel(p[L_ANKLE], p[L_TOE], p[L_KNEE], s);
        out[BlazePose.RIGHT_HEEL] = heel(p[R_ANKLE], p[R_TOE], p[R_KNEE], s);
        Vec3 left = p[L_SHOULDER].minus(p[R_SHOULDER]).normalized();
        hand(out, p[L_WRIST], p[L_HAND], p[L_ELBOW], left, s, BlazePose.LEFT_INDEX, BlazePose.LEFT_PINKY, BlazePose.LEFT_THUMB);
        hand(out, p[R_WRIST], p[R_HAND], p[R_ELBOW], left.times(-1), s, BlazePose.RIGHT_INDEX, BlazePose.RIGHT_PINKY,
                BlazePose.RIGHT_THUMB);
        face(out, p[NECK], p[HEAD], left, s);
        return out;
    }

    private static Vec3 heel(Vec3 ankle, Vec3 toe, Vec3 knee, double s) {
        Vec3 forward = toe.minus(ankle).normalized();
        Vec3 up = knee.minus(ankle);
        up = up.minus(forward.times(up.dot(forward))).normalized();
        return ankle.plus(forward.times(-0.055 * s)).plus(up.times(-0.04 * s));
    }

    /** Knuckles and thumb: along the hand, spread to the thumb side (towards the body's front in a T-pose). */
    private static void hand(Vec3[] out, Vec3 wrist, Vec3 hand, Vec3 elbow, Vec3 outward, double s, int index, int pinky, int thumb) {
        Vec3 along = hand.minus(wrist).normalized();
        Vec3 bend = wrist.minus(elbow).normalized().cross(outward);
        Vec3 across = bend.minus(along.times(bend.dot(along)));
        across = across.length() > 1e-6 ? across.normalized() : along.cross(Vec3.Y).normalized();
        out[index] = wrist.plus(along.times(0.09 * s)).plus(across.times(0.025 * s));
        out[pinky] = wrist.plus(along.times(0.08 * s)).plus(across.times(-0.035 * s));
        out[thumb] = wrist.plus(along.times(0.05 * s)).plus(across.times(0.045 * s));
    }

    /** Face points in the head frame: up along neck → head, left along the shoulders, forward = left × up. */
    private static void face(Vec3[] out, Vec3 neck, Vec3 head, Vec3 leftHint, double s) {
        Vec3 up = head.minus(neck).normalized();
        Vec3 left = leftHint.minus(up.times(leftHint.dot(up))).normalized();
        Vec3 forward = left.cross(up);
        double[][] offsets = {
                {0, 0.0, 0.105}, {0.018, 0.035, 0.085}, {0.032, 0.035, 0.083}, {0.046, 0.035, 0.075},
                {-0.018, 0.035, 0.085}, {-0.032, 0.035, 0.083}, {-0.046, 0.035, 0.075},
                {0.075, 0.01, -0.005}, {-0.075, 0.01, -0.005}, {0.025, -0.04, 0.09}, {-0.025, -0.04, 0.09}};
        for (int i = 0; i < offsets.length; i++) {
            double[] o = offsets[i];
            out[i] = head.plus(left.times(o[0] * s)).plus(up.times(o[1] * s)).plus(forward.times(o[2] * s));
        }
    }
}
