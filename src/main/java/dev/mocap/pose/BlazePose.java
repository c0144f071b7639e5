package dev.mocap.pose;

import java.util.List;

/** The 33 BlazePose landmarks: names, indices used elsewhere, and the lines drawn between them. */
public final class BlazePose {
    public static final int COUNT = 33;

    public static final List<String> NAMES = List.of(
            "nose", "left_eye_inner", "left_eye", "left_eye_outer", "right_eye_inner", "right_eye",
            "right_eye_outer", "left_ear", "right_ear", "mouth_left", "mouth_right", "left_shoulder",
            "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_pinky",
            "right_pinky", "left_index", "right_index", "left_thumb", "right_thumb", "left_hip",
            "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle", "left_heel",
            "right_heel", "left_foot_index", "right_foot_index");

    public static final int NOSE = 0, LEFT_EAR = 7, RIGHT_EAR = 8, LEFT_PINKY = 17, RIGHT_PINKY = 18,
            LEFT_INDEX = 19, RIGHT_INDEX = 20, LEFT_THUMB = 21, RIGHT_THUMB = 22, LEFT_HEEL = 29, RIGHT_HEEL = 30, LEFT_FOOT_INDEX = 31, RIGHT_FOOT_INDEX = 32;
    public static final int LEFT_SHOULDER = 11, RIGHT_SHOULDER = 12, LEFT_ELBOW = 13, RIGHT_ELBOW = 14,
            LEFT_WRIST = 15, RIGHT_WRIST = 16, LEFT_HIP = 23, RIGHT_HIP = 24, LEFT_KNEE = 25,
            RIGHT_KNEE = 26, LEFT_ANKLE = 27, RIGHT_ANKLE = 28;

    /** The twelve limb joints whose visibility and jitter the tool reports. */
    public static final int[] MAJOR_JOINTS = {LEFT_SHOULDER, RIGHT_SHOULDER, LEFT_ELBOW, RIGHT_ELBOW,
            LEFT_WRIST, RIGHT_WRIST, LEFT_HIP, RIGHT_HIP, LEFT_KNEE, RIGHT_KNEE, LEFT_ANKLE, RIGHT_ANKLE};

    /** Pairs of landmark indices forming the skeleton drawing. */
    public static final int[][] CONNECTIONS = {
            {0, 1}, {1, 2}, {2, 3}, {3, 7}, {0, 4}, {4, 5}, {5, 6}, {6, 8}, {9, 10},
            {11, 12}, {11, 13}, {13, 15}, {15, 17}, {15, 19}, {15, 21}, {17, 19},
            {12, 14}, {14, 16}, {16, 18}, {16, 20}, {16, 22}, {18, 20},
            {11, 23}, {12, 24}, {23, 24}, {23, 25}, {24, 26}, {25, 27}, {26, 28},
            {27, 29}, {28, 30}, {29, 31}, {30, 32}, {27, 31}, {28, 32}};

    /** True for landmarks on the subject's left side. */
    public static boolean isLeft(int index) {
        return NAMES.get(index).contains("left");
    }

    /** True for landmarks on the subject's right side. */
    public static boolean isRight(int index) {
        return NAMES.get(index).contains("right");
    }

    /** The same landmark on the other side of the body (left ↔ right); the nose is its own. */
    public static int partner(int index) {
        return PARTNERS[index];
    }

    private static final int[] PARTNERS = new int[COUNT];

    static {
        for (int i = 0; i < COUNT; i++) {
            String name = NAMES.get(i);
            PARTNERS[i] = isLeft(i) ? NAMES.indexOf(name.replace("left", "right"))
                    : isRight(i) ? NAMES.indexOf(name.replace("right", "left")) : i;
        }
    }

    private BlazePose() {
    }
}
