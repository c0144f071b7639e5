package dev.mocap.pipeline;

import dev.mocap.TestData;
import dev.mocap.nn.ModelStore;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.Landmarks;
import dev.mocap.pose.PeopleFrame;
import dev.mocap.pose.PeopleSequence;
import dev.mocap.pose.PersonSelection;
import dev.mocap.pose.PoseOptions;
import dev.mocap.video.TestClip;
import dev.mocap.video.VideoFrame;
import dev.mocap.video.VideoSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two people side by side, made by the test from one real clip: the rendered dancer of
 * {@code pose_1.mp4} on the left, and on the right the same clip mirrored and played backwards,
 * so the two move differently. Each must keep one id over the whole clip, including across a
 * stretch in which one of them is blanked out.
 */
class MultiPersonTrackingTest {
    private static final int FRAMES = 90;
    private static final int BLANK_FROM = 40, BLANK_TO = 50;
    /**
     * Each person is found within this many frames: the detector sees the whole pair at half the
     * scale of one clip and may miss a person there; the squares of the short side come in turn
     * every few frames.
     */
    private static final int FOUND_WITHIN = 35;

    @TempDir
    static Path dir;
    private static List<VideoFrame> source;
    private static int side;

    @BeforeAll
    static void readClip() {
        source = new ArrayList<>();
        try (VideoSource s = VideoSource.open(TestData.file("video/tfjs/pose_1.mp4"))) {
            for (VideoFrame f = s.next(); f != null && source.size() < FRAMES; f = s.next()) {
                source.add(f);
            }
        }
        side = source.get(0).width();
        assertEquals(side, source.get(0).height(), "pose_1.mp4 is square");
    }

    private static PoseOptions everyone() {
        PoseOptions d = PoseOptions.defaults();
        return new PoseOptions(d.model(), d.device(), d.threads(), d.minDetectionScore(), d.minPoseScore(), PersonSelection.ALL);
    }

    private static PeopleSequence track(Path video) {
        return new LandmarksJob(ModelStore.locate(), everyone()).run(video, null, null, Progress.silent()).people();
    }

    /** Left: the clip; right: the clip mirrored and backwards, blanked (black) in frames [blankFrom, blankTo). */
    private static Path pair(String name, int blankFrom, int blankTo) throws IOException {
        return TestClip.of(2 * side, side).frames(FRAMES).fps(30).pixels((w, h, i) -> {
            byte[] out = new byte[w * h * 3];
            byte[] left = source.get(i).rgb(), right = source.get(FRAMES - 1 - i).rgb();
            for (int y = 0; y < side; y++) {
                System.arraycopy(left, y * side * 3, out, y * w * 3, side * 3);
                if (i >= blankFrom && i < blankTo) {
                    continue;
                }
                for (int x = 0; x < side; x++) {
                    System.arraycopy(right, (y * side + side - 1 - x) * 3, out, (y * w + side + x) * 3, 3);
                }
            }
            return out;
        }).writeTo(dir.resolve(name));
    }

