package dev.mocap.filter;

import dev.mocap.body.FootContacts;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import dev.mocap.nn.ModelStore;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TangentSpaceFilterTest {

    /** A root spinning about +Y at 2 turns per second with each frame's quaternion sign flipped at random. */
    private static Motion spin(int frames, boolean flipSigns) {
        Motion walk = TestMotions.walk(frames, 30);
        Quat[][] rotations = new Quat[frames][];
        java.util.Random r = new java.util.Random(5);
        for (int t = 0; t < frames; t++) {
            rotations[t] = walk.rotations().frame(t);
            Quat q = Quat.axisAngle(Vec3.Y, 4 * Math.PI * t / 30);
            rotations[t][0] = flipSigns && r.nextBoolean() ? q.negated() : q;
        }
        return new Motion(walk.skeleton(), 30, walk.rootPositions(), rotations, new double[frames],
                new FootContacts(new boolean[frames], new boolean[frames]));
    }

    @Test
    void aSteadySpinSurvivesSignFlipsAndFullTurns() {
        Motion flipped = spin(90, true);
        Motion out = new TangentSpaceFilter(new GaussianSmoothing(0.05)).apply(flipped);
        for (int t = 0; t < 90; t++) {
            Quat expected = Quat.axisAngle(Vec3.Y, 4 * Math.PI * t / 30);
            assertEquals(0, expected.conjugate().times(out.rotations().get(t, 0)).angle(), 1e-6, "frame " + t);
        }
        assertSame(flipped.confidence(), out.confidence());
        assertSame(flipped.contacts(), out.contacts());
        assertEquals(flipped.fps(), out.fps());
        assertSame(flipped.skeleton(), out.skeleton());
    }

    @Test
    void everyPresetRunsOnShortClipsAndKeepsTheFrameCount() {
        for (SmoothingPreset preset : SmoothingPreset.values()) {
            for (int n : new int[]{0, 1, 2, 4, 40}) {
                Motion m = spin(n, true);
                Motion out = preset.filter(ModelStore::locate).apply(m);
                assertEquals(n, out.frameCount(), preset + " on " + n + " frames");
                for (int t = 0; t < n; t++) {
                    assertTrue(Double.isFinite(out.rootPositions()[t].x()) && Math.abs(out.rotations().get(t, 3).dot(out.rotations().get(t, 3)) - 1) < 1e-9);
                }
            }
        }
    }

    @Test
    void presetsParseTheirCommandLineNames() {
        assertEquals(SmoothingPreset.ONE_EURO, SmoothingPreset.parse("one-euro"));
        assertTrue(SmoothingPreset.names().contains("savgol"));
    }
}
