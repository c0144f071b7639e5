package dev.mocap.preview;

import dev.mocap.body.Motion;
import dev.mocap.body.Vec3;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.nn.ModelStore;
import dev.mocap.pipeline.DemoJob;
import dev.mocap.pipeline.LandmarksJob;
import dev.mocap.pipeline.Progress;
import dev.mocap.recover.RecoveryMethod;
import dev.mocap.pose.PoseOptions;
import dev.mocap.video.VideoInfo;
import dev.mocap.video.VideoSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed sample clip: what it is, that BlazePose sees a person in it, and the demo's accuracy on it. */
class SampleClipTest {
    private static final SampleClip.Files SAMPLE = SampleClip.Files.in(Path.of("samples"));

    @Test
    void theClipIsSmallH264AndTheGroundTruthIsTheMotionInCode() throws Exception {
        assertTrue(Files.size(SAMPLE.video()) < 1_500_000, "sample clip size " + Files.size(SAMPLE.video()));
        Motion expected = SampleMotion.walkAndWave();
        try (VideoSource source = VideoSource.open(SAMPLE.video())) {
            VideoInfo info = source.info();
            assertEquals(SampleClip.WIDTH, info.width());
            assertEquals(expected.fps(), info.fps(), 1e-6);
        }
        Motion truth = BvhReader.read(SAMPLE.groundTruth(), 1);
        assertEquals(expected.frameCount(), truth.frameCount());
        for (int f = 0; f < truth.frameCount(); f += 7) {
            Vec3[] a = expected.jointPositions(f), b = truth.jointPositions(f);
            for (int j = 0; j < a.length; j++) {
                Vec3 same = b[truth.skeleton().indexOf(expected.skeleton().name(j))];
                assertEquals(0, a[j].distance(same), 1e-6, "frame " + f + " joint " + expected.skeleton().name(j));
            }
        }
        assertEquals(SampleClip.camera().focal(), SampleClip.readCamera(SAMPLE.camera()).focal(), 1e-9);
        assertEquals(0, SampleClip.camera().position().distance(SampleClip.readCamera(SAMPLE.camera()).position()), 1e-9);
    }

    @Test
    void blazePoseFindsThePersonInAtLeastNinetyPercentOfFrames() {
        LandmarksJob.Result r = new LandmarksJob(ModelStore.locate(), PoseOptions.defaults())
                .run(SAMPLE.video(), null, null, Progress.silent());
        assertTrue(r.sequence().detectionRate() >= 0.9, "person found in " + r.sequence().detectionRate() + " of the frames");
    }

    @Test
    void theDemoRecoversTheSampleMotion(@TempDir Path out) {
        DemoJob.Result r = DemoJob.run(ModelStore.locate(), Path.of("samples"), out, false, RecoveryMethod.FIT, Progress.silent());
        assertEquals(120, r.comparedFrames());
        // Measured 105 mm MPJPE and 73 mm PA-MPJPE over all 24 joints (fit; learned 116 / 75; the focal length guessed).
        assertTrue(r.errors().mpjpe() < 150, "MPJPE " + r.errors().mpjpe());
        assertTrue(r.errors().paMpjpe() < 100, "PA-MPJPE " + r.errors().paMpjpe());
        assertTrue(Files.isRegularFile(out.resolve("walk_wave.bvh")));
    }
}
