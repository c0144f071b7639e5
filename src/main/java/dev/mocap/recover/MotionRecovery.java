package dev.mocap.recover;

import dev.mocap.pose.LandmarkSequence;

/**
 * Turns per-frame landmarks into a world-grounded animation of the SMPL-24 skeleton. The
 * landmark-fitting recovery is one implementation; learned temporal regressors can be others.
 */
public interface MotionRecovery {
    Recovery recover(LandmarkSequence landmarks, RecoveryOptions options);
}
