package dev.mocap.body;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MotionMetricsTest {

    /** Standing still in the rest pose, the root at x = 0, 1, 4 mm: every joint accelerates 2 mm/frame². */
    static Motion shuffle() {
        Quat[][] rotations = new Quat[3][Smpl24.COUNT];
        for (Quat[] frame : rotations) {
            Arrays.fill(frame, Quat.IDENTITY);
        }
        // Rest legs reach 0.95 m below the pelvis: at 0.94 m the balls of the feet are 10 mm under the floor.
        Vec3[] root = {new Vec3(0, 0.94, 0), new Vec3(0.001, 0.94, 0), new Vec3(0.004, 0.94, 0)};
        boolean[] planted = {true, true, true};
        return new Motion(TestMotions.humanSkeleton(), 30, root, rotations, null, new FootContacts(planted, planted.clone()));
    }

    @Test
    void handComputedFigures() {
        MotionMetrics m = MotionMetrics.of(shuffle());
        assertEquals(2, m.accelMmPerFrame2(), 1e-9);
        assertEquals((1 + 3) / 2.0, m.footSlidingMmPerFrame(), 1e-9);
        assertEquals(10, m.groundPenetrationMm(), 1e-9);
        assertEquals(1, m.contactFraction());
    }
}
