package dev.mocap.filter;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.body.PoseErrors;
import dev.mocap.body.Quat;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import dev.mocap.nn.ModelStore;
import dev.mocap.bench.CmuClips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearnedRefinerTest {

    @Test
    void theShippedModelIsFoundAndMatchesTheManifest() {
        assertEquals(SmoothingPreset.LEARNED, SmoothingPreset.parse("learned"));
        Path model = ModelStore.locate().refiner();
        assertTrue(Files.isRegularFile(model));
        assertEquals(Path.of("models").toAbsolutePath().normalize(), model.getParent());
    }

    @Test
    void aMissingOrCorruptModelIsOneClearError(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("models", "manifest.json"), dir.resolve("manifest.json"));
        MocapException missing = assertThrows(MocapException.class, () -> ModelStore.at(dir).refiner());
        assertEquals(ExitCode.MODEL_MISSING, missing.exitCode());
        assertTrue(missing.getMessage().startsWith("temporal_refiner model missing or corrupt at " + dir.resolve("temporal_refiner.onnx")),
                missing.getMessage());
        Files.write(dir.resolve("temporal_refiner.onnx"), new byte[] {1, 2, 3});
        assertEquals(ExitCode.MODEL_MISSING, assertThrows(MocapException.class, () -> ModelStore.at(dir).refiner()).exitCode());
    }

    @Test
    void clipsOfAnyLengthKeepTheirLengthAndStraightLinesStayStraight() {
        LearnedRefiner refiner = LearnedRefiner.of(ModelStore.locate());
        Random r = new Random(9);
        for (int n : new int[] {1, 2, 3, 7, 31, 32, 33, 47, 130}) {
            for (double fps : new double[] {30, 24, 60}) {
                double[] line = new double[n], noisy = new double[n];
                for (int t = 0; t < n; t++) {
                    line[t] = 0.4 - 0.02 * t;
                    noisy[t] = Math.sin(t / 5.0) + 0.05 * r.nextGaussian();
                }
                double[] refinedLine = refiner.apply(line, fps);
                for (int t = 0; t < n; t++) {
                    assertEquals(line[t], refinedLine[t], 1e-5, n + " frames at " + fps + " fps, frame " + t);
                }
                double[] refined = refiner.apply(noisy, fps);
                assertEquals(n, refined.length);
                for (double v : refined) {
                    assertTrue(Math.abs(v) < 2, n + " frames: " + v);
                }
            }
        }
        assertEquals(0, refiner.apply(new double[0], 30).length);
    }

    /** A steady spin is a straight rotation path: whatever sign each frame's quaternion has, it comes out unchanged. */
    @Test
    void rotationsAreRefinedWhateverTheirHemisphere() {
        Motion walk = TestMotions.walk(70, 30);
        Random r = new Random(5);
        Quat[][] rotations = new Quat[70][];
        for (int t = 0; t < 70; t++) {
            rotations[t] = walk.rotations().frame(t);
            Quat q = Quat.axisAngle(Vec3.Y, 4 * Math.PI * t / 30);
            rotations[t][0] = r.nextBoolean() ? q.negated() : q;
        }
        Motion out = SmoothingPreset.LEARNED.filter(ModelStore::locate).apply(new Motion(walk.skeleton(), 30, walk.rootPositions(), rotations));
        for (int t = 0; t < 70; t++) {
            Quat expected = Quat.axisAngle(Vec3.Y, 4 * Math.PI * t / 30);
            assertEquals(0, expected.conjugate().times(out.rotations().get(t, 0)).angle(), 1e-4, "frame " + t);
        }
    }

    /** The dance (a clip the refiner never saw in training), 450 frames at 30 fps with the benchmark's noise. */
    @Test
    void onAHeldOutNoisyCmuClipItCutsAccelerationErrorAndKeepsMpjpe() {
        CmuClips.Clip dance = CmuClips.HELD_OUT.get(1);
        Path cmu = TestData.file("mocap/cmu/" + dance.file()).getParent();
        Motion clean = CmuClips.every(CmuClips.read(cmu, dance), 0, CmuClips.STEP_TO_30_FPS);
        Motion noisy = EstimatorNoise.perFrameEstimator().applyTo(clean, new Random(17));
        PoseErrors before = PoseErrors.of(noisy, clean);
        PoseErrors after = PoseErrors.of(SmoothingPreset.LEARNED.filter(ModelStore::locate).apply(noisy), clean);
        assertTrue(after.accelError() <= 0.3 * before.accelError(), "accel error " + before.accelError() + " → " + after.accelError());
        assertTrue(after.mpjpe() <= 1.05 * before.mpjpe(), "MPJPE " + before.mpjpe() + " → " + after.mpjpe());
    }
}
