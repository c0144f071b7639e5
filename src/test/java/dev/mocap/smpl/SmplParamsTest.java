package dev.mocap.smpl;

import dev.mocap.body.AdultSkeleton;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Smpl24;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SMPL parameters written in the AMASS layout and read back from each layout the tool accepts. */
class SmplParamsTest {
    private static final int FRAMES = 12;

    @Test
    void writtenParametersReadBackToTheSameJoints() throws IOException {
        Motion walk = TestMotions.walk(40, 30);
        Map<String, NpyArray> arrays = SmplParamsWriter.arrays(walk, SmplParamsWriter.Body.NONE);
        assertArrayEquals(new int[]{40, 72}, arrays.get("poses").shape());
        assertArrayEquals(new int[]{40, 3}, arrays.get("trans").shape());
        assertArrayEquals(new int[]{10}, arrays.get("betas").shape());
        assertEquals("neutral", arrays.get("gender").text()[0]);
        // The left hip's axis-angle is its local rotation as it is: −25° × sin(phase) about X.
        Vec3 hip = new Vec3(arrays.get("poses").at(72 * 5 + 3), arrays.get("poses").at(72 * 5 + 4), arrays.get("poses").at(72 * 5 + 5));
        assertEquals(walk.rotations().get(5, Smpl24.LEFT_HIP).log().distance(hip), 0, 1e-15);
        SmplParamsReader.Result back = SmplParamsReader.read(reread(arrays), "walk.smpl.npz", SmplParamsReader.Options.DEFAULT);
        assertEquals("AMASS", back.layout());
        assertEquals(SmplAxes.Y_UP, back.axes());
        assertEquals(30, back.motion().fps());
        assertEquals(walk.skeleton().names(), back.motion().skeleton().names());
        for (int f = 0; f < walk.frameCount(); f++) {
            Vec3[] a = walk.jointPositions(f), b = back.motion().jointPositions(f);
            for (int j = 0; j < a.length; j++) {
                assertEquals(0, a[j].distance(b[j]), 1e-9, "frame " + f + " joint " + j);
            }
        }
    }

