package dev.mocap.body;

import java.util.Arrays;

/**
 * Finds planted feet of an SMPL-24 motion (joints found by name) from the ball of each foot: planted while it is low
 * (near the lowest level it reaches in the clip, or the floor's when that is far lower: see
 * {@link #MAX_HOVER}) and slow, with hysteresis so that a contact neither flickers on and off nor
 * ends at one noisy frame.
 */
public final class FootContactDetector {
    /** Enter contact below this height above the foot's lowest level, leave above the second. */
    private static final double ENTER_HEIGHT = 0.05, LEAVE_HEIGHT = 0.08;
    /** Enter contact below this horizontal speed (m/s), leave above the second. */
    private static final double ENTER_SPEED = 0.35, LEAVE_SPEED = 0.6;
    /**
     * A foot whose lowest level is at most this far (m) above the floor (the lowest either foot
     * reaches) hovers by a recovery error that foot locking puts right, and is measured from its
     * own lowest level; one held higher all along, as when standing on the other leg, from the floor.
     */
    private static final double MAX_HOVER = 0.1;

    public static FootContacts detect(Motion motion) {
        int n = motion.frameCount();
        Vec3[] left = new Vec3[n], right = new Vec3[n];
        int leftFoot = Leg.left(motion.skeleton()).foot(), rightFoot = Leg.right(motion.skeleton()).foot();
        for (int f = 0; f < n; f++) {
            Vec3[] joints = motion.jointPositions(f);
            left[f] = joints[leftFoot];
            right[f] = joints[rightFoot];
        }
        double lowestLeft = lowest(left), lowestRight = lowest(right), floor = Math.min(lowestLeft, lowestRight);
        return new FootContacts(detect(left, Math.min(lowestLeft, floor + MAX_HOVER), motion.fps()),
                detect(right, Math.min(lowestRight, floor + MAX_HOVER), motion.fps()));
    }

    private static double lowest(Vec3[] p) {
        return Arrays.stream(p).mapToDouble(Vec3::y).min().orElse(0);
    }

    private static boolean[] detect(Vec3[] p, double lowest, double fps) {
        int n = p.length;
        boolean[] planted = new boolean[n];
        boolean on = false;
        for (int f = 0; f < n; f++) {
            Vec3 before = p[Math.max(f - 1, 0)], after = p[Math.min(f + 1, n - 1)];
            int span = Math.min(f + 1, n - 1) - Math.max(f - 1, 0);
            double speed = span == 0 ? 0 : Math.hypot(after.x() - before.x(), after.z() - before.z()) * fps / span;
            double height = p[f].y() - lowest;
            on = on ? height < LEAVE_HEIGHT && speed < LEAVE_SPEED : height < ENTER_HEIGHT && speed < ENTER_SPEED;
            planted[f] = on;
        }
        return planted;
    }

    private FootContactDetector() {
    }
}
