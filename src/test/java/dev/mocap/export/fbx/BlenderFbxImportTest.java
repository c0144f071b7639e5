package dev.mocap.export.fbx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.body.Vec3;
import dev.mocap.export.BlenderRunner;
import dev.mocap.export.EulerOrder;
import dev.mocap.export.bvh.BvhReader;
import dev.mocap.export.fbx.binary.FbxVersion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Blender's FBX importer, with default settings, reads our files: every bone, the frame range
 * and rate, the subject upright at its real size, and joint positions within 1 mm of our
 * forward kinematics. Blender shows a Y-up file's (x, y, z) as (x, −z, y). Skipped without Blender.
 */
class BlenderFbxImportTest {
    private static final double TOLERANCE_METRES = 0.001;
    private static final double CMU_UNIT = 0.056444;
    /** Imports each file into an empty scene; prints bones, frame range, fps and posed bone heads. */
    private static final String SCRIPT = """
            import bpy, json
            results = {}
            for entry in json.loads(%s):
                bpy.ops.wm.read_factory_settings(use_empty=True)
                bpy.ops.import_scene.fbx(filepath=entry['file'])
                scene = bpy.context.scene
                armatures = [o for o in scene.objects if o.type == 'ARMATURE']
                arm = armatures[0]
                result = {'armatures': len(armatures), 'bones': len(arm.data.bones),
                          'frame_range': list(arm.animation_data.action.frame_range),
                          'fps': scene.render.fps / scene.render.fps_base, 'positions': {}}
                for frame in entry['frames']:
                    scene.frame_set(frame + 1)
                    result['positions'][str(frame)] = {b.name: list(arm.matrix_world @ b.head) for b in arm.pose.bones}
                results[entry['file']] = result
            print('RESULT ' + json.dumps(results))
            """;

    private record Export(Motion motion, Path file, int[] frames) {
    }

    @TempDir
    Path dir;

    @BeforeEach
    void needsBlender() {
        Assumptions.assumeTrue(BlenderRunner.available(), "Blender not installed (blender on the PATH or BLENDER)");
    }

    @Test
    void syntheticWalkInEveryOption() throws Exception {
        Motion walk = SyntheticWalk.motion();
        int[] frames = {0, 13, 30, 47, 59};
        Map<String, FbxOptions> variants = new LinkedHashMap<>();
        variants.put("walk_7400", FbxOptions.DEFAULT);
        variants.put("walk_7500", FbxOptions.DEFAULT.withVersion(FbxVersion.V7500));
        variants.put("walk_metre", FbxOptions.DEFAULT.withUnit(FbxUnit.METRE));
        variants.put("walk_yxz", FbxOptions.DEFAULT.withRotationOrder(EulerOrder.YXZ));
        List<Export> exports = new ArrayList<>();
        variants.forEach((name, options) -> {
            Path file = dir.resolve(name + ".fbx");
            FbxExporter.write(walk, options, file);
            exports.add(new Export(walk, file, frames));
        });
        importAndCheck(exports);
    }

    @Test
    void cmuRunFromBvh() throws Exception {
        Motion run = BvhReader.read(TestData.file("mocap/cmu/cmu_09_11_run.bvh"), CMU_UNIT);
        Path file = dir.resolve("run.fbx");
        FbxExporter.write(run, FbxOptions.DEFAULT, file);
        importAndCheck(List.of(new Export(run, file, new int[]{0, 1, 40, 100, 165})));
    }

    private void importAndCheck(List<Export> exports) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> entries = exports.stream()
                .map(e -> Map.<String, Object>of("file", e.file().toString(), "frames", e.frames())).toList();
        String out = BlenderRunner.run(SCRIPT.formatted(pythonString(json.writeValueAsString(entries))), dir);
        String line = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError("no result from Blender:\n" + out));
        JsonNode results = json.readTree(line.substring("RESULT ".length()));
        for (Export export : exports) {
            check(export, results.path(export.file().toString()));
        }
    }

    private static void check(Export export, JsonNode result) {
        Motion motion = export.motion();
        String name = export.file().getFileName().toString();
        assertEquals(1, result.path("armatures").asInt(), name);
        assertEquals(motion.skeleton().size(), result.path("bones").asInt(), name + " bones");
        assertEquals(1, result.path("frame_range").get(0).asDouble(), 1e-6, name + " first frame");
        assertEquals(motion.frameCount(), result.path("frame_range").get(1).asDouble(), 1e-6, name + " last frame");
        assertEquals(motion.fps(), result.path("fps").asDouble(), 1e-6, name + " fps");
        double worst = 0;
        for (int frame : export.frames()) {
            JsonNode positions = result.path("positions").path(Integer.toString(frame));
            Vec3[] expected = motion.jointPositions(frame);
            for (int j = 0; j < expected.length; j++) {
                worst = Math.max(worst, fromBlender(positions.path(motion.skeleton().name(j))).distance(expected[j]));
            }
            Vec3 pelvis = fromBlender(positions.path(motion.skeleton().name(0)));
            assertEquals(expected[0].y(), pelvis.y(), TOLERANCE_METRES, name + " pelvis height in metres, frame " + frame);
            assertTrue(headAbovePelvis(motion, positions), name + " upright at frame " + frame);
        }
        System.out.printf("Blender %s: %d bones, frames %s, %.0f fps, max joint position difference %.4f mm%n",
                name, result.path("bones").asInt(), result.path("frame_range"), result.path("fps").asDouble(), 1000 * worst);
        assertTrue(worst < TOLERANCE_METRES, name + ": joint positions differ by up to " + 1000 * worst + " mm");
    }

    /** The highest joint is well above the root, in Blender's up axis (Z). */
    private static boolean headAbovePelvis(Motion motion, JsonNode positions) {
        double pelvisZ = positions.path(motion.skeleton().name(0)).get(2).asDouble();
        double highest = Double.NEGATIVE_INFINITY;
        for (String joint : motion.skeleton().names()) {
            highest = Math.max(highest, positions.path(joint).get(2).asDouble());
        }
        return highest > pelvisZ + 0.3;
    }

    /** Blender (x, y, z) of a Y-up file is the file's (x, z, −y). */
    private static Vec3 fromBlender(JsonNode p) {
        return new Vec3(p.get(0).asDouble(), p.get(2).asDouble(), -p.get(1).asDouble());
    }

    /** A Python string literal holding the text. */
    private static String pythonString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
