package dev.mocap.nn;

import java.util.List;

/**
 * The four BlazePose models, by the base name of their files, with the outputs the tool uses
 * (the landmark models' segmentation mask is not used, so its head is left out of the ONNX graph).
 */
public enum PoseModel {
    DETECTOR("pose_detection"),
    LITE("pose_landmark_lite"),
    FULL("pose_landmark_full"),
    HEAVY("pose_landmark_heavy");

    /** The outputs of every landmark model: landmarks, pose flag, heatmap and world landmarks. */
    public static final List<String> LANDMARK_OUTPUTS = List.of("Identity", "Identity_1", "Identity_3", "Identity_4");

    private final String fileBase;

    PoseModel(String fileBase) {
        this.fileBase = fileBase;
    }

    /**
     * The outputs kept in the converted model: box regressors and scores of the detector;
     * landmarks, pose flag, heatmap and world landmarks of a landmark model.
     */
    public List<String> outputs() {
        return this == DETECTOR ? List.of("Identity", "Identity_1") : LANDMARK_OUTPUTS;
    }

    /** e.g. {@code pose_landmark_full}; the .tflite file is named after it. */
    public String fileBase() {
        return fileBase;
    }
}
