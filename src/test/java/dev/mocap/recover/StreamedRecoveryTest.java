package dev.mocap.recover;

import dev.mocap.MocapException;
import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.nn.ModelStore;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.PeopleFrame;
import dev.mocap.pose.PeopleSequence;
import dev.mocap.pose.PersonSelection;
import dev.mocap.pose.TrackedPose;
import dev.mocap.video.VideoInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recovery while tracking runs against recovery of each person's whole landmark sequence afterwards. */
class StreamedRecoveryTest {
    private static final double FIRST_WINDOW = 12, WINDOW = 9, OVERLAP = 3;

    /**
     * Two people over 23 s in windows of 12 s, then 9 s: one in every frame, one who comes in at 4 s and is
     * gone from 12 to 15 s (a gap too long to bridge, so two segments). Streamed frame by frame,
     * each person's recovery is the one of their whole sequence, to the last bit, and every window
     * but the last was recovered before the video ended.
     */
    @Test
    void recoveringWhileTrackingGivesWhatRecoveringAfterwardsGives() throws IOException {
        SyntheticLandmarks.Clip jump = clip(77), again = clip(78);
        List<FramePose> first = jump.landmarks().frames(), second = again.landmarks().frames();
        int frames = first.size();
        double fps = jump.landmarks().video().fps();
        int late = (int) (4 * fps);
        List<PeopleFrame> video = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            double t = i / fps;
            List<TrackedPose> people = new ArrayList<>();
            people.add(new TrackedPose(1, first.get(i).landmarks()));
            if (i >= late && (t < 12 || t >= 15)) {
                people.add(new TrackedPose(2, second.get(i - late).landmarks()));
            }
            video.add(new PeopleFrame(i, first.get(i).timestamp(), people));
        }
        VideoInfo info = jump.landmarks().video();
        PeopleSequence people = new PeopleSequence(info, jump.landmarks().model(), video, List.of("a warning of the landmarks"));
        RecoveryOptions options = RecoveryOptions.defaults().withFocal(SyntheticLandmarks.FOCAL);
        MotionRecovery fit = RecoveryMethod.FIT.create(ModelStore.locate());
        List<Integer> windowsRecovered = new ArrayList<>();
        StreamedRecovery streamed = new StreamedRecovery(new WindowedRecovery((seq, o) -> {
            windowsRecovered.add(seq.frames().size());
            return fit.recover(seq, o);
        }, FIRST_WINDOW, WINDOW, OVERLAP), options, PersonSelection.ALL, jump.landmarks().model());

        video.forEach(frame -> streamed.frame(info, frame));

        // Windows [0, 12), [9, 18) and [15, 24) s: the first two end before the video does, for each person.
        assertEquals(4, windowsRecovered.size(), "windows recovered while tracking: " + windowsRecovered);
        assertEquals(List.of(360, 360, 270, 270), windowsRecovered, "12 s, then 9 s of frames, both people at once");
        WindowedRecovery afterwards = new WindowedRecovery(fit, FIRST_WINDOW, WINDOW, OVERLAP);
        for (int person : List.of(1, 2)) {
            Recovery expected = afterwards.recover(people.person(person), options);
            Recovery actual = streamed.finish(person, info, people.warnings());
            assertSame(expected, actual);
        }
        assertEquals(2, streamed.finish(2, info, people.warnings()).segments().size(), "the long gap splits the second person");
        streamed.keepOnly(List.of(1));
        assertThrows(MocapException.class, () -> streamed.finish(2, info, people.warnings()), "a person let go has no frames left");
    }

    @Test
    void nobodyFollowedIsRecoveryOfNobody() throws IOException {
        SyntheticLandmarks.Clip jump = clip(77);
        VideoInfo info = jump.landmarks().video();
        StreamedRecovery streamed = new StreamedRecovery(new WindowedRecovery(RecoveryMethod.FIT.create(ModelStore.locate()), FIRST_WINDOW, WINDOW, OVERLAP),
                RecoveryOptions.defaults(), PersonSelection.of(1), "test");
        for (FramePose f : jump.landmarks().frames()) {
            streamed.frame(info, new PeopleFrame(f.index(), f.timestamp(), List.of(new TrackedPose(2, f.landmarks()))));
        }

        MocapException e = assertThrows(MocapException.class, () -> streamed.finish(PeopleSequence.NOBODY, info, List.of()));
        assertTrue(e.getMessage().contains("no person found"), e.getMessage());
        assertThrows(MocapException.class, () -> streamed.finish(2, info, List.of()), "only the asked-for person is followed");
    }

    private static SyntheticLandmarks.Clip clip(long seed) throws IOException {
        Motion motion = BvhReader.read(TestData.file("mocap/cmu/cmu_01_01_jump.bvh"), SyntheticLandmarks.CMU_UNIT);
        return SyntheticLandmarks.of("jump", motion, 1, 4, 30, SyntheticLandmarks.Noise.BLAZEPOSE, seed);
    }

    /** The same segments (start, flags, every root position and joint rotation), camera, skeleton and warnings. */
    private static void assertSame(Recovery expected, Recovery actual) {
        assertEquals(expected.warnings(), actual.warnings());
        assertEquals(expected.camera(), actual.camera());
        assertEquals(expected.skeleton().names(), actual.skeleton().names());
        assertArrayEquals(expected.skeleton().offsets(), actual.skeleton().offsets());
        assertEquals(expected.segments().size(), actual.segments().size());
        for (int s = 0; s < expected.segments().size(); s++) {
            Segment a = expected.segments().get(s), b = actual.segments().get(s);
            assertEquals(a.startTime(), b.startTime());
            assertArrayEquals(a.interpolated(), b.interpolated());
            assertArrayEquals(a.motion().rootPositions(), b.motion().rootPositions());
            for (int f = 0; f < a.motion().frameCount(); f++) {
                assertArrayEquals(a.motion().rotations().frame(f), b.motion().rotations().frame(f), "frame " + f);
            }
            assertArrayEquals(a.motion().confidence(), b.motion().confidence());
        }
    }
}
