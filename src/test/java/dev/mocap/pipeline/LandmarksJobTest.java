package dev.mocap.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.TestData;
import dev.mocap.nn.ModelStore;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.pose.LandmarksJson;
import dev.mocap.pose.PoseOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Landmarks from the real single-person clips of the shared test data. */
class LandmarksJobTest {
    /** The tfjs test's own tolerances for its MediaPipe reference (which was smoothed). */
    private static final double REFERENCE_PX = 31, REFERENCE_M = 0.24;

    @TempDir
    Path dir;

    @Test
    void squatsMatchTheMediaPipeReference() throws IOException {
        Path video = TestData.file("video/tfjs/pose_squats.mp4");
        LandmarksJob.Result r = runAndReport(video);
        JsonNode image = new ObjectMapper().readTree(TestData.file("video/tfjs/pose_squats.full.json").toFile());
        JsonNode world = new ObjectMapper().readTree(TestData.file("video/tfjs/pose_squats_3d.full.json").toFile());
        List<FramePose> frames = r.sequence().frames();
        assertEquals(image.size(), frames.size());
        List<Double> pixelErrors = new ArrayList<>();
        double worstWorld = 0;
        for (int i = 0; i < frames.size(); i++) {
            float[] px = frames.get(i).landmarks().image(), m = frames.get(i).landmarks().world();
            for (int j = 0; j < BlazePose.COUNT; j++) {
                for (int k = 0; k < 2; k++) {
                    pixelErrors.add(Math.abs(px[3 * j + k] - image.get(i).get(j).get(k).asDouble()));
                }
                for (int k = 0; k < 3; k++) {
                    worstWorld = Math.max(worstWorld, Math.abs(m[3 * j + k] - world.get(i).get(j).get(k).asDouble()));
                }
            }
        }
        Collections.sort(pixelErrors);
        double median = pixelErrors.get(pixelErrors.size() / 2), p99 = pixelErrors.get((int) (0.99 * pixelErrors.size()));
        System.out.printf("pose_squats vs MediaPipe reference: per-coordinate error median %.1f px, 99th percentile %.1f px, max %.1f px; world max %.3f m%n",
                median, p99, pixelErrors.get(pixelErrors.size() - 1), worstWorld);
        // The reference was smoothed by MediaPipe at 5 fps, so the fast-moving hands lag in it.
        assertTrue(median < 8, "median " + median);
        assertTrue(p99 < REFERENCE_PX, "99th percentile " + p99);
        assertTrue(worstWorld < REFERENCE_M, "world " + worstWorld);
    }

    @Test
    void renderedPersonIsFoundInEveryFrame() {
        runAndReport(TestData.file("video/tfjs/pose_1.mp4"));
    }

    @Test
    void jsonRoundTrips() throws IOException {
        Path video = TestData.file("video/tfjs/pose_1.mp4");
        Path json = dir.resolve("pose_1.json");
        LandmarksJob.Result r = new LandmarksJob(ModelStore.locate(), PoseOptions.defaults())
                .run(video, json, null, Progress.silent(), 10);
        LandmarkSequence back = LandmarksJson.read(json).person(r.selected().get(0));
        assertEquals(10, back.frames().size());
        FramePose a = r.sequence().frames().get(7), b = back.frames().get(7);
        assertEquals(a.timestamp(), b.timestamp(), 1e-6);
        for (int i = 0; i < 3 * BlazePose.COUNT; i++) {
            assertEquals(a.landmarks().image()[i], b.landmarks().image()[i], 0.006);
            assertEquals(a.landmarks().world()[i], b.landmarks().world()[i], 1e-5);
        }
        assertEquals(r.sequence().video().width(), back.video().width());
        assertTrue(Files.readString(json).contains("\"hip_jitter_median_px\""));
    }

    private static LandmarksJob.Result runAndReport(Path video) {
        LandmarksJob.Result r = new LandmarksJob(ModelStore.locate(), PoseOptions.defaults())
                .run(video, null, null, Progress.silent());
        System.out.println(video.getFileName() + ": " + r.summary());
        assertTrue(r.sequence().detectionRate() >= 0.95, "person found in " + r.sequence().detectionRate());
        return r;
    }
}
