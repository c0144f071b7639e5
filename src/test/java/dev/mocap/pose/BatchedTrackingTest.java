package dev.mocap.pose;

import dev.mocap.TestData;
import dev.mocap.nn.Device;
import dev.mocap.nn.ModelStore;
import dev.mocap.video.VideoFrame;
import dev.mocap.video.VideoSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tracker runs the landmark model on everyone it follows in one call: the landmarks are those of a call per person. */
class BatchedTrackingTest {
    private static final int FRAMES = 120;

    @Test
    void peopleFollowedTogetherGetTheLandmarksOfTheirOwnCalls() {
        PoseOptions options = PoseOptions.defaults();
        ModelStore store = ModelStore.locate();
        int compared = 0;
        try (VideoSource source = VideoSource.open(TestData.file("video/sports2d/demo.mp4"));
             PoseModels models = PoseModels.open(store, options);
             LandmarkEstimator alone = new LandmarkEstimator(store.onnx(options.model()), Device.CPU, options.threads())) {
            PoseTracker tracker = new PoseTracker(models, options.minPoseScore());
            for (VideoFrame frame = source.next(); frame != null && frame.index() < FRAMES; frame = source.next()) {
                for (TrackedPose p : tracker.track(frame)) {
                    Landmarks expected = alone.estimate(frame, p.landmarks().roi()).landmarks(), actual = p.landmarks();
                    assertArrayEquals(expected.image(), actual.image(), 1e-3f, "person " + p.person() + " in frame " + frame.index());
                    assertArrayEquals(expected.world(), actual.world(), 1e-5f);
                    assertEquals(expected.score(), actual.score(), 1e-5f);
                    compared++;
                }
            }
            int[] calls = tracker.landmarkCalls();
            assertTrue(calls[2] > 0, "no frame had two people followed together");
            int crops = 0;
            for (int size = 1; size < calls.length; size++) {
                crops += size * calls[size];
            }
            assertEquals(tracker.landmarkRuns(), crops, "every crop counted in one call");
        }
        assertTrue(compared > FRAMES, "several people a frame: " + compared);
    }
}
