package dev.mocap.recover;

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
 */
public record RecoveryOptions(double focalPx, double fovDegrees, double subjectHeight, double fps,
                              boolean keepCameraFrame, double maxGapSeconds, double smoothness, RecoveryMethod method) {

    public static RecoveryOptions defaults() {
        return new RecoveryOptions(Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, 0.5, 1, RecoveryMethod.LEARNED);
    }

    public RecoveryOptions withMethod(RecoveryMethod m) {
        return new RecoveryOptions(focalPx, fovDegrees, subjectHeight, fps, keepCameraFrame, maxGapSeconds, smoothness, m);
    }

    public RecoveryOptions withSubjectHeight(double metres) {
        return new RecoveryOptions(focalPx, fovDegrees, metres, fps, keepCameraFrame, maxGapSeconds, smoothness, method);
    }

    public RecoveryOptions withFocal(double focal) {
        return new RecoveryOptions(focal, fovDegrees, subjectHeight, fps, keepCameraFrame, maxGapSeconds, smoothness, method);
    }
}
