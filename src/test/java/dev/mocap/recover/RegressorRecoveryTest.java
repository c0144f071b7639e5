package dev.mocap.recover;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Camera;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.body.TestMotions;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.nn.Device;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.pose.Landmarks;
import dev.mocap.pose.Roi;
import dev.mocap.smpl.SmplModel;
import dev.mocap.smpl.SyntheticSmplModel;
import dev.mocap.video.VideoFrame;
import dev.mocap.video.VideoInfo;
import dev.mocap.video.VideoSource;
import dev.mocap.video.VideoWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ONNX regressor backend on a filmed synthetic walk and a video made here, with tiny networks
 * of known output ({@link TinyRegressor}): that exact motion comes out, down to the BVH.
 */
class RegressorRecoveryTest {
    private static final int FRAMES = 48, WIDTH = 640, HEIGHT = 360;
    private static final double FPS = 30, FOCAL = 500;
    /** Looks along world −Z from 6 m out, 1 m up: world Y up becomes camera y down. */
    private static final Camera CAMERA = Camera.atOrigin(FOCAL, WIDTH, HEIGHT).withPose(Quat.axisAngle(Vec3.X, Math.PI), new Vec3(0, 1, 6));
    private static final Quat CAMERA_TO_Y_UP = Quat.axisAngle(Vec3.X, Math.PI);

    @TempDir
    static Path dir;
    private static LandmarkSequence walk;

    @BeforeAll
    static void filmWalk() {
        Path video = dir.resolve("walk.mp4");
        try (VideoWriter writer = VideoWriter.create(video, WIDTH, HEIGHT, FPS)) {
            for (int f = 0; f < FRAMES; f++) {
                byte[] rgb = new byte[WIDTH * HEIGHT * 3];
                Arrays.fill(rgb, (byte) (40 + 3 * f));
                writer.write(new VideoFrame(f, f / FPS, WIDTH, HEIGHT, rgb));
            }
        }
        Motion motion = TestMotions.walk(FRAMES, FPS);
        List<FramePose> frames = new ArrayList<>();
        for (int f = 0; f < FRAMES; f++) {
            Vec3[] p = SyntheticBody.landmarks(motion.rootPositions()[f], motion.rotations().frame(f));
            Vec3 hips = CAMERA.toCamera(p[BlazePose.LEFT_HIP].lerp(p[BlazePose.RIGHT_HIP], 0.5));
            float[] image = new float[3 * BlazePose.COUNT], world = new float[3 * BlazePose.COUNT], ones = new float[BlazePose.COUNT];
            Arrays.fill(ones, 1);
            for (int i = 0; i < BlazePose.COUNT; i++) {
                Vec3 c = CAMERA.toCamera(p[i]);
                double[] uv = CAMERA.project(c);
                image[3 * i] = (float) uv[0];
                image[3 * i + 1] = (float) uv[1];
                Vec3 w = c.minus(hips);
                world[3 * i] = (float) w.x();
                world[3 * i + 1] = (float) w.y();
                world[3 * i + 2] = (float) w.z();
            }
            double[] centre = CAMERA.project(hips);
            frames.add(new FramePose(f, f / FPS, new Landmarks(image, world, ones, ones.clone(), 0.9f,
                    new Roi(centre[0], centre[1], 150 + f, 0.2))));
        }
        walk = new LandmarkSequence(new VideoInfo(video, WIDTH, HEIGHT, FPS, FRAMES, 0, FRAMES / FPS, "h264"), "synthetic", frames, List.of());
    }

    private static RecoveryOptions exact() {
        return new RecoveryOptions(FOCAL, Double.NaN, Double.NaN, Double.NaN, true, 0.5, 0, RecoveryMethod.FIT, null);
    }

    private static Path model(String name, TinyRegressor.Spec spec) throws IOException {
        Path file = dir.resolve(name);
        TinyRegressor.write(file, spec);
        return file;
    }

    private static Motion recover(Path model, RecoveryOptions options) {
        Recovery r = new RegressorRecovery(model, Device.CPU, 1, null).recover(walk, options);
        assertEquals(1, r.segments().size());
        return r.segments().get(0).motion();
    }

    private static CropBox box(int frame) {
        return PersonCrops.box(walk.frames().get(frame));
    }

