package dev.mocap.body;

/**
 * Finds planted feet of an SMPL-24 motion (joints found by name) from the ball of each foot: planted while it is low
 * (near the lowest level it reaches in the clip) and slow, with hysteresis so that a contact
 * neither flickers on and off nor ends at one noisy frame.
 */
public final class FootContactDetector {
    /** Enter contact below this height above the foot's lowest level, leave above the second. */
    private static final double ENTER_HEIGHT = 0.05, LEAVE_HEIGHT = 0.08;
    /** Enter contact below this horizontal speed (m/s), leave above the second. */
    private static final double ENTER_SPEED = 0.35, LEAVE_SPEED = 0.6;

    public static FootContacts detect(Motion motion) {
        return new FootContacts(detect(motion, Leg.left(motion.skeleton()).foot()), detect(motion, Leg.right(motion.skeleton()).foot()));
    }

    private static boolean[] detect(Motion motion, int foot) {
        int n = motion.frameCount();
        Vec3[] p = new Vec3[n];
        double lowest = Double.POSITIVE_INFINITY;
        for (int f = 0; f < n; f++) {
            p[f] = motion.jointPositions(f)[foot];
            lowest = Math.min(lowest, p[f].y());
        }
        boolean[] planted = new boolean[n];
        boolean on = false;
        for (int f = 0; f < n; f++) {
            Vec3 before = p[Math.max(f - 1, 0)], after = p[Math.min(f + 1, n - 1)];
            int span = Math.min(f + 1, n - 1) - Math.max(f - 1, 0);
            double speed = span == 0 ? 0 : Math.hypot(after.x() - before.x(), after.z() - before.z()) * motion.fps() / span;
            double height = p[f].y() - lowest;
            on = on ? height < LEAVE_HEIGHT && speed < LEAVE_SPEED : height < ENTER_HEIGHT && speed < ENTER_SPEED;
            planted[f] = on;
        }
        return planted;
    }

    private FootContactDetector() {
    }
}
