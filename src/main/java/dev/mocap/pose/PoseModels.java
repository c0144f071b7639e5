package dev.mocap.pose;

import dev.mocap.nn.ModelStore;
import dev.mocap.nn.PoseModel;

/**
 * The two networks a {@link PoseTracker} runs, the detector and a landmark model, opened once and
 * handed to one tracker after another (a tracker keeps no model of its own). Each holds a
 * reusable input tensor, so one set serves one tracker at a time ({@link PoseModelPool} gives
 * each concurrent conversion its own).
 */
public final class PoseModels implements AutoCloseable {
    private final PoseDetector detector;
    private final LandmarkEstimator estimator;

    public PoseModels(PoseDetector detector, LandmarkEstimator estimator) {
        this.detector = detector;
        this.estimator = estimator;
    }

    /** Loads the detector and the landmark model that {@code options} name, with its device, threads and detection score. */
    public static PoseModels open(ModelStore store, PoseOptions options) {
        PoseDetector detector = new PoseDetector(store.onnx(PoseModel.DETECTOR), options.device(), options.threads(),
                options.minDetectionScore());
        try {
            return new PoseModels(detector, new LandmarkEstimator(store.onnx(options.model()), options.device(), options.threads()));
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
    }

    public PoseDetector detector() {
        return detector;
    }

    public LandmarkEstimator estimator() {
        return estimator;
    }

    @Override
    public void close() {
        try {
            detector.close();
        } finally {
            estimator.close();
        }
    }
}
