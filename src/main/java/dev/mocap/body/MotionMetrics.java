package dev.mocap.body;

/**
 * Quality figures of a motion that need no reference: jitter as the mean joint acceleration,
 * foot sliding on the frames where a foot is planted, and how far feet sink below the floor
 * (y = 0), for an SMPL-24 motion in any joint order. Units are millimetres and frames, as in
 * the literature (mm/frame²).
 *
 * @param accelMmPerFrame2        mean |p(t+1) − 2p(t) + p(t−1)| over joints and frames
 * @param footSlidingMmPerFrame   mean horizontal motion of a planted foot between frames
 * @param groundPenetrationMm     mean depth of feet below the floor, over frames where they are below
 * @param contactFraction         share of foot-frames counted as planted
 */
public record MotionMetrics(double accelMmPerFrame2, double footSlidingMmPerFrame, double groundPenetrationMm,
                            double contactFraction) {

    public static MotionMetrics of(Motion motion) {
        int n = motion.frameCount();
        Vec3[][] p = new Vec3[n][];
        for (int f = 0; f < n; f++) {
            p[f] = motion.jointPositions(f);
        }
        FootContacts contacts = motion.contacts() != null ? motion.contacts() : FootContactDetector.detect(motion);
        Leg left = Leg.left(motion.skeleton()), right = Leg.right(motion.skeleton());
        return new MotionMetrics(acceleration(p), sliding(p, contacts, left.foot(), right.foot()),
                penetration(p, new int[]{left.foot(), right.foot(), left.ankle(), right.ankle()}), fraction(contacts));
    }

    private static double acceleration(Vec3[][] p) {
        double sum = 0;
        long count = 0;
        for (int f = 1; f + 1 < p.length; f++) {
            for (int j = 0; j < p[f].length; j++) {
                sum += p[f + 1][j].minus(p[f][j].times(2)).plus(p[f - 1][j]).length();
                count++;
            }
        }
        return count == 0 ? 0 : 1000 * sum / count;
    }

    private static double sliding(Vec3[][] p, FootContacts contacts, int leftFoot, int rightFoot) {
        double sum = 0;
        long count = 0;
        for (int f = 1; f < p.length; f++) {
            for (int side = 0; side < 2; side++) {
                boolean[] planted = side == 0 ? contacts.left() : contacts.right();
                if (planted[f] && planted[f - 1]) {
                    int foot = side == 0 ? leftFoot : rightFoot;
                    Vec3 d = p[f][foot].minus(p[f - 1][foot]);
                    sum += Math.hypot(d.x(), d.z());
                    count++;
                }
            }
        }
        return count == 0 ? 0 : 1000 * sum / count;
    }

    private static double penetration(Vec3[][] p, int[] feet) {
        double sum = 0;
        long count = 0;
        for (Vec3[] frame : p) {
            for (int foot : feet) {
                if (frame[foot].y() < 0) {
                    sum -= frame[foot].y();
                    count++;
                }
            }
        }
        return count == 0 ? 0 : 1000 * sum / count;
    }

    private static double fraction(FootContacts c) {
        int planted = 0;
        for (int f = 0; f < c.frameCount(); f++) {
            planted += (c.left()[f] ? 1 : 0) + (c.right()[f] ? 1 : 0);
        }
        return c.frameCount() == 0 ? 0 : planted / (2.0 * c.frameCount());
    }
}
