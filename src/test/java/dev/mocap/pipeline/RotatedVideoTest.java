package dev.mocap.pipeline;

import dev.mocap.TestData;
import dev.mocap.nn.ModelStore;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.PoseOptions;
import dev.mocap.video.TestClip;
import dev.mocap.video.VideoFrame;
import dev.mocap.video.VideoSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A phone video stores its pixels sideways and a display rotation in its metadata; the tool must
 * see the person upright, exactly as in the same video stored upright.
 */
class RotatedVideoTest {
    private static final int FRAMES = 12;

    @TempDir
    Path dir;

    @Test
    void landmarksOfASidewaysStoredVideoMatchTheUprightOne() throws IOException {
        Path upright = TestData.file("video/tfjs/pose_squats.mp4");
        List<VideoFrame> frames = new ArrayList<>();
        try (VideoSource source = VideoSource.open(upright)) {
            for (VideoFrame f = source.next(); f != null && frames.size() < FRAMES; f = source.next()) {
                frames.add(f);
            }
        }
        int w = frames.get(0).width(), h = frames.get(0).height();
        // Stored turned a quarter clockwise (h wide, w high); players turn it back counterclockwise.
        Path phone = TestClip.of(h, w).frames(FRAMES).fps(5).displayRotation(90)
                .pixels((width, height, index) -> TestClip.turnedClockwise(frames.get(index))).writeTo(dir.resolve("phone.mp4"));
        Path plain = TestClip.of(w, h).frames(FRAMES).fps(5)
                .pixels((width, height, index) -> frames.get(index).rgb()).writeTo(dir.resolve("plain.mp4"));

        LandmarksJob job = new LandmarksJob(ModelStore.locate(), PoseOptions.defaults());
        LandmarksJob.Result rotated = job.run(phone, null, null, Progress.silent());
        LandmarksJob.Result reference = job.run(plain, null, null, Progress.silent());
        assertEquals(w, rotated.sequence().video().width(), "delivered upright: portrait width");
        assertEquals(h, rotated.sequence().video().height());
        double worst = 0;
        for (int i = 0; i < FRAMES; i++) {
            FramePose a = rotated.sequence().frames().get(i), b = reference.sequence().frames().get(i);
            assertTrue(a.hasPerson() && b.hasPerson(), "person in frame " + i);
            for (int j : BlazePose.MAJOR_JOINTS) {
                worst = Math.max(worst, Math.hypot(a.landmarks().imageX(j) - b.landmarks().imageX(j),
                        a.landmarks().imageY(j) - b.landmarks().imageY(j)));
            }
            assertTrue(a.landmarks().imageY(BlazePose.LEFT_SHOULDER) < a.landmarks().imageY(BlazePose.LEFT_ANKLE), "head up");
        }
        System.out.printf("rotated phone video vs upright: limb landmarks within %.1f px%n", worst);
        assertTrue(worst < 15, "limb landmarks differ by " + worst + " px");
    }
}
