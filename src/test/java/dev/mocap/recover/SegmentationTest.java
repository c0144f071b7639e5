package dev.mocap.recover;

import dev.mocap.body.Quat;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short gaps are bridged, long ones split the motion, and users are told. */
class SegmentationTest {
    private static final double FPS = 30;

    @Test
    void shortGapIsFilledAndLongGapSplits() {
        // Seen in frames 0–19, 23–49 (a 3-frame gap) and 90–99 (after a 40-frame gap).
        List<Observation> seen = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            if (k < 20 || k >= 23 && k < 50 || k >= 90) {
                seen.add(observationAt(k / FPS));
            }
        }
        Grid grid = new Grid(seen, FPS);
        Track track = new Track(grid.size());
        for (int k = 0; k < grid.size(); k++) {
            if (grid.at(k) != null) {
                Quat[] pose = new Quat[Smpl24.COUNT];
                Arrays.fill(pose, Quat.axisAngle(Vec3.Y, k * 0.01));
                track.set(k, new Vec3(k * 0.01, 1, 0), pose, 0.9, null);
            }
        }
        List<String> warnings = new ArrayList<>();
        List<Segment> segments = track.segments(SyntheticBody.BODY.skeleton(), grid, 15, warnings);
        assertEquals(2, segments.size());
        assertEquals(50, segments.get(0).motion().frameCount());
        assertEquals(3, segments.get(0).interpolatedCount());
        assertEquals(10, segments.get(1).motion().frameCount());
        assertEquals(3.0, segments.get(1).startTime(), 1e-9);
        // The filled frames lie between their neighbours.
        Vec3 filled = segments.get(0).motion().rootPositions()[21];
        assertEquals(0.21, filled.x(), 1e-9);
        assertEquals(0.21, segments.get(0).motion().rotations().get(21, 5).angle(), 1e-9);
        assertEquals(0, segments.get(0).motion().confidence()[21]);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("1.67 s to 3.00 s"), warnings.get(0));
    }

    @Test
    void variableFrameTimesLandOnTheNearestFrame() {
        List<Observation> seen = List.of(observationAt(0), observationAt(0.031), observationAt(0.068), observationAt(0.1001));
        Grid grid = new Grid(seen, FPS);
        assertEquals(4, grid.size());
        for (int k = 0; k < 4; k++) {
            assertTrue(grid.at(k) != null, "frame " + k);
        }
    }

    private static Observation observationAt(double time) {
        return new Observation(time, new double[66], new Vec3[33], new Vec3[33], new double[33], 1);
    }
}
