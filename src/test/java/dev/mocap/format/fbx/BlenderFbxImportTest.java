package dev.mocap.format.fbx;

import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.Mannequin;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.BlenderImport;
import dev.mocap.format.BlenderMeshCheck;
import dev.mocap.format.BlenderRunner;
import dev.mocap.format.BodyOption;
import dev.mocap.format.EulerOrder;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.format.fbx.binary.FbxVersion;
import dev.mocap.retarget.ExportPreset;
import dev.mocap.retarget.Presets;
import dev.mocap.retarget.Retargeting;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Blender's FBX importer, with default settings, reads our files: every bone, the frame range
 * and rate, the subject upright at its real size, joint positions within 1 mm of our forward
 * kinematics, and the mannequin skinned so that its vertices follow the bones to within 1 mm of
 * our own skinning. FBX time 0 is Blender frame 1. Skipped without Blender.
 */
class BlenderFbxImportTest {
    private static final double TOLERANCE_METRES = 0.001;
    private static final double CMU_UNIT = 0.056444;

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
        variants.put("walk_mannequin", FbxOptions.DEFAULT.withBody(BodyOption.MANNEQUIN));
        List<BlenderImport.Request> requests = new ArrayList<>();
        variants.forEach((name, options) -> {
            Path file = dir.resolve(name + ".fbx");
            FbxExporter.write(walk, options, file);
            requests.add(new BlenderImport.Request(name, file));
        });
        Map<String, BlenderImport.Result> results = BlenderImport.fbx(dir, blenderFrames(frames), requests);
        results.forEach((name, result) -> check(name, walk, frames, result));
    }

    @Test
    void cmuRunFromBvh() throws Exception {
        Motion run = BvhReader.read(TestData.file("mocap/cmu/cmu_09_11_run.bvh"), CMU_UNIT);
        Path file = dir.resolve("run.fbx");
        FbxExporter.write(run, FbxOptions.DEFAULT, file);
        int[] frames = {0, 1, 40, 100, 165};
        check("run", run, frames, BlenderImport.fbx(dir, blenderFrames(frames), List.of(new BlenderImport.Request("run", file))).get("run"));
    }

    /** Each built-in preset's FBX: its rig's bone names in Blender, the retargeted motion's joint positions. */
    @Test
    void everyBuiltInPreset() throws Exception {
        Motion walk = SyntheticWalk.motion();
        int[] frames = {0, 30, 59};
        Map<String, Motion> motions = new LinkedHashMap<>();
        List<BlenderImport.Request> requests = new ArrayList<>();
        for (ExportPreset preset : Presets.builtIn()) {
            Motion out = Retargeting.of(preset).apply(walk);
            Path file = dir.resolve(preset.name() + ".fbx");
            FbxExporter.write(out, FbxOptions.DEFAULT, file);
            motions.put(preset.name(), out);
            requests.add(new BlenderImport.Request(preset.name(), file));
        }
        BlenderImport.fbx(dir, blenderFrames(frames), requests).forEach((name, result) -> check(name, motions.get(name), frames, result));
    }

    /** The mannequin comes as one mesh, and Blender's armature moves its vertices as our skinning does. */
    @Test
    void mannequinMovesWithTheBones() throws Exception {
        Motion walk = SyntheticWalk.motion();
        int[] frames = {0, 21, 44};
        Path file = dir.resolve("mannequin.fbx");
        FbxExporter.write(walk, FbxOptions.DEFAULT.withBody(BodyOption.MANNEQUIN), file);
        BlenderImport.Result result = BlenderImport.fbx(dir, blenderFrames(frames), List.of(new BlenderImport.Request("m", file))).get("m");
        assertEquals(1, result.meshes());
        SkinnedMesh mesh = Mannequin.of(walk.skeleton());
        assertEquals(mesh.vertexCount(), result.vertices(1).size());
        double worst = 0;
        for (int frame : frames) {
            worst = Math.max(worst, BlenderMeshCheck.worstVertexError(mesh, walk, frame, result.vertices(frame + 1)));
        }
        System.out.printf("Blender FBX mannequin: %d vertices, max %.4f mm from our skinning over %d frames%n",
                mesh.vertexCount(), worst * 1000, frames.length);
        assertTrue(worst < TOLERANCE_METRES, "vertices differ from our skinning by up to " + worst + " m");
    }

    private static void check(String name, Motion motion, int[] frames, BlenderImport.Result result) {
        assertEquals(1, result.armatures(), name);
        assertEquals(motion.skeleton().size(), result.bones(), name + " bones");
        assertEquals(1, result.firstFrame(), 1e-6, name + " first frame");
        assertEquals(motion.frameCount(), result.lastFrame(), 1e-6, name + " last frame");
        assertEquals(motion.fps(), result.exactFps(), 1e-6, name + " fps");
        double worst = 0;
        for (int frame : frames) {
            Vec3[] expected = motion.jointPositions(frame);
            for (int j = 0; j < expected.length; j++) {
                worst = Math.max(worst, BlenderImport.fromBlender(result.head(frame + 1, motion.skeleton().name(j))).distance(expected[j]));
            }
            Vec3 pelvis = BlenderImport.fromBlender(result.head(frame + 1, motion.skeleton().name(0)));
            assertEquals(expected[0].y(), pelvis.y(), TOLERANCE_METRES, name + " pelvis height in metres, frame " + frame);
            assertTrue(highestJoint(motion, result, frame + 1) > pelvis.y() + 0.3, name + " upright at frame " + frame);
        }
        System.out.printf("Blender %s: %d bones, frames %.0f–%.0f, %.0f fps, max joint position difference %.4f mm%n",
                name, result.bones(), result.firstFrame(), result.lastFrame(), result.exactFps(), 1000 * worst);
        assertTrue(worst < TOLERANCE_METRES, name + ": joint positions differ by up to " + 1000 * worst + " mm");
    }

    /** Height (the file's Y) of the highest joint at a Blender frame. */
    private static double highestJoint(Motion motion, BlenderImport.Result result, int blenderFrame) {
        return motion.skeleton().names().stream()
                .mapToDouble(joint -> BlenderImport.fromBlender(result.head(blenderFrame, joint)).y()).max().orElseThrow();
    }

    /** FBX time 0 is Blender frame 1. */
    private static int[] blenderFrames(int[] frames) {
        return Arrays.stream(frames).map(f -> f + 1).toArray();
    }
}
