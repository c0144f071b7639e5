package dev.mocap.recover;

import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SwapRepairTest {

    @Test
    void aFrameWithSwappedLegsIsSwappedBack() {
        List<Observation> frames = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            frames.add(frame(k, k == 2));
        }
        SwapRepair.Repaired r = SwapRepair.repair(frames);
        assertEquals(1, r.swaps());
        for (int k = 0; k < 5; k++) {
            assertEquals(k == 2, r.legs()[k], "legs exchanged at frame " + k);
            assertEquals(false, r.arms()[k], "arms exchanged at frame " + k);
            Observation o = r.frames().get(k);
            assertEquals(100 + k, o.u(BlazePose.LEFT_KNEE), 1e-9, "frame " + k);
            assertEquals(300 + k, o.u(BlazePose.RIGHT_KNEE), 1e-9, "frame " + k);
            assertEquals(0.25, o.weight()[BlazePose.RIGHT_ANKLE], 1e-9, "weights travel with their landmark");
        }
    }

    @Test
    void crossingLegsAreLeftAlone() {
        // Legs passing each other in a side view: at the crossing both labelings fit equally well.
        List<Observation> frames = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            double[] pixels = new double[2 * BlazePose.COUNT];
            for (int[] pair : new int[][]{{25, 26}, {27, 28}, {29, 30}, {31, 32}}) {
                pixels[2 * pair[0]] = 200 + 20 * (k - 2);
                pixels[2 * pair[1]] = 200 - 20 * (k - 2);
            }
            frames.add(new Observation(k / 30.0, pixels, new Vec3[33], new Vec3[33], new double[33], 1));
        }
        assertEquals(0, SwapRepair.repair(frames).swaps());
    }

    /**
     * Legs passing each other (crossing at frame 5), the model's labels exchanged from the
     * crossing to frame 7: choosing frame by frame, the swap taken at the crossing would be
     * "repaired" at frame 8 and carried to the end; the whole-clip choice exchanges frames 6 and 7
     * (at frame 5 both labelings are the same picture).
     */
    @Test
    void aSwapThatBeginsAtACrossingIsNotCarriedOn() {
        List<Observation> frames = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
            double left = 200 + 15 * (k - 5), right = 200 - 15 * (k - 5);
            boolean swapped = k >= 5 && k <= 7;
            double[] pixels = new double[2 * BlazePose.COUNT];
            for (int[] pair : new int[][]{{25, 26}, {27, 28}, {29, 30}, {31, 32}}) {
                pixels[2 * pair[0]] = swapped ? right : left;
                pixels[2 * pair[1]] = swapped ? left : right;
            }
            frames.add(new Observation(k / 30.0, pixels, new Vec3[33], new Vec3[33], new double[33], 1));
        }
        SwapRepair.Repaired r = SwapRepair.repair(frames);
        assertEquals(2, r.swaps());
        for (int k = 0; k < 16; k++) {
            assertEquals(200 + 15 * (k - 5), r.frames().get(k).u(BlazePose.LEFT_KNEE), 1e-9, "frame " + k);
        }
    }

    /** The left leg at x = 100 + k and the right at 300 + k, labels exchanged when {@code swapped}. */
    private static Observation frame(int k, boolean swapped) {
        double[] pixels = new double[2 * BlazePose.COUNT], weight = new double[BlazePose.COUNT];
        Vec3[] points = new Vec3[BlazePose.COUNT];
        java.util.Arrays.fill(points, Vec3.ZERO);
        int[][] legs = {{25, 26}, {27, 28}, {29, 30}, {31, 32}};
        for (int[] pair : legs) {
            int left = swapped ? pair[1] : pair[0], right = swapped ? pair[0] : pair[1];
            pixels[2 * left] = 100 + k;
            pixels[2 * right] = 300 + k;
            weight[left] = 0.9;
            weight[right] = 0.25;
        }
        return new Observation(k / 30.0, pixels, points, points.clone(), weight, 1);
    }
}
