package dev.mocap.synth;

import dev.mocap.body.Vec3;

import java.util.Random;

import static dev.mocap.synth.BodyPoints.*;

/**
 * A change of body: stature, and thigh, shin, torso, upper-arm and forearm lengths and hip and
 * shoulder widths each scaled within human range. Applied to body points frame by frame; the
 * body is then lifted or lowered so that its lowest foot point stays where it was (planted feet
 * stay on the floor).
 */
record Proportions(double stature, double thigh, double shin, double torso, double upperArm, double forearm, double hipWidth,
                   double shoulderWidth) {

    static Proportions random(Random random) {
        return new Proportions(1.5 + 0.5 * random.nextDouble(), around(random, 0.07), around(random, 0.07),
                around(random, 0.07), around(random, 0.08), around(random, 0.08), around(random, 0.1), around(random, 0.1));
    }

    private static double around(Random random, double spread) {
        return 1 + spread * (2 * random.nextDouble() - 1);
    }

    Vec3[][] apply(Vec3[][] points) {
        Vec3[][] out = new Vec3[points.length][];
        double scale = stature / CorpusClip.STATURE;
        for (int k = 0; k < points.length; k++) {
            Vec3[] p = points[k], q = new Vec3[COUNT];
            Vec3 hip = midHip(p);
            for (int[] leg : new int[][]{{L_HIP, L_KNEE, L_ANKLE, L_TOE}, {R_HIP, R_KNEE, R_ANKLE, R_TOE}}) {
                q[leg[0]] = hip.plus(p[leg[0]].minus(hip).times(hipWidth));
                q[leg[1]] = q[leg[0]].plus(p[leg[1]].minus(p[leg[0]]).times(thigh));
                q[leg[2]] = q[leg[1]].plus(p[leg[2]].minus(p[leg[1]]).times(shin));
                q[leg[3]] = q[leg[2]].plus(p[leg[3]].minus(p[leg[2]]));
            }
            Vec3 shoulders = p[L_SHOULDER].lerp(p[R_SHOULDER], 0.5);
            Vec3 newShoulders = hip.plus(shoulders.minus(hip).times(torso));
            q[NECK] = newShoulders.plus(p[NECK].minus(shoulders));
            q[HEAD] = q[NECK].plus(p[HEAD].minus(p[NECK]));
            for (int[] arm : new int[][]{{L_SHOULDER, L_ELBOW, L_WRIST, L_HAND}, {R_SHOULDER, R_ELBOW, R_WRIST, R_HAND}}) {
                q[arm[0]] = newShoulders.plus(p[arm[0]].minus(shoulders).times(shoulderWidth));
                q[arm[1]] = q[arm[0]].plus(p[arm[1]].minus(p[arm[0]]).times(upperArm));
                q[arm[2]] = q[arm[1]].plus(p[arm[2]].minus(p[arm[1]]).times(forearm));
                q[arm[3]] = q[arm[2]].plus(p[arm[3]].minus(p[arm[2]]));
            }
            Vec3 lift = new Vec3(0, lowestFoot(p) - lowestFoot(q), 0);
            for (int i = 0; i < COUNT; i++) {
                q[i] = q[i].plus(lift).times(scale);
            }
            out[k] = q;
        }
        return out;
    }

    private static double lowestFoot(Vec3[] p) {
        return Math.min(Math.min(p[L_ANKLE].y(), p[L_TOE].y()), Math.min(p[R_ANKLE].y(), p[R_TOE].y()));
    }
}
