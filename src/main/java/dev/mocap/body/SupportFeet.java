package dev.mocap.body;

/**
 * Which foot carries the body in each frame, judged from the motion alone and not from the
 * contacts a tool found (which a foot lock then makes perfect by construction). Used where
 * nothing better is known: a BVH without its video.
 *
 * <p>Definition. A foot's sole height is the lower of its ball joint and its ankle brought down
 * by the ankle's rest height above the ball (a heel proxy), so a flat foot, a foot on its toes
 * and a foot on its heel all read the height of what touches the ground. In each frame the foot
 * with the lower sole supports the body, and so does the other one when its sole is within
 * {@value #BOTH_WITHIN_M} m of it (double support), unless the foot moves up or down faster than
 * {@value #MAX_VERTICAL_SPEED} m/s (a foot being set down or lifted, or the body in flight).
 * Nothing here depends on how high the floor is: a person standing 20 cm above the floor still
 * has a support foot, and its sliding still counts.
 *
 * @param left   per frame, the left foot supports
 * @param right  per frame, the right foot supports
 * @param lowest per frame, the lower sole height above the floor (y = 0), metres
 */
public record SupportFeet(boolean[] left, boolean[] right, double[] lowest) {
    static final double BOTH_WITHIN_M = 0.01;
    static final double MAX_VERTICAL_SPEED = 0.25;

    public static SupportFeet of(Motion motion) {
        int n = motion.frameCount();
        double[][] sole = soleHeights(motion);
        boolean[] left = new boolean[n], right = new boolean[n];
        double[] lowest = new double[n];
        for (int f = 0; f < n; f++) {
            lowest[f] = Math.min(sole[0][f], sole[1][f]);
            left[f] = sole[0][f] <= lowest[f] + BOTH_WITHIN_M && steady(sole[0], f, motion.fps());
            right[f] = sole[1][f] <= lowest[f] + BOTH_WITHIN_M && steady(sole[1], f, motion.fps());
        }
        return new SupportFeet(left, right, lowest);
    }

    /** Sole heights above y = 0, [0] left and [1] right foot, per frame (see the class comment). */
    public static double[][] soleHeights(Motion motion) {
        Skeleton s = motion.skeleton();
        Leg[] legs = {Leg.left(s), Leg.right(s)};
        Vec3[] rest = s.restPositions();
        double[][] sole = new double[2][motion.frameCount()];
        for (int f = 0; f < motion.frameCount(); f++) {
            Vec3[] p = motion.jointPositions(f);
            for (int side = 0; side < 2; side++) {
                Leg leg = legs[side];
                double ankleAboveBall = rest[leg.ankle()].y() - rest[leg.foot()].y();
                sole[side][f] = Math.min(p[leg.foot()].y(), p[leg.ankle()].y() - ankleAboveBall);
            }
        }
        return sole;
    }

    /** Vertical speed from the neighbouring frames (one-sided at the ends) below {@link #MAX_VERTICAL_SPEED}. */
    private static boolean steady(double[] height, int f, double fps) {
        int a = Math.max(f - 1, 0), b = Math.min(f + 1, height.length - 1);
        return b == a || Math.abs(height[b] - height[a]) * fps / (b - a) < MAX_VERTICAL_SPEED;
    }

    public int frameCount() {
        return lowest.length;
    }

    public boolean supports(int side, int frame) {
        return side == 0 ? left[frame] : right[frame];
    }
}