    /** Axis-angle θ in windows of 8, one result per crop: the BVH has exactly the table's rotations and the converted camera's path. */
    @Test
    void knownOutputArrivesExactlyInTheBvh() throws IOException {
        Motion motion = recover(model("aa.onnx", TinyRegressor.Spec.of(8, false, false)), exact());
        Path bvh = dir.resolve("aa.bvh");
        Exporters.defaults().write(motion, Format.BVH, bvh);
        Motion back = BvhReader.read(bvh, 1);
        assertEquals(FRAMES, back.frameCount());
        assertEquals(FPS, back.fps(), 1e-9);
        double worstAngle = 0, worstMm = 0;
        for (int f = 0; f < FRAMES; f++) {
            int t = f % 8;
            for (int j = 0; j < Smpl24.COUNT; j++) {
                Quat expected = j == 0 ? CAMERA_TO_Y_UP.times(TinyRegressor.rotation(t, 0)) : TinyRegressor.rotation(t, j);
                Quat written = back.rotations().get(f, back.skeleton().indexOf(Smpl24.NAMES.get(j)));
                worstAngle = Math.max(worstAngle, expected.conjugate().times(written).angle());
            }
            double[] cam = TinyRegressor.cam(t);
            Vec3 pelvis = CAMERA_TO_Y_UP.rotate(WeakPerspective.translation(cam[0], cam[1], cam[2], box(f),
                    Camera.atOrigin(FOCAL, WIDTH, HEIGHT)));
            worstMm = Math.max(worstMm, 1000 * pelvis.distance(back.rootPositions()[f]));
        }
        System.out.printf("regressor → BVH: %d frames, largest rotation difference %.2e rad, pelvis %.4f mm%n", FRAMES, worstAngle, worstMm);
        assertTrue(worstAngle < 1e-5, worstAngle + " rad");
        assertTrue(worstMm < 0.01, worstMm + " mm");
    }

    /** With the user's SMPL model: the skeleton is J(β̄) of the clip's mean β, the pelvis J₀(β̄) + t. */
    @Test
    void anSmplModelGivesTheBodyOfTheRegressedShape() throws IOException {
        SyntheticSmplModel synthetic = new SyntheticSmplModel();
        Path modelFile = dir.resolve("smpl.npz");
        synthetic.write(modelFile);
        Recovery r = new RegressorRecovery(model("shape.onnx", TinyRegressor.Spec.of(8, false, false)), Device.CPU, 1,
                SmplModel.read(modelFile)).recover(walk, exact());
        double[] mean = new double[TinyRegressor.BETAS];
        for (int b = 0; b < mean.length; b++) {
            for (int t = 0; t < 8; t++) {
                mean[b] += TinyRegressor.beta(t, b) / 8;
            }
        }
        Vec3[] joints = synthetic.joints(mean);
        Motion motion = r.segments().get(0).motion();
        for (int j = 1; j < Smpl24.COUNT; j++) {
            assertEquals(0, motion.skeleton().offset(j).distance(joints[j].minus(joints[Smpl24.parents()[j]])), 1e-6, Smpl24.NAMES.get(j));
        }
        for (int f = 0; f < FRAMES; f += 7) {
            double[] cam = TinyRegressor.cam(f % 8);
            Vec3 t = WeakPerspective.translation(cam[0], cam[1], cam[2], box(f), Camera.atOrigin(FOCAL, WIDTH, HEIGHT));
            assertEquals(0, CAMERA_TO_Y_UP.rotate(t.plus(joints[0])).distance(motion.rootPositions()[f]), 1e-6, "frame " + f);
        }
    }

    /** SPIN's 6D θ (skewed, unnormalised columns) gives the same rotations. */
    @Test
    void sixDRotationsAreOrthonormalisedAsSpinDoes() throws IOException {
        Motion motion = recover(model("6d.onnx", TinyRegressor.Spec.of(8, false, true)), exact());
        double worst = 0;
        for (int f = 0; f < FRAMES; f++) {
            for (int j = 1; j < Smpl24.COUNT; j++) {
                worst = Math.max(worst, TinyRegressor.rotation(f % 8, j).conjugate().times(motion.rotations().get(f, j)).angle());
            }
        }
        assertTrue(worst < 1e-5, worst + " rad");
    }

    /**
     * A TCMR-style network answering for its middle crop, with box information: frame i's result
     * is the one of the window centred on crop i, which is frame i's cut of the video.
     */
    @Test
    void middleFrameNetworksSeeEachFrameAtTheirCentre() throws IOException {
        double gain = 0.3;
        Motion motion = recover(model("middle.onnx", TinyRegressor.Spec.of(5, true, false).withGain(gain).withBoxes()), exact());
        float[] crop = new float[3 * RegressorContract.SIDE * RegressorContract.SIDE];
        float[] table = TinyRegressor.poseRow(2, false);
        double worst = 0;
        double[] means = new double[FRAMES];
        try (VideoSource video = VideoSource.open(walk.video().file())) {
            for (int f = 0; f < FRAMES; f++) {
                PersonCrops.cut(video.next(), box(f), crop, 0);
                double mean = 0;
                for (float v : crop) {
                    mean += v;
                }
                means[f] = mean / crop.length;
                for (int j = 1; j < Smpl24.COUNT; j++) {
                    Quat expected = Quat.exp(new Vec3(table[3 * j] + gain * means[f], table[3 * j + 1] + gain * means[f],
                            table[3 * j + 2] + gain * means[f]));
                    worst = Math.max(worst, expected.conjugate().times(motion.rotations().get(f, j)).angle());
                }
            }
        }
        assertTrue(means[FRAMES - 1] - means[0] > 1, "the frames differ in brightness: " + means[0] + " … " + means[FRAMES - 1]);
        // ONNX Runtime sums the 150 528 values in float32; a neighbouring frame's crop would be off by about 0.015 rad.
        assertTrue(worst < 1e-3, worst + " rad");
    }

