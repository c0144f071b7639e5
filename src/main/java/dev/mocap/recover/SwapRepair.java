package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.Landmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Undoes left/right swaps of the landmark model (docs: BLAZEPOSE-ERRORS): the whole body read the
 * wrong way round (front taken for back), and the legs or the arms exchanged, as it does in side
 * views and where legs pass each other. For the torso (hips and shoulders), then for each limb
 * group, every frame is either kept or exchanged, chosen for the whole clip at once (Viterbi over
 * the two states): the labelling must continue the neighbouring frames' image positions (squared
 * image motion, in units of the torso's squared image length), and each exchanged frame costs a
 * small fixed amount, so the model's labels stand where nothing speaks against them. The greedy
 * frame-by-frame choice this replaces could not undo its own mistakes: a swap taken where the
 * legs passed each other was carried on to the end of the clip (the sample's walk: legs swapped
 * in 49 of 120 frames after recovery, none now).
 * <p>
 * A torso exchanged is the body turned round: every label changes sides and the depth is mirrored
 * ({@link Landmarks#turnedRound}). Continuity alone cannot tell which of two readings of a long
 * stretch is right, but the model errs one way far more often: it takes a person facing the
 * camera for one facing away, rarely the reverse (on rendered views of training motions, 23 % of
 * frames read as facing away were turned, 2.5 % of those read as facing the camera). So a frame
 * whose result faces away costs a little more, and the cheapest reading of a stretch that the model
 * read both ways is the one facing the camera.
 */
public final class SwapRepair {
    private static final int[][] LEGS = {{BlazePose.LEFT_KNEE, BlazePose.RIGHT_KNEE}, {BlazePose.LEFT_ANKLE, BlazePose.RIGHT_ANKLE},
            {BlazePose.LEFT_HEEL, BlazePose.RIGHT_HEEL}, {BlazePose.LEFT_FOOT_INDEX, BlazePose.RIGHT_FOOT_INDEX}};
    private static final int[][] ARMS = {{BlazePose.LEFT_ELBOW, BlazePose.RIGHT_ELBOW}, {BlazePose.LEFT_WRIST, BlazePose.RIGHT_WRIST},
            {BlazePose.LEFT_PINKY, BlazePose.RIGHT_PINKY}, {BlazePose.LEFT_INDEX, BlazePose.RIGHT_INDEX},
            {BlazePose.LEFT_THUMB, BlazePose.RIGHT_THUMB}};
    /** Hips and shoulders: exchanged, the whole body was read the wrong way round. */
    private static final int[][] TORSO = {{BlazePose.LEFT_HIP, BlazePose.RIGHT_HIP}, {BlazePose.LEFT_SHOULDER, BlazePose.RIGHT_SHOULDER}};
    /** The fixed cost of exchanging a frame's limb labels, in units of the torso's squared image length. */
    private static final double EXCHANGE_COST = 0.02;
    /**
     * The fixed cost of turning a frame's body round, and the most that a result facing away from
     * the camera (left hip and shoulder on the picture's left) adds; the second below the first, so
     * a clip of someone walking away is never turned round as a whole.
     */
    private static final double TURN_COST = 0.1, AWAY_COST = 0.09;
    /**
     * Frames further apart than this (seconds: the person was lost in between) are not linked:
     * someone who leaves the picture facing the camera may come back facing away.
     */
    private static final double MAX_LINK_SECONDS = 0.25;

    private SwapRepair() {
    }

    /** The observations with the body turned back and swapped limbs exchanged back, and what was decided for each frame. */
    record Repaired(List<Observation> frames, Decisions decisions) {
    }

    /** Per frame, whether the recovery turned it round, and exchanged its legs and its arms after that. */
    public record Decisions(boolean[] turned, boolean[] legs, boolean[] arms) {
        /** How many limb swaps were repaired (a frame with both legs and arms exchanged counts twice). */
        int swaps() {
            return count(legs) + count(arms);
        }

        /** How many frames were turned round. */
        int turns() {
            return count(turned);
        }

        private static int count(boolean[] flags) {
            int n = 0;
            for (boolean f : flags) {
                n += f ? 1 : 0;
            }
            return n;
        }
    }

    /** The frames with their limb swaps repaired (none turned round). */
    static Repaired repair(List<Observation> frames) {
        boolean[] legs = exchanged(frames, LEGS, SwapRepair::exchangeCost), arms = exchanged(frames, ARMS, SwapRepair::exchangeCost);
        List<Observation> out = new ArrayList<>(frames.size());
        for (int t = 0; t < frames.size(); t++) {
            Observation fixed = frames.get(t);
            if (legs[t]) {
                fixed = exchange(fixed, LEGS);
            }
            if (arms[t]) {
                fixed = exchange(fixed, ARMS);
            }
            out.add(fixed);
        }
        return new Repaired(out, new Decisions(new boolean[frames.size()], legs, arms));
    }

    /** The frames (all with a person, in order) lifted as {@code camera} sees them, turned back and with limb swaps repaired. */
    static Repaired lifted(List<FramePose> seen, Camera camera) {
        List<Observation> frames = new ArrayList<>(seen.size());
        for (FramePose f : seen) {
            frames.add(Lifter.lift(f.timestamp(), f.landmarks(), camera, 1));
        }
        boolean[] turned = exchanged(frames, TORSO, SwapRepair::turnCost);
        for (int t = 0; t < turned.length; t++) {
            if (turned[t]) {
                FramePose f = seen.get(t);
                frames.set(t, Lifter.lift(f.timestamp(), f.landmarks().turnedRound(), camera, 1));
            }
        }
        Repaired limbs = repair(frames);
        return new Repaired(limbs.frames(), new Decisions(turned, limbs.decisions().legs(), limbs.decisions().arms()));
    }

    /**
     * The repair's decisions for the frames (all with a person, in order) seen by {@code camera}:
     * for measuring them against the truth ({@code bench labels}).
     */
    public static Decisions decisions(List<FramePose> seen, Camera camera) {
        return lifted(seen, camera).decisions();
    }

    /** What keeping ({@code exchanged} false) or exchanging one frame's labels costs, beside the motion it implies. */
    private interface FrameCost {
        double of(Observation o, boolean exchanged);
    }

    private static double exchangeCost(Observation o, boolean exchanged) {
        return exchanged ? EXCHANGE_COST : 0;
    }

    /**
     * The turn's own cost, and how far the frame's resulting reading faces away from the camera:
     * the left hip's and shoulder's image offsets from the right ones, over the torso's image
     * length, clamped to ±1 (about 1 when the body is square to the camera; near 0 side on).
     */
    private static double turnCost(Observation o, boolean turned) {
        double across = (o.u(BlazePose.LEFT_HIP) - o.u(BlazePose.RIGHT_HIP) + o.u(BlazePose.LEFT_SHOULDER) - o.u(BlazePose.RIGHT_SHOULDER))
                / Math.sqrt(torsoSquared(o));
        double away = Math.max(-1, Math.min(1, turned ? across : -across));
        return (turned ? TURN_COST : 0) + AWAY_COST * Math.max(0, away);
    }

    /** The cheapest keep/exchange choice for every frame (Viterbi over two states). */
    private static boolean[] exchanged(List<Observation> frames, int[][] pairs, FrameCost frameCost) {
        int n = frames.size();
        boolean[] out = new boolean[n];
        if (n == 0) {
            return out;
        }
        double[][] total = new double[n][2];
        int[][] from = new int[n][2];
        for (int s = 0; s < 2; s++) {
            total[0][s] = frameCost.of(frames.get(0), s == 1);
        }
        for (int t = 1; t < n; t++) {
            Observation previous = frames.get(t - 1), current = frames.get(t);
            double scale = torsoSquared(current);
            boolean linked = current.time() - previous.time() <= MAX_LINK_SECONDS;
            double same = linked ? cost(previous, current, pairs, false) / scale : 0;
            double crossed = linked ? cost(previous, current, pairs, true) / scale : 0;
            for (int s = 0; s < 2; s++) {
                double viaKeep = total[t - 1][0] + (s == 0 ? same : crossed);
                double viaExchange = total[t - 1][1] + (s == 1 ? same : crossed);
                from[t][s] = viaKeep <= viaExchange ? 0 : 1;
                total[t][s] = Math.min(viaKeep, viaExchange) + frameCost.of(current, s == 1);
            }
        }
        int s = total[n - 1][0] <= total[n - 1][1] ? 0 : 1;
        for (int t = n - 1; t >= 0; t--) {
            out[t] = s == 1;
            s = from[t][s];
        }
        return out;
    }

    /** Squared image distance from the hips' middle to the shoulders' middle (at least 1 px²). */
    private static double torsoSquared(Observation o) {
        double du = (o.u(BlazePose.LEFT_HIP) + o.u(BlazePose.RIGHT_HIP) - o.u(BlazePose.LEFT_SHOULDER) - o.u(BlazePose.RIGHT_SHOULDER)) / 2;
        double dv = (o.v(BlazePose.LEFT_HIP) + o.v(BlazePose.RIGHT_HIP) - o.v(BlazePose.LEFT_SHOULDER) - o.v(BlazePose.RIGHT_SHOULDER)) / 2;
        return Math.max(1, du * du + dv * dv);
    }

    /** Squared image motion of a limb pair since the previous frame, with or without exchanging labels. */
    private static double cost(Observation previous, Observation current, int[][] pairs, boolean exchanged) {
        double sum = 0;
        for (int[] pair : pairs) {
            for (int side = 0; side < 2; side++) {
                int from = pair[side], to = exchanged ? pair[1 - side] : pair[side];
                double du = current.u(to) - previous.u(from), dv = current.v(to) - previous.v(from);
                sum += du * du + dv * dv;
            }
        }
        return sum;
    }

    private static Observation exchange(Observation o, int[][] pairs) {
        double[] pixels = o.pixels().clone(), weight = o.weight().clone();
        Vec3[] lifted = o.lifted().clone(), shape = o.shape().clone();
        for (int[] pair : pairs) {
            int a = pair[0], b = pair[1];
            swap(pixels, 2 * a, 2 * b);
            swap(pixels, 2 * a + 1, 2 * b + 1);
            swap(weight, a, b);
            Vec3 t = lifted[a];
            lifted[a] = lifted[b];
            lifted[b] = t;
            t = shape[a];
            shape[a] = shape[b];
            shape[b] = t;
        }
        return new Observation(o.time(), pixels, lifted, shape, weight, o.score(), o.footContact());
    }

    private static void swap(double[] v, int i, int j) {
        double t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}
