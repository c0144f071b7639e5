package dev.mocap.recover;

import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StillFeetTest {
    private static final double FOCAL = 1000;

    /** 31 frames at 30 fps, 4 m away: the left foot stands (1 px of jitter), the right one moves {@code rightPxPerFrame}. */
    static Grid frames(double rightPxPerFrame, double rightWeight) {
        Random random = new Random(3);
        List<Observation> out = new ArrayList<>();
        for (int k = 0; k <= 30; k++) {
            double[] pixels = new double[2 * BlazePose.COUNT];
            double[] weight = new double[BlazePose.COUNT];
            Arrays.fill(weight, 1);
            for (int mark : new int[]{BlazePose.LEFT_HEEL, BlazePose.LEFT_FOOT_INDEX}) {
                pixels[2 * mark] = 450 + random.nextGaussian();
                pixels[2 * mark + 1] = 800 + random.nextGaussian();
            }
            for (int mark : new int[]{BlazePose.RIGHT_HEEL, BlazePose.RIGHT_FOOT_INDEX}) {
                pixels[2 * mark] = 550 + rightPxPerFrame * k;
                pixels[2 * mark + 1] = 800;
                weight[mark] = rightWeight;
            }
            Vec3[] shape = new Vec3[BlazePose.COUNT];
            Arrays.fill(shape, new Vec3(0, 0, 4));
            out.add(new Observation(k / 30.0, pixels, shape, shape, weight, 1));
        }
        return new Grid(out, 30);
    }

    @Test
    void aFootStillInTheImageIsStillAndAMovingOneIsNot() {
        // Right foot: 10 px a frame at 4 m and f = 1000 px is 1.2 m/s.
        Grid grid = frames(10, 1);
        for (int k = 0; k < grid.size(); k++) {
            assertTrue(StillFeet.still(grid, k, 0, FOCAL), "the standing foot, frame " + k);
            assertFalse(StillFeet.still(grid, k, 1, FOCAL), "the moving foot, frame " + k);
        }
    }

    @Test
    void slowFeetBelowTheSpeedLimitCountAsStill() {
        // 1 px a frame is 0.12 m/s at 4 m: still; 3 px a frame, 0.36 m/s: moving.
        assertTrue(StillFeet.still(frames(1, 1), 15, 1, FOCAL));
        assertFalse(StillFeet.still(frames(3, 1), 15, 1, FOCAL));
    }

    @Test
    void aFootOfLowVisibilityIsNotJudged() {
        assertFalse(StillFeet.still(frames(0, 0.2), 15, 1, FOCAL));
    }
}