    /** Default options: the floor under the feet, the subject starting at the origin facing +Z, the depth path smoothed. */
    @Test
    void defaultOptionsLevelTheWorldAndSmoothTheDepth() throws IOException {
        Path file = model("level.onnx", TinyRegressor.Spec.of(8, false, false));
        RecoveryOptions defaults = RecoveryOptions.defaults().withFocal(FOCAL);
        Motion levelled = recover(file, defaults);
        Vec3 start = levelled.rootPositions()[0];
        assertEquals(0, start.x(), 1e-9);
        assertEquals(0, start.z(), 1e-9);
        Vec3 forward = levelled.rotations().get(0, 0).rotate(Vec3.Z);
        assertEquals(0, forward.x(), 1e-9);
        assertTrue(forward.z() > 0);
        double[] lowest = new double[FRAMES];
        for (int f = 0; f < FRAMES; f++) {
            Vec3[] p = levelled.jointPositions(f);
            lowest[f] = Math.min(p[Smpl24.LEFT_FOOT].y(), p[Smpl24.RIGHT_FOOT].y());
            for (int j = 1; j < Smpl24.COUNT; j++) {
                assertTrue(TinyRegressor.rotation(f % 8, j).conjugate().times(levelled.rotations().get(f, j)).angle() < 1e-5);
            }
        }
        Arrays.sort(lowest);
        assertEquals(0, lowest[(int) (0.1 * (FRAMES - 1))], 1e-9);

        Motion raw = recover(file, exact());
        Motion smooth = recover(file, new RecoveryOptions(FOCAL, Double.NaN, Double.NaN, Double.NaN, true, 0.5, 1, RecoveryMethod.FIT, null));
        double rawJerk = 0, smoothJerk = 0;
        for (int f = 1; f + 1 < FRAMES; f++) {
            rawJerk += Math.abs(secondDifference(raw, f));
            smoothJerk += Math.abs(secondDifference(smooth, f));
        }
        System.out.printf("regressor depth path: second differences %.1f mm raw, %.1f mm smoothed%n", 1000 * rawJerk, 1000 * smoothJerk);
        assertTrue(smoothJerk < 0.2 * rawJerk, smoothJerk + " vs " + rawJerk);
    }

    private static double secondDifference(Motion m, int f) {
        return m.rootPositions()[f + 1].z() - 2 * m.rootPositions()[f].z() + m.rootPositions()[f - 1].z();
    }

    @Test
    void modelsOutsideTheContractAreOneClearError() throws IOException {
        Path small = model("small.onnx", TinyRegressor.Spec.of(8, false, false).withCropSide(128));
        MocapException e = assertThrows(MocapException.class, () -> new RegressorRecovery(small, Device.CPU, 1, null));
        assertEquals(ExitCode.MODEL_MISSING, e.exitCode());
        assertTrue(e.getMessage().contains("'crops' [1, 8, 3, 128, 128]") && e.getMessage().contains("[1, T, 3, 224, 224]"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());

        Path narrow = model("narrow.onnx", TinyRegressor.Spec.of(8, false, false).withPoseWidth(70));
        e = assertThrows(MocapException.class, () -> new RegressorRecovery(narrow, Device.CPU, 1, null));
        assertTrue(e.getMessage().contains("'pose' [1, 8, 70]") && e.getMessage().contains("72 or 144"), e.getMessage());

        e = assertThrows(MocapException.class, () -> new RegressorRecovery(dir.resolve("absent.onnx"), Device.CPU, 1, null));
        assertTrue(e.getMessage().contains("absent.onnx is not there"), e.getMessage());
    }

    @Test
    void theVideoMustBeThere() throws IOException {
        Path file = model("novideo.onnx", TinyRegressor.Spec.of(8, false, false));
        LandmarkSequence elsewhere = new LandmarkSequence(new VideoInfo(dir.resolve("gone.mp4"), WIDTH, HEIGHT, FPS, FRAMES, 0, 1, "h264"),
                "synthetic", walk.frames(), List.of());
        MocapException e = assertThrows(MocapException.class,
                () -> new RegressorRecovery(file, Device.CPU, 1, null).recover(elsewhere, exact()));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("gone.mp4 is not there"), e.getMessage());
    }
}
