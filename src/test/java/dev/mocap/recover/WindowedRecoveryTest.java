package dev.mocap.recover;

import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.body.PoseErrors;
import dev.mocap.body.Vec3;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.nn.ModelStore;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.video.VideoInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowedRecoveryTest {

    @Test
    void aClipShorterThanOneWindowGoesToTheWrappedRecoveryUnchanged() {
        List<FramePose> frames = new ArrayList<>();
        for (int i = 0; i < 30 * 60; i++) {
            frames.add(new FramePose(i, i / 30.0, null));
        }
        LandmarkSequence landmarks = new LandmarkSequence(new VideoInfo(Path.of("one-minute.mp4"), 640, 480, 30, frames.size(), 0, 60, "h264"),
                "pose_landmark_full", frames, List.of());
        Recovery expected = new Recovery(List.of(), null, null, List.of("from the wrapped recovery"));
        MotionRecovery windowed = new WindowedRecovery((seq, options) -> {
            assertSame(landmarks, seq);
            return expected;
        });

        assertSame(expected, windowed.recover(landmarks, RecoveryOptions.defaults()));
    }

    /**
     * A 23 s clip in 9 s windows overlapping by 3 s: as accurate as one fit of the whole clip,
     * every frame recovered in one piece, and no step at the windows' seams larger than the
     * motion's own frame-to-frame steps.
     */
    @Test
    void windowsJoinWithoutSeamsAndLoseNoAccuracy() throws IOException {
        SyntheticLandmarks.Clip clip = jump(30);
        RecoveryOptions options = RecoveryOptions.defaults().withFocal(SyntheticLandmarks.FOCAL);
        MotionRecovery whole = RecoveryMethod.FIT.create(ModelStore.locate());
        Recovery once = whole.recover(clip.landmarks(), options);
        Recovery windowed = new WindowedRecovery(whole, 9, 9, 3).recover(clip.landmarks(), options);

        assertEquals(1, windowed.segments().size(), windowed.warnings().toString());
        assertTrue(windowed.warnings().stream().noneMatch(w -> w.contains("first seen")), "later windows' late starts are no news: " + windowed.warnings());
        assertTrue(windowed.warnings().stream().filter(w -> w.matches("\\d+ left/right limb swaps.*")).count() <= 1,
                "one count of swaps: " + windowed.warnings());
        Motion a = once.segments().get(0).motion(), b = windowed.segments().get(0).motion();
        assertEquals(a.frameCount(), b.frameCount());
        assertEquals(once.segments().get(0).startTime(), windowed.segments().get(0).startTime(), 1e-9);
        PoseErrors onceErrors = errors(a, clip), windowedErrors = errors(b, clip);
        String report = String.format(Locale.ROOT, "MPJPE whole %.1f mm, windowed %.1f mm; PA-MPJPE %.1f / %.1f mm; accel %.1f / %.1f",
                onceErrors.mpjpe(), windowedErrors.mpjpe(), onceErrors.paMpjpe(), windowedErrors.paMpjpe(),
                onceErrors.accelError(), windowedErrors.accelError());
        System.out.println("windowed recovery: " + report);
        assertTrue(windowedErrors.mpjpe() <= 1.1 * onceErrors.mpjpe() + 5, report);
        assertTrue(windowedErrors.paMpjpe() <= 1.1 * onceErrors.paMpjpe() + 3, report);
        assertTrue(windowedErrors.accelError() <= 1.1 * onceErrors.accelError() + 1, report);
        assertTrue(largestStep(b) <= 1.2 * largestStep(a) + 0.01,
                String.format(Locale.ROOT, "largest joint step per frame: windowed %.3f m, whole %.3f m", largestStep(b), largestStep(a)));
    }

    private static SyntheticLandmarks.Clip jump(double seconds) throws IOException {
        Motion motion = BvhReader.read(TestData.file("mocap/cmu/cmu_01_01_jump.bvh"), SyntheticLandmarks.CMU_UNIT);
        return SyntheticLandmarks.of("jump", motion, 1, 4, seconds, SyntheticLandmarks.Noise.BLAZEPOSE, 77);
    }

    private static PoseErrors errors(Motion motion, SyntheticLandmarks.Clip clip) {
        Vec3[][] predicted = new Vec3[clip.frames()][];
        for (int f = 0; f < clip.frames(); f++) {
            Vec3[] p = motion.jointPositions(f);
            predicted[f] = new Vec3[SyntheticLandmarks.EVAL_JOINTS.length];
            for (int i = 0; i < predicted[f].length; i++) {
                predicted[f][i] = p[SyntheticLandmarks.EVAL_JOINTS[i]];
            }
        }
        return PoseErrors.of(predicted, clip.truth(), 0);
    }

    /** The largest distance any joint moves from one frame to the next (m). */
    private static double largestStep(Motion m) {
        double largest = 0;
        Vec3[] previous = m.jointPositions(0);
        for (int f = 1; f < m.frameCount(); f++) {
            Vec3[] p = m.jointPositions(f);
            for (int j = 0; j < p.length; j++) {
                largest = Math.max(largest, p[j].minus(previous[j]).length());
            }
            previous = p;
        }
        return largest;
    }
}
