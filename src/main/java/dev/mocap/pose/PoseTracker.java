package dev.mocap.pose;

import dev.mocap.nn.ModelStore;
import dev.mocap.nn.PoseModel;
import dev.mocap.video.VideoFrame;

import java.util.List;

/**
 * Follows one person through a video: the detector finds them, then each frame's landmark
 * region comes from the previous frame's alignment points (smoothed, as MediaPipe does, so the
 * crop does not shake). When the landmark model's pose score drops the person is re-detected in
 * the same frame.
 */
public final class PoseTracker implements AutoCloseable {
    public static final float DEFAULT_MIN_POSE_SCORE = 0.5f;
    // MediaPipe's smoothing of the alignment points: cut-off 0.01 Hz, beta 10, derivative 1 Hz.
    private static final double MIN_CUTOFF = 0.01, BETA = 10, DERIVATIVE_CUTOFF = 1;

    private final PoseDetector detector;
    private final LandmarkEstimator estimator;
    private final float minPoseScore;
    private final OneEuroFilter[] alignmentFilters = new OneEuroFilter[4];
    private Roi roi;
    private int detections;

    public PoseTracker(PoseDetector detector, LandmarkEstimator estimator, float minPoseScore) {
        this.detector = detector;
        this.estimator = estimator;
        this.minPoseScore = minPoseScore;
        for (int i = 0; i < alignmentFilters.length; i++) {
            alignmentFilters[i] = new OneEuroFilter(MIN_CUTOFF, BETA, DERIVATIVE_CUTOFF);
        }
    }

    /** Loads the detector and the chosen landmark model from the model store. */
    public static PoseTracker open(ModelStore store, PoseOptions options) {
        PoseDetector detector = new PoseDetector(store.onnx(PoseModel.DETECTOR), options.device(),
                options.threads(), options.minDetectionScore());
        try {
            LandmarkEstimator estimator = new LandmarkEstimator(store.onnx(options.model()), options.device(), options.threads());
            return new PoseTracker(detector, estimator, options.minPoseScore());
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
    }

    /** The person's landmarks in this frame, or null when nobody is found. */
    public Landmarks track(VideoFrame frame) {
        boolean tracked = roi != null;
        LandmarkEstimator.Estimate estimate = tracked ? estimator.estimate(frame, roi) : null;
        if (estimate == null || estimate.landmarks().score() < minPoseScore) {
            estimate = detectAndEstimate(frame);
        }
        if (estimate == null) {
            lose();
            return null;
        }
        roi = nextRoi(frame.timestamp(), estimate.alignment());
        return estimate.landmarks();
    }

    /** How many times the detector has run (first frame, and each time the person was lost). */
    public int detections() {
        return detections;
    }

    private LandmarkEstimator.Estimate detectAndEstimate(VideoFrame frame) {
        detections++;
        List<Detection> found = detector.detect(frame);
        if (found.isEmpty()) {
            return null;
        }
        resetFilters();
        LandmarkEstimator.Estimate estimate = estimator.estimate(frame, found.get(0).roi());
        return estimate.landmarks().score() < minPoseScore ? null : estimate;
    }

    private Roi nextRoi(double time, float[] alignment) {
        double scale = (Math.abs(alignment[2] - alignment[0]) + Math.abs(alignment[3] - alignment[1])) / 2;
        double valueScale = scale > 0 ? 1 / scale : 1;
        double[] p = new double[4];
        for (int i = 0; i < 4; i++) {
            p[i] = alignmentFilters[i].apply(time, alignment[i], valueScale);
        }
        return Roi.fromAlignmentPoints(p[0], p[1], p[2], p[3]);
    }

    private void lose() {
        roi = null;
        resetFilters();
    }

    private void resetFilters() {
        for (OneEuroFilter f : alignmentFilters) {
            f.reset();
        }
    }

    @Override
    public void close() {
        detector.close();
        estimator.close();
    }
}
