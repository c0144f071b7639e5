package dev.mocap.recover;

import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds "up" and the floor in camera space from where the feet rest. Foot points (heels and
 * toes) that are low and still are taken as floor contacts; the plane through them gives up.
 * Contacts along a single line (a walk straight across) or in one spot (standing) leave the
 * plane's tilt about that line open: there the prior wins — the lifting network's up where it
 * judged one, else the average torso direction of the clip blended with the camera's own up, since
 * people mostly stand upright and cameras are mostly held level.
 */
final class GroundPlane {
    private static final int[] FOOT_POINTS = {BlazePose.LEFT_HEEL, BlazePose.RIGHT_HEEL, BlazePose.LEFT_FOOT_INDEX, BlazePose.RIGHT_FOOT_INDEX};
    private static final double CONTACT_BAND = 0.06;
    private static final double MAX_CONTACT_SPEED = 0.5;
    private static final double SMOOTHING_SECONDS = 0.1;
    /** How strongly the prior holds the directions the contacts leave open, in m². */
    private static final double PRIOR_WEIGHT = 0.02;
    private static final Vec3 CAMERA_UP = new Vec3(0, -1, 0);

    /** Up (unit, camera space) and the floor's height along it; {@code contacts} how many points decided. */
    record Result(Vec3 up, double floor, int contacts) {
    }

    static Result fit(List<Observation> frames) {
        return fit(frames, prior(frames));
    }

    /** The floor with {@code prior} (unit, camera space) as the up that the contacts correct. */
    static Result fit(List<Observation> frames, Vec3 prior) {
        Vec3 up = prior;
        List<Vec3> contacts = List.of();
        for (int round = 0; round < 3; round++) {
            contacts = contacts(frames, up);
            if (contacts.size() >= 3) {
                up = plane(contacts, up, prior);
            }
        }
        return new Result(up, lowBand(frames, up), contacts.size());
    }

    private static Vec3 prior(List<Observation> frames) {
        Vec3 sum = Vec3.ZERO;
        for (Observation o : frames) {
            sum = sum.plus(Lengths.midShoulder(o).minus(Lengths.midHip(o)).normalized());
        }
        Vec3 torso = frames.isEmpty() ? CAMERA_UP : sum.normalized();
        return Frames.blend(torso, CAMERA_UP, 0.5);
    }

    /**
     * Foot points near the lowest level that move slowly. Positions are averaged over ±0.1 s
     * first: the lifted points' depth shakes by centimetres from frame to frame, which would
     * otherwise look like motion.
     */
    private static List<Vec3> contacts(List<Observation> frames, Vec3 up) {
        double floor = lowBand(frames, up);
        int half = Math.max(1, (int) Math.round(SMOOTHING_SECONDS / medianStep(frames)));
        List<Vec3> out = new ArrayList<>();
        for (int i : FOOT_POINTS) {
            Vec3[] smooth = smoothed(frames, i, half);
            for (int k = half; k + half < frames.size(); k++) {
                Vec3 before = smooth[k - half], after = smooth[k + half];
                if (smooth[k] == null || before == null || after == null) {
                    continue;
                }
                double dt = Math.max(frames.get(k + half).time() - frames.get(k - half).time(), 1e-3);
                if (smooth[k].dot(up) < floor + CONTACT_BAND && after.distance(before) / dt < MAX_CONTACT_SPEED) {
                    out.add(smooth[k]);
                }
            }
        }
        return out;
    }

    /** Mean position of a landmark over frames k − half … k + half where it is confident; null if it is not at k. */
    private static Vec3[] smoothed(List<Observation> frames, int landmark, int half) {
        Vec3[] out = new Vec3[frames.size()];
        for (int k = 0; k < frames.size(); k++) {
            if (frames.get(k).weight()[landmark] < 0.5) {
                continue;
            }
            Vec3 sum = Vec3.ZERO;
            int n = 0;
            for (int j = Math.max(0, k - half); j <= Math.min(frames.size() - 1, k + half); j++) {
                if (frames.get(j).weight()[landmark] >= 0.5) {
                    sum = sum.plus(frames.get(j).lifted()[landmark]);
                    n++;
                }
            }
            out[k] = sum.times(1.0 / n);
        }
        return out;
    }

    private static double medianStep(List<Observation> frames) {
        double[] dt = new double[Math.max(frames.size() - 1, 1)];
        for (int k = 1; k < frames.size(); k++) {
            dt[k - 1] = frames.get(k).time() - frames.get(k - 1).time();
        }
        java.util.Arrays.sort(dt);
        return dt[dt.length / 2] > 0 ? dt[dt.length / 2] : 1 / 30.0;
    }

    /** The 5th percentile of foot point heights along {@code up}. */
    private static double lowBand(List<Observation> frames, Vec3 up) {
        List<Double> h = new ArrayList<>();
        for (Observation o : frames) {
            for (int i : FOOT_POINTS) {
                if (o.weight()[i] >= 0.5) {
                    h.add(o.lifted()[i].dot(up));
                }
            }
        }
        if (h.isEmpty()) {
            for (Observation o : frames) {
                h.add(o.lifted()[BlazePose.LEFT_ANKLE].dot(up));
                h.add(o.lifted()[BlazePose.RIGHT_ANKLE].dot(up));
            }
        }
        if (h.isEmpty()) {
            return 0;
        }
        h.sort(null);
        return h.get((int) (0.05 * (h.size() - 1)));
    }

    /**
     * The normal n minimising Σ (n·(p − p̄))² + PRIOR_WEIGHT·N·|n − (n·prior)·prior|²: the smallest
     * eigenvector of the contacts' scatter plus a penalty on leaving the prior.
     */
    private static Vec3 plane(List<Vec3> points, Vec3 current, Vec3 prior) {
        Vec3 mean = Vec3.ZERO;
        for (Vec3 p : points) {
            mean = mean.plus(p);
        }
        mean = mean.times(1.0 / points.size());
        double[][] m = new double[3][3];
        for (Vec3 p : points) {
            Vec3 d = p.minus(mean);
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    m[r][c] += d.get(r) * d.get(c);
                }
            }
        }
        double mu = PRIOR_WEIGHT * points.size();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[r][c] += mu * ((r == c ? 1 : 0) - prior.get(r) * prior.get(c));
            }
        }
        double[] e = LinearAlgebra.smallestEigenvector(m);
        Vec3 n = new Vec3(e[0], e[1], e[2]).normalized();
        return n.dot(current) < 0 ? n.times(-1) : n;
    }

    private GroundPlane() {
    }
}
