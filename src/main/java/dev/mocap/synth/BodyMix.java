package dev.mocap.synth;

import dev.mocap.body.Vec3;

import static dev.mocap.synth.BodyPoints.L_HIP;
import static dev.mocap.synth.BodyPoints.NECK;
import static dev.mocap.synth.BodyPoints.R_HIP;

/**
 * A training body made of two clips: the legs and the path of one, the upper body (shoulders,
 * arms, neck and head) of the other, carried by the first one's pelvis. Each frame's upper body
 * keeps its lean against the world and its twist against its own pelvis; it turns with the
 * pelvis it is put on. Only where both torsos stay near upright does the mix stay plausible (a
 * cartwheel's arms on a walk's legs do not), so other pairs are refused.
 */
final class BodyMix {
    /** The largest angle between the hips-to-neck line and the vertical, in either clip, on any frame. */
    private static final double MAX_LEAN = Math.toRadians(35);

    private BodyMix() {
    }

    /** The legs of {@code legs} with the upper body of {@code upper} (frames paired by index), or null where not plausible. */
    static Vec3[][] of(Vec3[][] legs, Vec3[][] upper) {
        if (upper.length < legs.length) {
            return null;
        }
        Vec3[][] out = new Vec3[legs.length][];
        for (int k = 0; k < legs.length; k++) {
            Vec3[] a = legs[k], b = upper[k];
            if (lean(a) > MAX_LEAN || lean(b) > MAX_LEAN) {
                return null;
            }
            Vec3 hipA = BodyPoints.midHip(a), hipB = BodyPoints.midHip(b);
            double turn = heading(a) - heading(b);
            out[k] = a.clone();
            for (int p = BodyPoints.L_SHOULDER; p < BodyPoints.COUNT; p++) {
                out[k][p] = hipA.plus(aboutVertical(b[p].minus(hipB), turn));
            }
        }
        return out;
    }

    private static double lean(Vec3[] p) {
        Vec3 spine = p[NECK].minus(BodyPoints.midHip(p));
        return Math.acos(Math.max(-1, Math.min(1, spine.y() / spine.length())));
    }

    /** The direction of the hip line in the floor's plane (radians about the vertical). */
    private static double heading(Vec3[] p) {
        Vec3 across = p[R_HIP].minus(p[L_HIP]);
        return Math.atan2(across.x(), across.z());
    }

    private static Vec3 aboutVertical(Vec3 v, double angle) {
        double c = Math.cos(angle), s = Math.sin(angle);
        return new Vec3(c * v.x() + s * v.z(), v.y(), -s * v.x() + c * v.z());
    }
}
