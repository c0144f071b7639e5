package dev.mocap.export.bvh;

import dev.mocap.body.Motion;
import dev.mocap.body.Smpl24;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import dev.mocap.export.BlenderRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
    /** Per imported file, Blender's printed lines. */
    private static final Map<String, List<String[]>> IMPORTS = new HashMap<>();

    @BeforeAll
    static void importIntoBlender(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(BlenderRunner.available(), "Blender not installed (apt-get install blender python3-numpy, or set BLENDER)");
        new BvhWriter().write(WALK, dir.resolve("walk_m.bvh"));
        new BvhWriter(BvhOptions.DEFAULT.withUnit(BvhOptions.Unit.CENTIMETRES)).write(WALK, dir.resolve("walk_cm.bvh"));
        String script = """
                import bpy
                frames = %s
                for tag, file, scale in [('m', 'walk_m.bvh', 1.0), ('cm', 'walk_cm.bvh', 1.0), ('cm_scaled', 'walk_cm.bvh', 0.01)]:
                    bpy.ops.wm.read_factory_settings(use_empty=True)
                    bpy.ops.import_anim.bvh(filepath=file, global_scale=scale, update_scene_fps=True)
                    scene = bpy.context.scene
                    arm = next(o for o in scene.objects if o.type == 'ARMATURE')
                    print('RESULT', tag, 'bones', len(arm.data.bones))
                    print('RESULT', tag, 'range', *arm.animation_data.action.frame_range)
                    print('RESULT', tag, 'fps', scene.render.fps, repr(scene.render.fps / scene.render.fps_base))
                    for f in frames:
                        scene.frame_set(f)
                        for bone in arm.pose.bones:
                            p = arm.matrix_world @ bone.head
                            print('RESULT', tag, 'head', f, bone.name, repr(p.x), repr(p.y), repr(p.z))
                """.formatted(Arrays.toString(CHECKED_FRAMES));
        for (String line : BlenderRunner.run(script, dir).lines().toList()) {
            String[] words = line.split(" ");
            if (words[0].equals("RESULT")) {
                IMPORTS.computeIfAbsent(words[1], k -> new ArrayList<>()).add(words);
            }
        }
    }

    @Test
    void everyJointBecomesABone() {
        assertEquals("24", value("m", "bones")[3]);
    }

    @Test
    void framesAndRateCarryOver() {
        String[] range = value("m", "range");
        assertEquals(1, Double.parseDouble(range[3]), 0);
        assertEquals(FRAMES, Double.parseDouble(range[4]), 0);
        String[] fps = value("m", "fps");
        assertEquals("30", fps[3]);
        assertEquals(FPS, Double.parseDouble(fps[4]), 1e-9);
    }

    @Test
    void jointsLandWhereOurForwardKinematicsPutsThem() {
        double worst = worstDistance("m", 1);
        System.out.printf("Blender BVH import vs FK: max %.4f mm over %d frames × 24 joints%n", worst * 1000, CHECKED_FRAMES.length);
        assertTrue(worst < 0.001, "max distance " + worst + " m");
    }

    @Test
    void theBodyStandsUpInBlender() {
        for (int frame : CHECKED_FRAMES) {
            Vec3 head = blenderHead("m", frame, "head"), pelvis = blenderHead("m", frame, "pelvis");
            assertTrue(head.z() - pelvis.z() > 0.5, "frame " + frame + ": head above the pelvis on Blender's Z");
        }
        // Walking along +Z in the file is walking along Blender's -Y.
        assertTrue(blenderHead("m", 60, "pelvis").y() < blenderHead("m", 1, "pelvis").y() - 2);
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
        int compared = 0;
        for (int frame : CHECKED_FRAMES) {
            Vec3[] ours = WALK.jointPositions(frame - 1);
            for (int j = 0; j < Smpl24.COUNT; j++) {
                worst = Math.max(worst, toBlender(ours[j].times(factor)).distance(blenderHead(tag, frame, Smpl24.NAMES.get(j))));
                compared++;
            }
        }
        assertEquals(CHECKED_FRAMES.length * Smpl24.COUNT, compared);
        return worst;
    }

    /** Blender imports a Y-up file as (x, y, z) → (x, −z, y). */
    private static Vec3 toBlender(Vec3 p) {
        return new Vec3(p.x(), -p.z(), p.y());
    }

    private static Vec3 blenderHead(String tag, int frame, String bone) {
        for (String[] w : lines(tag)) {
            if (w[2].equals("head") && Integer.parseInt(w[3]) == frame && w[4].equals(bone)) {
                return new Vec3(Double.parseDouble(w[5]), Double.parseDouble(w[6]), Double.parseDouble(w[7]));
            }
        }
        throw new AssertionError("Blender printed no head for " + bone + " at frame " + frame + " (" + tag + ")");
    }

    private static String[] value(String tag, String key) {
        return lines(tag).stream().filter(w -> w[2].equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("Blender printed no " + key + " for " + tag));
    }

    private static List<String[]> lines(String tag) {
        List<String[]> lines = IMPORTS.get(tag);
        if (lines == null) {
            throw new AssertionError("Blender printed nothing for " + tag);
        }
        return lines;
    }
}
