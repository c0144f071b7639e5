package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.FramePose;
import dev.mocap.video.VideoInfo;

import java.util.Arrays;
import java.util.List;

/**
 * The focal length of an unknown camera, judged by the learned lifter: for each candidate focal
 * length (half to twice the image diagonal, the range of phone, action and webcam lenses) the
 * network lifts the landmarks, and the body it gives is placed in front of the camera where it
 * best covers the 2D landmarks. The perspective of a body of human depth depends on how far it
 * stands, so the wrong focal length leaves a reprojection misfit; the candidate with the least
 * misfit (refined between its neighbours) is what the landmarks say. On the real landmark model's
 * output that judgement is long by {@link #BIAS} and more scattered than the diagonal guess, so
 * the estimate is a weighted geometric mean of the two, the bias removed: on the rendered training
 * views ({@code dev.mocap.train.FocalCalibration}) its mean |ln(estimate / truth)| is 0.33 against
 * the diagonal's 0.34 (the judgement alone, bias removed: 0.42).
 */
public final class FocalEstimate {
    private static final double[] FACTORS = {0.5, 0.59, 0.71, 0.84, 1.0, 1.19, 1.41, 1.68, 2.0};
    /** Median ln(judged / true focal length) on the rendered training views, and the judgement's weight against the diagonal. */
    public static final double BIAS = 0.225, WEIGHT = 0.25;
    /**
     * At most this long a stretch (seconds, from the middle of the clip) is judged: one chunk of
     * the network's time grid, so that each candidate costs one run of the network. Judging up to
     * 450 frames (four runs) estimated a little better on the longer held-out clips, at four times
     * the cost (models/LIFTER.md).
     */
    private static final double MAX_SECONDS = (LearnedLifter.CHUNK - 1) / LearnedLifter.FPS, TIME_TOLERANCE = 1e-6;

    private FocalEstimate() {
    }

    /** The estimate: the landmarks' judgement and the image diagonal combined. */
    static double of(List<FramePose> seen, VideoInfo video, LearnedLifter lifter) {
        double diagonal = Camera.defaultFocal(video.width(), video.height());
        return diagonal * Math.exp(WEIGHT * (Math.log(judged(seen, video, lifter) / diagonal) - BIAS));
    }

    /** The focal length (pixels) whose lifted bodies reproject best onto the landmarks. */
    public static double judged(List<FramePose> seen, VideoInfo video, LearnedLifter lifter) {
        List<FramePose> frames = middle(seen);
        double diagonal = Camera.defaultFocal(video.width(), video.height());
        double[] cost = new double[FACTORS.length];
        for (int c = 0; c < FACTORS.length; c++) {
            cost[c] = misfit(frames, Camera.atOrigin(FACTORS[c] * diagonal, video.width(), video.height()), lifter);
        }
        int best = 0;
        for (int c = 1; c < cost.length; c++) {
            if (cost[c] < cost[best]) {
                best = c;
            }
        }
        return diagonal * Math.exp(parabolaMinimum(best, cost));
    }

    /** ln(factor) at the minimum of the parabola through the best candidate and its neighbours (the candidate itself at an end). */
    private static double parabolaMinimum(int best, double[] cost) {
        if (best == 0 || best == cost.length - 1) {
            return Math.log(FACTORS[best]);
        }
        double x0 = Math.log(FACTORS[best - 1]), x1 = Math.log(FACTORS[best]), x2 = Math.log(FACTORS[best + 1]);
        double y0 = cost[best - 1], y1 = cost[best], y2 = cost[best + 1];
        double denominator = (x0 - x1) * (x0 - x2) * (x1 - x2);
        double a = (x2 * (y1 - y0) + x1 * (y0 - y2) + x0 * (y2 - y1)) / denominator;
        double b = (x2 * x2 * (y0 - y1) + x1 * x1 * (y2 - y0) + x0 * x0 * (y1 - y2)) / denominator;
        if (a <= 0) {
            return x1;
        }
        return Math.max(x0, Math.min(x2, -b / (2 * a)));
    }

