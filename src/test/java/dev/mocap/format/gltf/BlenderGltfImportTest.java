package dev.mocap.format.gltf;

import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.body.Smpl24;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.Mannequin;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.BlenderImport;
import dev.mocap.format.BlenderMeshCheck;
import dev.mocap.format.BlenderRunner;
import dev.mocap.format.BodyOption;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import dev.mocap.format.bvh.BvhOptions;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.format.fbx.FbxOptions;
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

/**
 * Blender's glTF importer, with default settings, reads our GLB files: 24 bones, the frame range
 * at the scene's rate, the subject upright at its real size with joints within 1 mm of our
 * forward kinematics, and the mannequin as one mesh whose vertices Blender's armature moves to
 * within 1 mm of our own skinning. Skipped without Blender.
 */
class BlenderGltfImportTest {
    private static final int FPS = 30;
    private static final int FRAMES = 61;
    /** glTF time 0 is Blender frame 0, so Blender frames are our frames. */
    private static final int[] CHECKED_FRAMES = {0, 13, 30, 47, 60};
    private static final double TOLERANCE_METRES = 0.001;
    private static final double CMU_UNIT = 0.056444;
    private static final Motion WALK = TestMotions.walk(FRAMES, FPS);
    private static Map<String, BlenderImport.Result> imports;

    @BeforeAll
    static void importIntoBlender(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(BlenderRunner.available(), "Blender not installed (apt-get install blender python3-numpy, or set BLENDER)");
        GltfExporter.write(WALK, GltfOptions.DEFAULT, dir.resolve("walk.glb"));
        GltfExporter.write(WALK, GltfOptions.DEFAULT.withBody(BodyOption.MANNEQUIN), dir.resolve("walk_mannequin.glb"));
        imports = BlenderImport.gltf(dir, FPS, CHECKED_FRAMES, List.of(
                new BlenderImport.Request("bones", dir.resolve("walk.glb")),
                new BlenderImport.Request("mannequin", dir.resolve("walk_mannequin.glb"))));
    }

    @Test
    void oneArmatureOf24BonesOverTheWholeMotion() {
        for (BlenderImport.Result r : imports.values()) {
            assertEquals(1, r.armatures());
            assertEquals(24, r.bones());
            assertEquals(0, r.firstFrame(), 1e-6);
            assertEquals(FRAMES - 1, r.lastFrame(), 1e-6);
            assertEquals(FPS, r.exactFps(), 1e-9);
        }
    }

    @Test
    void jointsLandWhereOurForwardKinematicsPutsThem() {
        for (Map.Entry<String, BlenderImport.Result> e : imports.entrySet()) {
            double worst = 0;
            for (int frame : CHECKED_FRAMES) {
                Vec3[] ours = WALK.jointPositions(frame);
                for (int j = 0; j < Smpl24.COUNT; j++) {
                    Vec3 blender = BlenderImport.fromBlender(e.getValue().head(frame, Smpl24.NAMES.get(j)));
                    worst = Math.max(worst, blender.distance(ours[j]));
                }
            }
            System.out.printf("Blender GLB (%s) vs FK: max %.4f mm over %d frames × 24 joints%n", e.getKey(), worst * 1000, CHECKED_FRAMES.length);
            assertTrue(worst < TOLERANCE_METRES, e.getKey() + ": max distance " + worst + " m");
        }
    }

    @Test
    void uprightInMetres() {
        for (BlenderImport.Result r : imports.values()) {
            for (int frame : CHECKED_FRAMES) {
                Vec3 pelvis = r.head(frame, "pelvis");
                assertEquals(WALK.rootPositions()[frame].y(), pelvis.z(), TOLERANCE_METRES, "pelvis height at frame " + frame);
                assertTrue(r.head(frame, "head").z() > pelvis.z() + 0.5, "head above the pelvis at frame " + frame);
            }
        }
    }

    /** A CMU clip (31 joints at 120 fps, read from its BVH) through GLB into Blender: every joint where the BVH puts it. */
    @Test
    void cmuRunFromBvh(@TempDir Path dir) throws Exception {
        Motion run = BvhReader.read(TestData.file("mocap/cmu/cmu_09_11_run.bvh"), CMU_UNIT);
        Path glb = dir.resolve("run.glb");
        new Exporters(BvhOptions.DEFAULT, FbxOptions.DEFAULT, GltfOptions.DEFAULT).write(run, Format.GLB, glb);
        int[] frames = {0, 1, 40, 100, 165};
        BlenderImport.Result r = BlenderImport.gltf(dir, (int) run.fps(), frames, List.of(new BlenderImport.Request("run", glb))).get("run");
        assertEquals(run.skeleton().size(), r.bones());
        assertEquals(run.frameCount() - 1, r.lastFrame(), 1e-6);
        double worst = 0;
        for (int frame : frames) {
            Vec3[] bvh = run.jointPositions(frame);
            for (int j = 0; j < bvh.length; j++) {
                worst = Math.max(worst, BlenderImport.fromBlender(r.head(frame, run.skeleton().name(j))).distance(bvh[j]));
            }
        }
        System.out.printf("CMU run BVH → GLB → Blender: %d joints, %d frames, max %.4f mm from the BVH%n", r.bones(), run.frameCount(), 1000 * worst);
        assertTrue(worst < TOLERANCE_METRES, "joints differ from the BVH by up to " + 1000 * worst + " mm");
    }

    @Test
    void theMannequinMovesWithTheBones() {
        assertEquals(0, imports.get("bones").meshes());
        BlenderImport.Result r = imports.get("mannequin");
        assertEquals(1, r.meshes());
        SkinnedMesh mesh = Mannequin.of(WALK.skeleton());
        double worst = 0;
        for (int frame : CHECKED_FRAMES) {
            worst = Math.max(worst, BlenderMeshCheck.worstVertexError(mesh, WALK, frame, r.vertices(frame)));
        }
        System.out.printf("Blender GLB mannequin: %d vertices, max %.4f mm from our skinning over %d frames%n",
                r.vertices(0).size(), worst * 1000, CHECKED_FRAMES.length);
        assertTrue(worst < TOLERANCE_METRES, "vertices differ from our skinning by up to " + worst + " m");
    }
}
