package dev.mocap.format.bvh;

import dev.mocap.body.Motion;
import dev.mocap.body.Smpl24;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import dev.mocap.format.BlenderImport;
import dev.mocap.format.BlenderRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Blender's own BVH importer reads what {@link BvhWriter} writes: same bones, frames and pose. */
class BvhBlenderTest {
    private static final int FRAMES = 60;
    private static final double FPS = 30;
    private static final int[] CHECKED_FRAMES = {1, 12, 25, 38, 47, 60};

    private static final Motion WALK = TestMotions.walk(FRAMES, FPS);
    private static Map<String, BlenderImport.Result> imports;

    @BeforeAll
    static void importIntoBlender(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(BlenderRunner.available(), "Blender not installed (apt-get install blender python3-numpy, or set BLENDER)");
        new BvhWriter().write(WALK, dir.resolve("walk_m.bvh"));
        new BvhWriter(BvhOptions.DEFAULT.withUnit(BvhOptions.Unit.CENTIMETRES)).write(WALK, dir.resolve("walk_cm.bvh"));
        imports = BlenderImport.bvh(dir, CHECKED_FRAMES, List.of(
                new BlenderImport.Request("m", dir.resolve("walk_m.bvh"), 1.0),
                new BlenderImport.Request("cm", dir.resolve("walk_cm.bvh"), 1.0),
                new BlenderImport.Request("cm_scaled", dir.resolve("walk_cm.bvh"), 0.01)));
    }

    @Test
    void everyJointBecomesABone() {
        assertEquals(24, imports.get("m").bones());
    }

    @Test
    void framesAndRateCarryOver() {
        BlenderImport.Result m = imports.get("m");
        assertEquals(1, m.firstFrame(), 0);
        assertEquals(FRAMES, m.lastFrame(), 0);
        assertEquals(30, m.fps());
        assertEquals(FPS, m.exactFps(), 1e-9);
    }

    @Test
    void jointsLandWhereOurForwardKinematicsPutsThem() {
        double worst = worstDistance("m", 1);
        System.out.printf("Blender BVH import vs FK: max %.4f mm over %d frames × 24 joints%n", worst * 1000, CHECKED_FRAMES.length);
        assertTrue(worst < 0.001, "max distance " + worst + " m");
    }

    @Test
    void theBodyStandsUpInBlender() {
        BlenderImport.Result m = imports.get("m");
        for (int frame : CHECKED_FRAMES) {
            assertTrue(m.head(frame, "head").z() - m.head(frame, "pelvis").z() > 0.5, "frame " + frame + ": head above the pelvis on Blender's Z");
        }
        // Walking along +Z in the file is walking along Blender's -Y.
        assertTrue(m.head(60, "pelvis").y() < m.head(1, "pelvis").y() - 2);
    }

    @Test
    void centimetreFilesComeIn100TimesLargerUnlessScaled() {
        double unscaled = worstDistance("cm", 100);
        assertTrue(unscaled < 0.1, "a cm file read as metres is the body 100× larger (within 1 mm × 100): " + unscaled);
        double scaled = worstDistance("cm_scaled", 1);
        System.out.printf("Blender cm BVH with global_scale 0.01 vs FK: max %.4f mm%n", scaled * 1000);
        assertTrue(scaled < 0.001, "max distance " + scaled + " m");
    }

    /** Largest distance between Blender's bone heads and our joints (scaled by {@code factor}). */
    private static double worstDistance(String tag, double factor) {
        double worst = 0;
        for (int frame : CHECKED_FRAMES) {
            Vec3[] ours = WALK.jointPositions(frame - 1);
            for (int j = 0; j < Smpl24.COUNT; j++) {
                Vec3 blender = imports.get(tag).head(frame, Smpl24.NAMES.get(j));
                worst = Math.max(worst, BlenderImport.toBlender(ours[j].times(factor)).distance(blender));
            }
        }
        return worst;
    }
}
