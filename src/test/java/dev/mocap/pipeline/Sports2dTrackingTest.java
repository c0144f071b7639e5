package dev.mocap.pipeline;

import dev.mocap.TestData;
import dev.mocap.nn.ModelStore;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.Landmarks;
import dev.mocap.pose.PeopleFrame;
import dev.mocap.pose.PeopleSequence;
import dev.mocap.pose.PersonSelection;
import dev.mocap.pose.PoseOptions;
import dev.mocap.pose.TrackedPose;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Sports2D demo: a man jumping on a box (upper part of the picture, until he flips off it
 * around frame 170 to land on the lawn right of her) and a woman walking across the lawn below
 * him, right to left (from about frame 40). Each must be one track, and no track may pass from one
 * to the other: checked by where the hips are.
 */
class Sports2dTrackingTest {
    /** Hip heights (fractions of the frame height): on the box the hips are above this, walking on the lawn below {@link #LAWN}. */
    private static final double BOX_TOP = 0.4, LAWN = 0.6;
    /** The last frame before the jumper takes off from the box (he may keep his id through the flip, or not). */
    private static final int ON_BOX_UNTIL = 165;
    /** A track moves its hips by at most this fraction of its region per frame; a jump to the other person would be several times more. */
    private static final double MAX_STEP = 0.15;

    @Test
    void theJumperAndTheWalkerAreSeparateTracksWithoutSwitches() {
        PoseOptions d = PoseOptions.defaults();
        PoseOptions all = new PoseOptions(d.model(), d.device(), d.threads(), d.minDetectionScore(), d.minPoseScore(), PersonSelection.ALL);
        PeopleSequence people = new LandmarksJob(ModelStore.locate(), all)
                .run(TestData.file("video/sports2d/demo.mp4"), null, null, Progress.silent()).people();
        System.out.println("sports2d demo: tracks (id=frames) " + people.persons().stream()
                .collect(Collectors.toMap(id -> id, people::frameCount, (a, b) -> a, TreeMap::new)));

        int jumper = mostFrames(people, 0, ON_BOX_UNTIL, y -> y < BOX_TOP);
        int walker = mostFrames(people, 80, 195, y -> y > LAWN);
        assertNotEquals(jumper, walker);
        assertTrue(coverage(people, jumper, 0, ON_BOX_UNTIL) >= 0.9, "jumper tracked in " + coverage(people, jumper, 0, ON_BOX_UNTIL));
        assertTrue(coverage(people, walker, 80, 195) >= 0.8, "walker tracked in " + coverage(people, walker, 80, 195));
        assertTrue(hipHeights(people, jumper, ON_BOX_UNTIL).stream().allMatch(y -> y < BOX_TOP), "the jumper's track stays on the box");
        assertTrue(hipHeights(people, walker, people.frames().size() - 1).stream().allMatch(y -> y > LAWN),
                "the walker's track stays on the lawn");
        for (int id : people.persons()) {
            if (people.frameCount(id) >= 10) {
                double step = largestStep(people, id);
                assertTrue(step <= MAX_STEP, "person " + id + " jumps by " + step + " of their region in a frame");
            }
        }
        assertEquals(List.of(jumper), PersonSelection.LARGEST.select(people), "largest: the one there all along");
    }

    /** The track with the most frames in [from, to] whose hip height (fraction of the frame) passes {@code where}. */
    private static int mostFrames(PeopleSequence people, int from, int to, DoublePredicate where) {
        Map<Integer, Long> counts = people.frames().subList(from, to + 1).stream().flatMap(f -> f.people().stream())
                .filter(p -> where.test(hipY(p.landmarks()) / people.video().height()))
                .collect(Collectors.groupingBy(TrackedPose::person, Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static double coverage(PeopleSequence people, int id, int from, int to) {
        return people.frames().subList(from, to + 1).stream().filter(f -> f.landmarksOf(id) != null).count() / (double) (to - from + 1);
    }

    private static List<Double> hipHeights(PeopleSequence people, int id, int until) {
        return people.frames().subList(0, until + 1).stream().map(f -> f.landmarksOf(id)).filter(l -> l != null)
                .map(l -> hipY(l) / people.video().height()).toList();
    }

    /** Largest frame-to-frame move of the hip centre per frame elapsed, in region sides. */
    private static double largestStep(PeopleSequence people, int id) {
        double worst = 0;
        PeopleFrame last = null;
        for (PeopleFrame f : people.frames()) {
            Landmarks l = f.landmarksOf(id);
            if (l == null) {
                continue;
            }
            if (last != null) {
                Landmarks p = last.landmarksOf(id);
                double step = Math.hypot(hipX(l) - hipX(p), hipY(l) - hipY(p)) / Math.min(l.roi().size(), p.roi().size());
                worst = Math.max(worst, step / (f.index() - last.index()));
            }
            last = f;
        }
        return worst;
    }

    private static double hipX(Landmarks l) {
        return (l.imageX(BlazePose.LEFT_HIP) + l.imageX(BlazePose.RIGHT_HIP)) / 2;
    }

    private static double hipY(Landmarks l) {
        return (l.imageY(BlazePose.LEFT_HIP) + l.imageY(BlazePose.RIGHT_HIP)) / 2;
    }
}