    /** One half of {@link #pair} alone, encoded the same way: the single-person reference. */
    private static Path half(String name, boolean right) throws IOException {
        return TestClip.of(side, side).frames(FRAMES).fps(30).pixels((w, h, i) -> {
            if (!right) {
                return source.get(i).rgb();
            }
            byte[] from = source.get(FRAMES - 1 - i).rgb(), out = new byte[from.length];
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    System.arraycopy(from, (y * side + side - 1 - x) * 3, out, (y * side + x) * 3, 3);
                }
            }
            return out;
        }).writeTo(dir.resolve(name));
    }

    @Test
    void twoPeopleKeepTheirIdsAndMatchTheirSinglePersonRuns() throws IOException {
        PeopleSequence both = track(pair("pair.mp4", 0, 0));
        List<Integer> ids = both.persons();
        System.out.println("side by side: tracks " + ids + ", frames " + ids.stream().map(both::frameCount).toList());
        assertEquals(2, ids.size(), "exactly two tracks");
        int left = sideOf(both, ids.get(0)) < 0 ? ids.get(0) : ids.get(1), right = left == ids.get(0) ? ids.get(1) : ids.get(0);
        for (int id : ids) {
            assertTrue(firstFrame(both, id) <= FOUND_WITHIN, "person " + id + " found from frame " + firstFrame(both, id));
            assertEquals(FRAMES - firstFrame(both, id), both.frameCount(id), "person " + id + " in every frame from then on");
        }
        assertEquals(-1, sideOf(both, left));
        assertEquals(1, sideOf(both, right));

        double[] leftError = compare(both, left, track(half("left.mp4", false)), 0);
        double[] rightError = compare(both, right, track(half("right.mp4", true)), side);
        System.out.printf("limb landmarks vs the single-person run on each half: median %.1f / %.1f px, 95th percentile %.1f / %.1f px "
                + "(person height about %d px)%n", leftError[0], rightError[0], leftError[1], rightError[1], side / 2);
        for (double[] e : List.of(leftError, rightError)) {
            assertTrue(e[0] < 4 && e[1] < 15, Arrays.toString(e));
        }
    }

    @Test
    void aPersonBlankedOutForTenFramesComesBackUnderTheSameId() throws IOException {
        PeopleSequence people = track(pair("blanked.mp4", BLANK_FROM, BLANK_TO));
        List<Integer> ids = people.persons();
        System.out.println("one person blanked out in frames " + BLANK_FROM + "-" + (BLANK_TO - 1) + ": tracks " + ids
                + ", frames " + ids.stream().map(people::frameCount).toList());
        assertEquals(2, ids.size(), "the blanked person keeps their id: " + ids);
        int right = sideOf(people, ids.get(0)) > 0 ? ids.get(0) : ids.get(1);
        int from = Math.max(firstFrame(people, ids.get(0)), firstFrame(people, ids.get(1)));
        assertTrue(from <= FOUND_WITHIN, "both found by frame " + from);
        for (PeopleFrame f : people.frames().subList(from, FRAMES)) {
            boolean blank = f.index() >= BLANK_FROM && f.index() < BLANK_TO;
            // Back within one round of the detector's views (whole frame, left square, right square).
            boolean returning = f.index() >= BLANK_TO && f.index() < BLANK_TO + 3;
            if (!returning) {
                assertEquals(blank ? 1 : 2, f.people().size(), "people in frame " + f.index());
            }
        }
        assertEquals(1, sideOf(people, right), "the id stays on the right-hand person");
    }

    /** -1 when the person's hips are in the left half of the pair in every frame they are in, 1 for the right half, else 0. */
    private static int sideOf(PeopleSequence people, int id) {
        boolean anyLeft = false, anyRight = false;
        for (PeopleFrame f : people.frames()) {
            Landmarks l = f.landmarksOf(id);
            if (l != null) {
                double x = (l.imageX(BlazePose.LEFT_HIP) + l.imageX(BlazePose.RIGHT_HIP)) / 2;
                anyLeft |= x < side;
                anyRight |= x >= side;
            }
        }
        return anyLeft == anyRight ? 0 : anyLeft ? -1 : 1;
    }

    private static int firstFrame(PeopleSequence people, int id) {
        return people.frames().stream().filter(f -> f.landmarksOf(id) != null).findFirst().orElseThrow().index();
    }

    /** Median and 95th percentile distance (px) of the limb joints from the single-person run, shifted by {@code dx}. */
    private static double[] compare(PeopleSequence both, int id, PeopleSequence alone, int dx) {
        assertEquals(1, alone.persons().size(), "one person in the half clip");
        int single = alone.persons().get(0);
        List<Double> d = new ArrayList<>();
        for (int i = firstFrame(both, id); i < FRAMES; i++) {
            Landmarks a = both.frames().get(i).landmarksOf(id), b = alone.frames().get(i).landmarksOf(single);
            assertTrue(b != null, "the single-person run finds the person in frame " + i);
            for (int j : BlazePose.MAJOR_JOINTS) {
                d.add(Math.hypot(a.imageX(j) - dx - b.imageX(j), a.imageY(j) - b.imageY(j)));
            }
        }
        d.sort(null);
        return new double[]{d.get(d.size() / 2), d.get((int) (0.95 * d.size()))};
    }
}