    /** The frames judged: all of them, or those of the {@link #MAX_SECONDS} around the middle frame seen. */
    static List<FramePose> middle(List<FramePose> seen) {
        double start = seen.get(0).timestamp(), end = seen.get(seen.size() - 1).timestamp();
        if (end - start <= MAX_SECONDS) {
            return seen;
        }
        // Centred on the middle frame seen, not the middle of the time: a person seen at the start
        // and at the end of a long video has no frames in between.
        double centre = seen.get(seen.size() / 2).timestamp();
        double from = Math.max(start, Math.min(centre - MAX_SECONDS / 2, end - MAX_SECONDS)), to = from + MAX_SECONDS;
        int first = 0;
        while (seen.get(first).timestamp() < from - TIME_TOLERANCE) {
            first++;
        }
        int last = first;
        while (last + 1 < seen.size() && seen.get(last + 1).timestamp() <= to + TIME_TOLERANCE) {
            last++;
        }
        return seen.subList(first, last + 1);
    }

    /** Median over the frames of the weighted reprojection misfit, in units of the body's image size. */
    private static double misfit(List<FramePose> frames, Camera camera, LearnedLifter lifter) {
        List<Observation> observations = SwapRepair.lifted(frames, camera).frames();
        List<Vec3[]> shapes = lifter.lift(observations, camera).shapes();
        double[] misfits = new double[observations.size()];
        for (int i = 0; i < misfits.length; i++) {
            misfits[i] = misfit(observations.get(i), shapes.get(i), camera);
        }
        Arrays.sort(misfits);
        return misfits[misfits.length / 2];
    }

    /**
     * The body shape (camera axes, relative to the mid-hip) moved by the translation that best
     * reprojects it onto the 2D landmarks (the lifter's least squares, where landmarks of
     * near-zero weight still count a little), and the weighted RMS of what is left in normalised
     * image coordinates, divided by the body's image size; infinite for a frame with no weight at
     * all (no evidence, not a perfect fit).
     */
    static double misfit(Observation o, Vec3[] shape, Camera camera) {
        if (Arrays.stream(o.weight()).sum() < 1e-9) {
            return Double.POSITIVE_INFINITY;
        }
        Vec3 t = Lifter.leastSquares(shape, o.pixels(), o.weight(), camera);
        if (t.z() <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double[] x = new double[BlazePose.COUNT], y = new double[BlazePose.COUNT];
        for (int i = 0; i < BlazePose.COUNT; i++) {
            x[i] = (o.u(i) - camera.cx()) / camera.focal();
            y[i] = (o.v(i) - camera.cy()) / camera.focal();
        }
        double sum = 0, weights = 0, size = 0;
        double hx = (x[BlazePose.LEFT_HIP] + x[BlazePose.RIGHT_HIP]) / 2, hy = (y[BlazePose.LEFT_HIP] + y[BlazePose.RIGHT_HIP]) / 2;
        for (int i = 0; i < BlazePose.COUNT; i++) {
            double z = shape[i].z() + t.z();
            if (z <= 0) {
                return Double.POSITIVE_INFINITY;
            }
            double dx = (shape[i].x() + t.x()) / z - x[i], dy = (shape[i].y() + t.y()) / z - y[i];
            sum += o.weight()[i] * (dx * dx + dy * dy);
            weights += o.weight()[i];
        }
        for (int j : BlazePose.MAJOR_JOINTS) {
            size += (x[j] - hx) * (x[j] - hx) + (y[j] - hy) * (y[j] - hy);
        }
        return Math.sqrt(sum / Math.max(weights, 1e-9)) / Math.max(Math.sqrt(size / BlazePose.MAJOR_JOINTS.length), 1e-9);
    }
}
