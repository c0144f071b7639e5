package dev.mocap.recover;

import dev.mocap.nn.Device;
import dev.mocap.nn.ModelStore;
import dev.mocap.smpl.SmplModel;

import java.nio.file.Path;

/**
 * Choices for motion recovery. NaN means "not given": the focal length is then taken from the
 * field of view, or else guessed from the image diagonal; the frame rate is the video's; the
 * subject's height comes from the landmarks (an average adult's proportions).
 *
 * @param focalPx         focal length in pixels
 * @param fovDegrees      horizontal field of view in degrees
 * @param subjectHeight   the subject's standing height in metres, to fix the body's scale
 * @param fps             output frame rate
 * @param keepCameraFrame keep the camera's axes (only flipped to Y up) instead of levelling the
 *                        floor and starting the subject at the origin facing +Z
 * @param maxGapSeconds   frames without the person are filled in when the gap is at most this
 *                        long; longer gaps split the motion into segments
 * @param smoothness      weight of the temporal smoothness terms (0 = none, 1 = default)
 * @param method          where the body's depth comes from
 * @param regressor       the user's ONNX regressor ({@code --recovery onnx:MODEL.onnx}), which then
 *                        replaces the method; null when none
 */
public record RecoveryOptions(double focalPx, double fovDegrees, double subjectHeight, double fps,
                              boolean keepCameraFrame, double maxGapSeconds, double smoothness, RecoveryMethod method,
                              Path regressor) {
    /** The prefix of {@code --recovery} naming a user's regressor. */
    public static final String ONNX = "onnx:";

    public static RecoveryOptions defaults() {
        return new RecoveryOptions(Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, 0.5, 1, RecoveryMethod.LEARNED, null);
    }

    public RecoveryOptions withMethod(RecoveryMethod m) {
        return new RecoveryOptions(focalPx, fovDegrees, subjectHeight, fps, keepCameraFrame, maxGapSeconds, smoothness, m, null);
    }

    public RecoveryOptions withSubjectHeight(double metres) {
        return new RecoveryOptions(focalPx, fovDegrees, metres, fps, keepCameraFrame, maxGapSeconds, smoothness, method, regressor);
    }

    public RecoveryOptions withFocal(double focal) {
        return new RecoveryOptions(focal, fovDegrees, subjectHeight, fps, keepCameraFrame, maxGapSeconds, smoothness, method, regressor);
    }

    /** Whether the focal length was given ({@code --focal} or {@code --fov}): then it is used, never estimated. */
    public boolean focalGiven() {
        return Double.isFinite(focalPx) || Double.isFinite(fovDegrees);
    }

    /** What {@code --recovery} said: {@code fit}, {@code learned} or {@code onnx:MODEL.onnx}. */
    public String recoveryName() {
        return regressor != null ? ONNX + regressor : method.cliName();
    }

    /**
     * The recovery these options name, its model loaded now (a missing or unfit one fails early);
     * the regressor runs on {@code device}, and places its pelvis by {@code smplModel} when given.
     */
    public MotionRecovery create(ModelStore models, Device device, int threads, SmplModel smplModel) {
        return regressor != null ? new RegressorRecovery(regressor, device, threads, smplModel) : method.create(models);
    }
}
