package dev.mocap.recover;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Camera;
import dev.mocap.body.Motion;
import dev.mocap.body.PoseErrors;
import dev.mocap.body.Vec3;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.nn.ModelStore;
import dev.mocap.nn.onnx.OnnxGraph;
import dev.mocap.nn.onnx.OnnxModel;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.synth.CorpusClip;
import dev.mocap.synth.SyntheticView;
import dev.mocap.video.VideoInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearnedLifterTest {
    private static final Path SAMPLE_MOTION = Path.of("samples", "walk_wave.bvh");

    @Test
    void aMissingOrCorruptLifterIsOneClearErrorThatSaysHowToRestoreIt(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("models", "manifest.json"), dir.resolve("manifest.json"));
        MocapException missing = assertThrows(MocapException.class, () -> RecoveryMethod.LEARNED.create(ModelStore.at(dir)));
        assertEquals(ExitCode.MODEL_MISSING, missing.exitCode());
        assertTrue(missing.getMessage().startsWith("lifter model missing or corrupt at " + dir.resolve("lifter.onnx")), missing.getMessage());
        assertTrue(missing.getMessage().contains("git checkout models/"), missing.getMessage());
        Files.write(dir.resolve("lifter.onnx"), new byte[]{1, 2, 3});
        assertEquals(ExitCode.MODEL_MISSING,
                assertThrows(MocapException.class, () -> RecoveryMethod.LEARNED.create(ModelStore.at(dir))).exitCode());
        RecoveryMethod.FIT.create(ModelStore.at(dir)); // the fit needs no network
    }

    @Test
    void aNetworkOfAnotherContractIsOneClearError(@TempDir Path dir) throws IOException {
        OnnxGraph graph = new OnnxGraph("other");
        graph.input("x", 1, 3, 4);
        graph.node("Relu", List.of("x"), LearnedLifter.OUTPUT);
        graph.output(LearnedLifter.OUTPUT, 1, 3, 4);
        Path file = dir.resolve("other.onnx");
        Files.write(file, OnnxModel.serialize(graph, "test", "not a lifter"));
        MocapException e = assertThrows(MocapException.class, () -> RecoveryMethod.learned(file));
        assertEquals(ExitCode.MODEL_MISSING, e.exitCode());
        assertEquals(file + " is not a lifting network of this version: it takes [1, 3, 4] to [1, 3, 4], not [1, 213, 208] to [1, 104, 128]"
                + " (restore the shipped one with 'git checkout models/')", e.getMessage());
    }

    /** The sample's walk and wave (the project's own motion) filmed by a synthetic camera with landmark-model errors. */
    private static SyntheticView sampleView(long seed) throws IOException {
        Motion motion = BvhReader.read(SAMPLE_MOTION, 1);
        return SyntheticView.evaluation(CorpusClip.of("walk_wave", motion), 300, new Random(seed));
    }

    /** Its shapes are nearer the truth than the world landmarks, and its up is the camera's within a few degrees. */
    @Test
    void theNetworkGivesBodyShapesCloserToTheTruthThanTheWorldLandmarksAndUp() throws IOException {
        LearnedLifter lifter = new LearnedLifter(ModelStore.locate().lifter(), 1);
        double worldError = 0, learnedError = 0;
        for (long seed = 1; seed <= 3; seed++) {
            SyntheticView view = sampleView(seed);
            Camera camera = Camera.atOrigin(view.camera().focal(), view.camera().width(), view.camera().height());
            List<Observation> observed = lifted(view.landmarks(), camera);
            LearnedLifter.Reshaped learned = lifter.reshape(observed, camera);
            for (int k = 0; k < view.frames(); k++) {
                Vec3[] truth = view.cameraRelative(k);
                worldError += shapeError(Lifter.bodyShape(observed.get(k)), truth) / view.frames() / 3;
                learnedError += shapeError(Lifter.bodyShape(learned.frames().get(k)), truth) / view.frames() / 3;
            }
            Vec3 up = view.camera().worldToCamera().rotate(Vec3.Y);
            double degrees = Math.toDegrees(learned.up().angle(up));
            assertTrue(degrees < 6, "the network's up is " + degrees + "° off the camera's (view " + seed + ")");
        }
        assertTrue(learnedError < 0.7 * worldError,
                "mean landmark error after Procrustes: network " + 1000 * learnedError + " mm, world landmarks " + 1000 * worldError + " mm");
    }

    private static List<Observation> lifted(LandmarkSequence seq, Camera camera) {
        List<Observation> out = new ArrayList<>();
        for (FramePose f : seq.frames()) {
            out.add(Lifter.lift(f.timestamp(), f.landmarks(), camera, 1));
        }
        return out;
    }

    /** Mean distance of the 33 landmarks after a similarity alignment (the network's scale is a convention). */
    private static double shapeError(Vec3[] shape, Vec3[] truth) {
        PoseErrors.Similarity a = PoseErrors.align(shape, truth, true);
        double sum = 0;
        for (int i = 0; i < shape.length; i++) {
            sum += a.apply(shape[i]).distance(truth[i]);
        }
        return sum / shape.length;
    }

    @Test
    void clipsOfAnyLengthFrameRateAndWithGapsAreRecovered() throws IOException {
        SyntheticView view = sampleView(7);
        MotionRecovery recovery = RecoveryMethod.LEARNED.create(ModelStore.locate());
        List<FramePose> all = view.landmarks().frames();
        for (int frames : new int[]{1, 2, 3, 40, 120}) {
            Recovery r = recovery.recover(sequence(view, all.subList(0, frames)), RecoveryOptions.defaults());
            assertEquals(frames, r.segments().get(0).motion().frameCount(), frames + " frames");
        }
        // Every sixth frame: a 5 fps clip; and a gap of 10 frames (0.33 s, filled in).
        List<FramePose> sparse = new ArrayList<>(), gappy = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            if (k % 6 == 0) {
                sparse.add(new FramePose(sparse.size(), all.get(k).timestamp(), all.get(k).landmarks()));
            }
            gappy.add(k >= 50 && k < 60 ? new FramePose(k, all.get(k).timestamp(), null) : all.get(k));
        }
        LandmarkSequence s = view.landmarks();
        VideoInfo video5 = new VideoInfo(s.video().file(), s.video().width(), s.video().height(), 5, sparse.size(), 0,
                sparse.size() / 5.0, "synthetic");
        Recovery fiveFps = recovery.recover(new LandmarkSequence(video5, s.model(), sparse, List.of()), RecoveryOptions.defaults());
        assertEquals(sparse.size(), fiveFps.segments().get(0).motion().frameCount());
        Recovery withGap = recovery.recover(sequence(view, gappy), RecoveryOptions.defaults());
        assertEquals(1, withGap.segments().size());
        assertEquals(all.size(), withGap.segments().get(0).motion().frameCount());
    }

    private static LandmarkSequence sequence(SyntheticView view, List<FramePose> frames) {
        LandmarkSequence s = view.landmarks();
        return new LandmarkSequence(s.video(), s.model(), frames, List.of());
    }
}
