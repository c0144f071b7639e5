package dev.mocap.synth;

import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaptureFloorTest {
    private static final double FPS = 30;
    private static final int[] FEET = {BlazePose.LEFT_HEEL, BlazePose.LEFT_FOOT_INDEX, BlazePose.RIGHT_HEEL, BlazePose.RIGHT_FOOT_INDEX};

    /**
     * A 4 s walk along x at 1.2 m/s on a floor rising {@code riseDegrees} along the path (plus a
     * little sideways sway): each foot stands still for 0.6 s, then swings 0.5 s, lifting 12 cm.
     */
    private static Vec3[][] walk(double riseDegrees, long seed) {
        Random random = new Random(seed);
        double slope = Math.tan(Math.toRadians(riseDegrees)), cycle = 1.1, stance = 0.6, stride = 1.2 * cycle;
        int n = (int) (4 * FPS);
        Vec3[][] world = new Vec3[n][BlazePose.COUNT];
        for (int k = 0; k < n; k++) {
            Arrays.fill(world[k], Vec3.ZERO);
            double t = k / FPS;
            for (int side = 0; side < 2; side++) {
                double local = (t + side * cycle / 2) % cycle, steps = Math.floor((t + side * cycle / 2) / cycle);
                double x, lift;
                if (local < stance) {
                    x = steps * stride;
                    lift = 0;
                } else {
                    double s = (local - stance) / (cycle - stance);
                    x = (steps + s) * stride;
                    lift = 0.12 * Math.sin(Math.PI * s);
                }
                double z = (side == 0 ? -0.1 : 0.1) + 0.002 * random.nextGaussian();
                double floor = slope * x + 0.4;
                world[k][FEET[2 * side]] = new Vec3(x - 0.05, floor + lift + 0.002 * random.nextGaussian(), z);
                world[k][FEET[2 * side + 1]] = new Vec3(x + 0.15, floor + lift + 0.002 * random.nextGaussian(), z);
            }
        }
        return world;
    }

    @Test
    void findsTheRiseOfATiltedCaptureFloorAndNoTiltAcrossAStraightPath() {
        CaptureFloor floor = CaptureFloor.fit(walk(2, 1), FPS, FEET);
        assertEquals(Math.tan(Math.toRadians(2)), floor.slopeX(), 0.006);
        assertEquals(0, floor.slopeZ(), 0.01);
        assertEquals(0.4, floor.offset(), 0.02);
    }

    @Test
    void aLevelFloorStaysLevel() {
        CaptureFloor floor = CaptureFloor.fit(walk(0, 2), FPS, FEET);
        assertEquals(0, floor.slopeX(), 0.004);
        assertEquals(0, floor.slopeZ(), 0.01);
    }

    @Test
    void aClimbIsNoFloor() {
        CaptureFloor floor = CaptureFloor.fit(walk(20, 3), FPS, FEET);
        assertEquals(0, floor.slopeX());
        assertEquals(0, floor.slopeZ());
    }

    @Test
    void theStanceFeetOfAWalkOnATiltedFloorArePlantedAllAlongThePath() {
        Vec3[][] world = walk(2, 4);
        boolean[][] planted = SyntheticView.contacts(world, FPS, CorpusClip.STATURE);
        int secondHalf = 0, stanceInSecondHalf = 0;
        for (int k = world.length / 2; k < world.length; k++) {
            for (int side = 0; side < 2; side++) {
                double local = (k / FPS + side * 1.1 / 2) % 1.1;
                if (local > 0.05 && local < 0.55) {
                    stanceInSecondHalf++;
                    secondHalf += planted[k][side] ? 1 : 0;
                }
            }
        }
        assertTrue(secondHalf > 0.9 * stanceInSecondHalf, secondHalf + " of " + stanceInSecondHalf + " stance frames planted");
    }
}