    /** numpy.load reads the file as AMASS readers do (no pickles), with the axis-angle values written. */
    @Test
    void numpyReadsTheAmassLayout(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException, InterruptedException {
        Motion walk = TestMotions.walk(40, 30);
        java.nio.file.Path file = dir.resolve("walk.smpl.npz");
        SmplParamsWriter.write(walk, SmplParamsWriter.Body.NONE, file);
        String out = Python.run("""
                import numpy as np
                d = np.load('%s')
                print(d['poses'].shape, d['poses'].dtype, d['trans'].shape, d['betas'].shape, str(d['gender']), float(d['mocap_framerate']))
                print('%%.12f' %% np.linalg.norm(d['poses'][5, 3:6]))
                """.formatted(file));
        String[] lines = out.strip().split("\n");
        assertEquals("(40, 72) float64 (40, 3) (10,) neutral 30.0", lines[0]);
        assertEquals(walk.rotations().get(5, Smpl24.LEFT_HIP).angle(), Double.parseDouble(lines[1]), 1e-12);
    }

    /** Real AMASS files are Z up and SMPL-H (156 values a frame): turned upright, hands left at rest, feet on the floor. */
    @Test
    void amassMocapIsTurnedToYUp() throws IOException {
        double[] poses = new double[FRAMES * 156];
        double[] trans = new double[FRAMES * 3];
        for (int f = 0; f < FRAMES; f++) {
            poses[f * 156] = Math.PI / 2;                       // stands the body up in a Z-up world
            poses[f * 156 + 3 * Smpl24.LEFT_KNEE] = 0.1 * f;     // knee bends about X
            for (int k = 66; k < 156; k++) {
                poses[f * 156 + k] = 0.3;                        // SMPL-H fingers: not SMPL's hands
            }
            trans[3 * f] = 1;
            trans[3 * f + 1] = 2 + 0.05 * f;                    // walks along +Y (forward in Z-up)
            trans[3 * f + 2] = 0.9;
        }
        Map<String, NpyArray> a = new LinkedHashMap<>();
        a.put("trans", NpyArray.of(trans, FRAMES, 3));
        a.put("gender", NpyArray.text("female"));
        a.put("mocap_framerate", NpyArray.of(new double[]{120}));
        a.put("betas", NpyArray.of(new double[16], 16));
        a.put("dmpls", NpyArray.of(new double[FRAMES * 8], FRAMES, 8));
        a.put("poses", NpyArray.of(poses, FRAMES, 156));
        SmplParamsReader.Result r = SmplParamsReader.read(reread(a), "amass.npz", SmplParamsReader.Options.DEFAULT);
        assertEquals(SmplAxes.Z_UP, r.axes());
        Motion m = r.motion();
        assertEquals(120, m.fps());
        assertEquals(0, m.rotations().get(3, 0).angle(), 1e-12, "upright in Y-up");
        assertEquals(0.3, m.rotations().get(3, Smpl24.LEFT_KNEE).angle(), 1e-12);
        assertEquals(Quat.IDENTITY, m.rotations().get(3, Smpl24.LEFT_HAND));
        // Z-up (x, y, z) is Y-up (x, z, −y).
        assertEquals(1, m.rootPositions()[4].x(), 1e-12);
        assertEquals(-2.2, m.rootPositions()[4].z(), 1e-12);
        double lowest = Double.POSITIVE_INFINITY;
        for (int f = 0; f < FRAMES; f++) {
            Vec3[] p = m.jointPositions(f);
            lowest = Math.min(lowest, Math.min(p[Smpl24.LEFT_FOOT].y(), p[Smpl24.RIGHT_FOOT].y()));
        }
        assertEquals(0, lowest, 1e-12, "on the floor");
        assertEquals(AdultSkeleton.smpl24().offsets()[Smpl24.LEFT_KNEE], m.skeleton().offset(Smpl24.LEFT_KNEE), "default proportions");
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("default adult proportions")), r.notes().toString());
    }

    /** GVHMR / smplx: global_orient, a 21-joint body_pose (SMPL-X) and transl, Y up. */
    @Test
    void readsSeparateOrientBodyPoseAndTransl() throws IOException {
        Quat[][] expected = randomPoses(1);
        Map<String, NpyArray> a = new LinkedHashMap<>();
        a.put("global_orient", NpyArray.of(axisAngles(expected, 0, 1), FRAMES, 3));
        a.put("body_pose", NpyArray.of(axisAngles(expected, 1, 21), FRAMES, 21, 3));
        a.put("transl", NpyArray.of(new double[FRAMES * 3], FRAMES, 3));
        a.put("betas", NpyArray.of(new double[FRAMES * 10], FRAMES, 10));
        SmplParamsReader.Result r = SmplParamsReader.read(reread(a), "gvhmr.npz", new SmplParamsReader.Options(null, 30, null));
        assertEquals(SmplAxes.Y_UP, r.axes());
        for (int f = 0; f < FRAMES; f++) {
            for (int j = 0; j < 22; j++) {
                assertEquals(1, Math.abs(expected[f][j].dot(r.motion().rotations().get(f, j))), 1e-12, "frame " + f + " joint " + j);
            }
            assertEquals(Quat.IDENTITY, r.motion().rotations().get(f, Smpl24.RIGHT_HAND));
        }
    }

    /** 4D-Humans: rotation matrices and the camera translation; camera axes are turned 180° about X. */
    @Test
    void readsRotationMatricesInCameraAxes() throws IOException {
        Quat[][] expected = randomPoses(2);
        Map<String, NpyArray> a = new LinkedHashMap<>();
        a.put("global_orient", NpyArray.of(matrices(expected, 0, 1), FRAMES, 1, 3, 3));
        a.put("body_pose", NpyArray.of(matrices(expected, 1, 23), FRAMES, 23, 3, 3));
        double[] camT = new double[FRAMES * 3];
        for (int f = 0; f < FRAMES; f++) {
            camT[3 * f + 1] = 0.1;
            camT[3 * f + 2] = 5;
        }
        a.put("pred_cam_t", NpyArray.of(camT, FRAMES, 3));
        a.put("pred_cam", NpyArray.of(new double[FRAMES * 3], FRAMES, 3));
        SmplParamsReader.Result r = SmplParamsReader.read(reread(a), "hmr2.npz", SmplParamsReader.Options.DEFAULT);
        assertEquals(SmplAxes.CAMERA, r.axes());
        Quat flip = Quat.axisAngle(Vec3.X, Math.PI);
        for (int f = 0; f < FRAMES; f++) {
            assertEquals(1, Math.abs(flip.times(expected[f][0]).dot(r.motion().rotations().get(f, 0))), 1e-12);
            for (int j = 1; j < 24; j++) {
                assertEquals(1, Math.abs(expected[f][j].dot(r.motion().rotations().get(f, j))), 1e-12);
            }
            assertEquals(0, r.motion().rootPositions()[f].distance(new Vec3(0, -0.1, -5)), 1e-12);
        }
    }

    @Test
    void vibeOutputWithoutTranslationStaysInPlace() throws IOException {
        Map<String, NpyArray> a = new LinkedHashMap<>();
        a.put("pose", NpyArray.of(axisAngles(randomPoses(3), 0, 24), FRAMES, 72));
        a.put("orig_cam", NpyArray.of(new double[FRAMES * 4], FRAMES, 4));
        a.put("frame_ids", NpyArray.of(new double[FRAMES], FRAMES));
        SmplParamsReader.Result r = SmplParamsReader.read(reread(a), "vibe.npz", SmplParamsReader.Options.DEFAULT);
        assertEquals("VIBE/TCMR", r.layout());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("no translation")), r.notes().toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("30 fps assumed")), r.notes().toString());
    }

    @Test
    void unknownKeysAndShapesAreOneClearError() {
        Map<String, NpyArray> a = new LinkedHashMap<>();
        a.put("poses", NpyArray.of(new double[FRAMES * 70], FRAMES, 70));
        a.put("trans", NpyArray.of(new double[FRAMES * 3], FRAMES, 3));
        assertMessage("x.npz: poses has shape (12, 70); expected (F, 66) or (F, 72) or (F, 156) or (F, 165) axis-angle", a);
        a.put("poses", NpyArray.of(new double[FRAMES * 72], FRAMES, 72));
        a.put("trans", NpyArray.of(new double[11 * 3], 11, 3));
        assertMessage("x.npz: trans has shape (11, 3); expected (12, 3)", a);
        a.put("smpl_thetas", NpyArray.of(new double[3], 3));
        assertMessage("x.npz: unknown key 'smpl_thetas' (3,); this file has 'poses' (12, 72), 'trans' (11, 3), 'smpl_thetas' (3,)", a);
        Map<String, NpyArray> none = Map.of("betas", NpyArray.of(new double[10], 10));
        assertMessage("x.npz: no SMPL pose parameters (poses, pose_world, pose, or global_orient with body_pose); this file has 'betas' (10,)", none);
    }

    private static void assertMessage(String expectedStart, Map<String, NpyArray> arrays) {
        IOException e = assertThrows(IOException.class, () -> SmplParamsReader.read(arrays, "x.npz", SmplParamsReader.Options.DEFAULT));
        assertTrue(e.getMessage().startsWith(expectedStart) && !e.getMessage().contains("\n"), e.getMessage());
    }

    /** Written as an .npz and read back, as a user's file would be. */
    private static Map<String, NpyArray> reread(Map<String, NpyArray> arrays) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npz.write(out, arrays);
        return Npz.read(new ByteArrayInputStream(out.toByteArray()), "test.npz");
    }

    private static Quat[][] randomPoses(long seed) {
        java.util.Random random = new java.util.Random(seed);
        Quat[][] q = new Quat[FRAMES][24];
        for (int f = 0; f < FRAMES; f++) {
            for (int j = 0; j < 24; j++) {
                q[f][j] = Quat.exp(new Vec3(random.nextGaussian(), random.nextGaussian(), random.nextGaussian()).times(0.5));
            }
        }
        return q;
    }

    private static double[] axisAngles(Quat[][] q, int first, int count) {
        double[] out = new double[FRAMES * count * 3];
        for (int f = 0; f < FRAMES; f++) {
            for (int j = 0; j < count; j++) {
                Vec3 v = q[f][first + j].log();
                int at = (f * count + j) * 3;
                out[at] = v.x();
                out[at + 1] = v.y();
                out[at + 2] = v.z();
            }
        }
        return out;
    }

    /** Row-major 3×3 matrices. */
    private static double[] matrices(Quat[][] q, int first, int count) {
        double[] out = new double[FRAMES * count * 9];
        for (int f = 0; f < FRAMES; f++) {
            for (int j = 0; j < count; j++) {
                Quat r = q[f][first + j];
                Vec3[] columns = {r.rotate(Vec3.X), r.rotate(Vec3.Y), r.rotate(Vec3.Z)};
                for (int row = 0; row < 3; row++) {
                    for (int col = 0; col < 3; col++) {
                        Vec3 c = columns[col];
                        out[(f * count + j) * 9 + row * 3 + col] = row == 0 ? c.x() : row == 1 ? c.y() : c.z();
                    }
                }
            }
        }
        return out;
    }
}
