package dev.mocap.body;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(-10, m.lowestFootMm(), 1e-9);
        assertEquals(List.of(), m.warnings());
    }

    /**
     * A second of standing 20 cm up (on a box) with the feet drifting 5 mm a frame and no foot
     * called planted: the sliding counts all the same, the feet float, and the missing contacts
     * are warned about.
     */
    @Test
    void slidingIsJudgedOnTheSupportingFeetNotOnTheToolsContacts() {
        int n = 30;
        Quat[][] rotations = new Quat[n][Smpl24.COUNT];
        Vec3[] root = new Vec3[n];
        for (int f = 0; f < n; f++) {
            Arrays.fill(rotations[f], Quat.IDENTITY);
            root[f] = new Vec3(0.005 * f, 0.95 + 0.2, 0);
        }
        boolean[] none = new boolean[n];
        Motion box = new Motion(TestMotions.humanSkeleton(), 30, root, rotations, null, new FootContacts(none, none.clone()));
        MotionMetrics m = MotionMetrics.of(box);
        assertEquals(5, m.footSlidingMmPerFrame(), 1e-9);
        assertEquals(0, MotionMetrics.slidingMmPerFrame(box, box.contacts()), "the old figure: nothing planted, nothing measured");
        assertEquals(0, m.contactFraction());
        assertEquals(200, m.lowestFootMm(), 1e-6);
        assertEquals(1, m.warnings().size(), m.warnings().toString());
        assertTrue(m.warnings().get(0).contains("no foot is planted"), m.warnings().get(0));
    }
}
