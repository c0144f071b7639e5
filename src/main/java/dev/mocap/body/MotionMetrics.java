package dev.mocap.body;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Quality figures of an SMPL-24 motion (any joint order) that need nothing but the motion: jitter
 * as the mean joint acceleration, foot sliding and the height of the feet above the floor
 * (y = 0) judged on the feet that carry the body ({@link SupportFeet}), not on the frames the
 * tool itself called planted, which foot locking makes perfect by construction. Units are
 * millimetres and frames, as in the literature (mm/frame²).
 *
 * @param accelMmPerFrame2      mean |p(t+1) − 2p(t) + p(t−1)| over joints and frames
 * @param footSlidingMmPerFrame mean horizontal motion of the ball of a supporting foot between two frames in which it supports
 * @param groundPenetrationMm   mean depth of feet below the floor, over frames where they are below
 * @param contactFraction       share of foot-frames the motion's contacts (else {@link FootContactDetector}) call planted
 * @param lowestFootMm          median over frames of the lower sole's height above the floor
 * @param lowestFootP90Mm       90th percentile of the same: how high the feet float in the worst tenth
 * @param warnings              figures that are implausible for the motion, in words
 */
public record MotionMetrics(double accelMmPerFrame2, double footSlidingMmPerFrame, double groundPenetrationMm,
                            double contactFraction, double lowestFootMm, double lowestFootP90Mm, List<String> warnings) {
    /** Below this horizontal pelvis speed (m/s), over this many seconds either side, the body counts as standing. */
    private static final double STANDING_SPEED = 0.2, STANDING_WINDOW_S = 0.25;

    public static MotionMetrics of(Motion motion) {
        JointPaths p = JointPaths.of(motion);
        FootContacts contacts = motion.contacts() != null ? motion.contacts() : FootContactDetector.detect(motion);
        SupportFeet support = SupportFeet.of(motion);
        Leg left = Leg.left(motion.skeleton()), right = Leg.right(motion.skeleton());
        double[] lowest = support.lowest().clone();
        Arrays.sort(lowest);
        List<String> warnings = new ArrayList<>();
        standingWithoutContacts(p, contacts, motion.fps()).ifPresent(warnings::add);
        return new MotionMetrics(acceleration(p), sliding(p, new FootContacts(support.left(), support.right()), left.foot(), right.foot()),
                penetration(p, new int[]{left.foot(), right.foot(), left.ankle(), right.ankle()}), plantedFraction(contacts),
                1000 * percentile(lowest, 0.5), 1000 * percentile(lowest, 0.9), List.copyOf(warnings));
    }

    /**
     * Mean horizontal motion (mm/frame) of the ball of each foot between two frames in which
     * {@code on} holds for it: the one definition of sliding, whatever says where a foot is down.
     */
    public static double slidingMmPerFrame(Motion motion, FootContacts on) {
        return sliding(JointPaths.of(motion), on, Leg.left(motion.skeleton()).foot(), Leg.right(motion.skeleton()).foot());
    }

    private static double acceleration(JointPaths p) {
        double sum = 0;
        long count = 0;
        for (int f = 1; f + 1 < p.frameCount(); f++) {
            for (int j = 0; j < p.jointCount(); j++) {
                sum += p.get(f + 1, j).minus(p.get(f, j).times(2)).plus(p.get(f - 1, j)).length();
                count++;
            }
        }
        return count == 0 ? 0 : 1000 * sum / count;
    }

    private static double sliding(JointPaths p, FootContacts on, int leftFoot, int rightFoot) {
        double sum = 0;
        long count = 0;
        for (int f = 1; f < p.frameCount(); f++) {
            for (int side = 0; side < 2; side++) {
                boolean[] planted = side == 0 ? on.left() : on.right();
                if (planted[f] && planted[f - 1]) {
                    int foot = side == 0 ? leftFoot : rightFoot;
                    Vec3 d = p.get(f, foot).minus(p.get(f - 1, foot));
                    sum += Math.hypot(d.x(), d.z());
                    count++;
                }
            }
        }
        return count == 0 ? 0 : 1000 * sum / count;
    }

    private static double penetration(JointPaths p, int[] feet) {
        double sum = 0;
        long count = 0;
        for (int f = 0; f < p.frameCount(); f++) {
            for (int foot : feet) {
                double y = p.get(f, foot).y();
                if (y < 0) {
                    sum -= y;
                    count++;
                }
            }
        }
        return count == 0 ? 0 : 1000 * sum / count;
    }

    /** Share of foot-frames planted in {@code c}. */
    public static double plantedFraction(FootContacts c) {
        int planted = 0;
        for (int f = 0; f < c.frameCount(); f++) {
            planted += (c.left()[f] ? 1 : 0) + (c.right()[f] ? 1 : 0);
        }
        return c.frameCount() == 0 ? 0 : planted / (2.0 * c.frameCount());
    }

    /** A warning when the body stands still on at least a third of the frames but no foot is planted on most of those. */
    private static Optional<String> standingWithoutContacts(JointPaths p, FootContacts contacts, double fps) {
        int standing = 0, unplanted = 0, n = p.frameCount();
        int k = Math.max(1, (int) Math.round(STANDING_WINDOW_S * fps));
        for (int f = 0; f < n; f++) {
            Vec3 a = p.get(Math.max(f - k, 0), 0), b = p.get(Math.min(f + k, n - 1), 0);
            int span = Math.min(f + k, n - 1) - Math.max(f - k, 0);
            if (span > 0 && Math.hypot(b.x() - a.x(), b.z() - a.z()) * fps / span < STANDING_SPEED) {
                standing++;
                unplanted += contacts.left()[f] || contacts.right()[f] ? 0 : 1;
            }
        }
        if (standing < n / 3.0 || unplanted <= standing / 2.0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the body stands still in %.0f %% of the frames, but no foot is planted "
                + "in %.0f %% of those: foot contacts were missed there, and feet may slide or float", 100.0 * standing / n,
                100.0 * unplanted / standing));
    }

    /** The value at {@code q} (0..1) of sorted values, 0 when there are none. */
    static double percentile(double[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }
}
