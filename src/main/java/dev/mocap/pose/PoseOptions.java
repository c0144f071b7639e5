package dev.mocap.pose;

import dev.mocap.nn.Device;
import dev.mocap.nn.PoseModel;

/**
 * How landmarks are estimated: which landmark model, where inference runs, with how many
 * threads per model, the two score thresholds, and which of the tracked people to put out.
 */
public record PoseOptions(PoseModel model, Device device, int threads, float minDetectionScore, float minPoseScore,
                          PersonSelection person) {

    /** Inference threads when not told: the cores, up to four (more stops paying off for these small models). */
    public static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    public PoseOptions withThreads(int newThreads) {
        return new PoseOptions(model, device, newThreads, minDetectionScore, minPoseScore, person);
    }

    public static PoseOptions defaults() {
        return new PoseOptions(PoseModel.FULL, Device.CPU, defaultThreads(), PoseDetector.DEFAULT_MIN_SCORE, PoseTracker.DEFAULT_MIN_POSE_SCORE,
                PersonSelection.LARGEST);
    }
}
