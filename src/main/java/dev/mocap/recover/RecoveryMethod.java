package dev.mocap.recover;

import dev.mocap.nn.ModelStore;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How the skeleton's depth is found ({@code --recovery}): {@code learned} (the default) takes each
 * frame's body shape from the learned lifting network, which has seen how people move in motion
 * capture (PA-MPJPE about a third lower on the held-out rendered clips: models/LIFTER.md), and
 * estimates the focal length when none is given; {@code fit} takes it from the landmark model's
 * world landmarks. Both then fit the skeleton to the 2D landmarks through the camera.
 */
public enum RecoveryMethod {
    LEARNED, FIT;

    /** The recovery for this method; loads the lifting network (MODEL_MISSING when it is absent or corrupt). */
    public MotionRecovery create(ModelStore models) {
        return this == LEARNED ? learned(models.lifter()) : new LandmarkRecovery(null);
    }

    /** The learned recovery with the lifting network in {@code lifter}: any design under {@link LearnedLifter}'s contract. */
    public static MotionRecovery learned(Path lifter) {
        return new LandmarkRecovery(new LearnedLifter(lifter, 1));
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecoveryMethod parse(String name) {
        for (RecoveryMethod m : values()) {
            if (m.cliName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("--recovery must be learned or fit, not '" + name + "'");
    }
}
