package dev.mocap.synth;

import java.util.Set;

/**
 * Corpus clips that the learned models never train on: one or two of each kind of motion and
 * skeleton family, for the held-out figures (models/LIFTER.md). Subjects 55 and 131, whose clips
 * are among the test data, are not in the corpus at all.
 */
public final class HeldOutClips {
    public static final Set<String> NAMES = Set.of("cmu_01_14", "cmu_02_05", "cmu_05_07", "cmu_06_05", "cmu_07_05", "cmu_09_05",
            "cmu_13_11", "cmu_16_02");

    private HeldOutClips() {
    }

    public static boolean isHeldOut(String clipName) {
        return NAMES.contains(clipName);
    }
}
