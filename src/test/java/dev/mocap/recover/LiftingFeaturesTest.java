package dev.mocap.recover;

import dev.mocap.pose.BlazePose;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LiftingFeaturesTest {
    private static final int FRAME_SIZE = LiftingFeatures.SIZE - 12, HIP_X = FRAME_SIZE - 3, HIP_Y = FRAME_SIZE - 2, LOG_SIZE = FRAME_SIZE - 1;

    /** A frame whose mid-hip is at (hipX, 0) with body size s, its left heel at (leftHeelX, 0.5) and right heel at (0.1, 0.5). */
    private static float[] frame(double hipX, double size, double leftHeelX) {
        float[] f = new float[LiftingFeatures.SIZE];
        f[HIP_X] = (float) hipX;
        f[HIP_Y] = 0;
        f[LOG_SIZE] = (float) Math.log(size);
        f[2 * BlazePose.LEFT_HEEL] = (float) ((leftHeelX - hipX) / size);
        f[2 * BlazePose.LEFT_HEEL + 1] = (float) (0.5 / size);
        f[2 * BlazePose.RIGHT_HEEL] = (float) ((0.1 - hipX) / size);
        f[2 * BlazePose.RIGHT_HEEL + 1] = (float) (0.5 / size);
        return f;
    }

    @Test
    void aFootThatStandsStillInThePictureHasNoMotionWhileTheBodyMovesOverIt() {
        // The body walks right 0.02 a frame and grows; the right heel stays, the left heel moves 0.04 a frame.
        float[][] frames = new float[5][];
        for (int k = 0; k < 5; k++) {
            frames[k] = frame(0.02 * k, 0.2 + 0.01 * k, -0.1 + 0.04 * k);
        }
        float[][] out = LiftingFeatures.withFootMotion(frames);
        int leftHeel = FRAME_SIZE + 4, rightHeel = FRAME_SIZE + 6;
        for (int k = 0; k < 5; k++) {
            double size = 0.2 + 0.01 * k;
            assertEquals(0.04 / size, out[k][leftHeel], 1e-5, "left heel x, frame " + k);
            assertEquals(0, out[k][leftHeel + 1], 1e-5, "left heel y, frame " + k);
            assertEquals(0, out[k][rightHeel], 1e-5, "right heel x, frame " + k);
            assertEquals(0, out[k][rightHeel + 1], 1e-5, "right heel y, frame " + k);
            assertEquals(0, frames[k][leftHeel], "the input frames are left as they were");
        }
    }

    @Test
    void aSingleFrameHasNoMotion() {
        float[][] out = LiftingFeatures.withFootMotion(new float[][]{frame(0.3, 0.2, 0.1)});
        assertArrayEquals(frame(0.3, 0.2, 0.1), out[0]);
    }
}
