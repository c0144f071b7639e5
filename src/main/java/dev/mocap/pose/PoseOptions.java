package dev.mocap.pose;

import dev.mocap.nn.Device;
import dev.mocap.nn.PoseModel;

/**
 * How landmarks are estimated: which landmark model, where inference runs, with how many
 * threads per model, and the two score thresholds.
 */
public record PoseOptions(PoseModel model, Device device, int threads, float minDetectionScore, float minPoseScore) {

    public static PoseOptions defaults() {
        return new PoseOptions(PoseModel.FULL, Device.CPU, 1, PoseDetector.DEFAULT_MIN_SCORE, PoseTracker.DEFAULT_MIN_POSE_SCORE);
    }
}
