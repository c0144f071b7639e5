package dev.mocap.pipeline;

import dev.mocap.TestData;
import dev.mocap.nn.ModelStore;
import dev.mocap.pose.LandmarkStats;
import dev.mocap.pose.LandmarksJson;
import dev.mocap.pose.PeopleFrame;
import dev.mocap.pose.PeopleSequence;
import dev.mocap.pose.PoseModels;
import dev.mocap.pose.PoseOptions;
import dev.mocap.pose.PoseTracker;
import dev.mocap.video.TestClip;
import dev.mocap.video.VideoFrame;
import dev.mocap.video.VideoInfo;
import dev.mocap.video.VideoSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The landmarks job's two stages (decoding ahead on its own thread into recycled frames, tracking
 * in the caller's) against the plain way: one thread decoding each frame into a new array with
 * FFmpeg's automatic threads and tracking it before the next.
 */
class LandmarksPipelineTest {
    /** Three seconds of the clip: a second person comes in at frame 61 and is found by the detector. */
    private static final int FRAMES = 90;

    @TempDir
    Path dir;

    @Test
    void writesTheSameFileAsDecodingAndTrackingInOneThread() throws IOException {
        Path video = TestData.file("video/sports2d/demo.mp4");
        PoseOptions options = PoseOptions.defaults();
        Path json = dir.resolve("demo.json");

        new LandmarksJob(ModelStore.locate(), options).run(video, json, null, Progress.silent(), FRAMES);

        PeopleSequence plain = oneThread(video, options);
        assertEquals(FRAMES, plain.frames().size());
        assertTrue(plain.persons().size() >= 2, "a second person comes in: " + plain.persons());
        assertArrayEquals(asJson(plain, options), Files.readAllBytes(json));
    }

    @Test
    void aFailureWhileTrackingStopsTheDecoderAndLeavesNoFile() throws IOException {
        Path video = TestClip.of(160, 120).frames(40).writeTo(dir.resolve("clip.mp4"));
        IllegalStateException failure = new IllegalStateException("tracking failed");
        Progress failing = Progress.reportingTo((done, total) -> {
            if (done == 5) {
                throw failure;
            }
        });
        Path json = dir.resolve("clip.json"), overlay = dir.resolve("overlay.mp4");

        assertSame(failure, assertThrows(IllegalStateException.class,
                () -> new LandmarksJob(ModelStore.locate(), PoseOptions.defaults()).run(video, json, overlay, failing)));

        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().startsWith("video-prefetch") && thread.isAlive()), "the decoding thread still runs");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(video), files.toList(), "nothing but the input is left in the folder");
        }
    }

    private static PeopleSequence oneThread(Path video, PoseOptions options) {
        List<PeopleFrame> frames = new ArrayList<>();
        VideoInfo info;
        try (VideoSource source = VideoSource.open(video);
             PoseModels models = PoseModels.open(ModelStore.locate(), options)) {
            PoseTracker tracker = new PoseTracker(models, options.minPoseScore());
            info = source.info();
            for (VideoFrame frame = source.next(); frame != null && frames.size() < FRAMES; frame = source.next()) {
                frames.add(new PeopleFrame(frame.index(), frame.timestamp(), tracker.track(frame)));
            }
        }
        return new PeopleSequence(info, options.model().fileBase(), frames, List.of());
    }

    private static byte[] asJson(PeopleSequence people, PoseOptions options) throws IOException {
        List<Integer> selected = options.person().select(people);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LandmarksJson.write(people, selected, LandmarkStats.summarize(people, selected.isEmpty() ? PeopleSequence.NOBODY : selected.get(0)), out);
        return out.toByteArray();
    }
}
