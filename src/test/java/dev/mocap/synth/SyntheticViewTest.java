package dev.mocap.synth;

import dev.mocap.body.Vec3;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.LandmarkSequence;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SyntheticViewTest {

    private static SyntheticView sample() throws IOException {
        CorpusClip clip = CorpusClip.of("walk_wave", BvhReader.read(Path.of("samples", "walk_wave.bvh"), 1));
        return SyntheticView.evaluation(clip, 120, new Random(3));
    }

    @Test
    void aSeenViewKeepsTheLandmarksItIsGivenAndTheTruthOfItsPoints() throws IOException {
        SyntheticView filmed = sample();
        Vec3[][] points = CorpusClip.of("walk_wave", BvhReader.read(Path.of("samples", "walk_wave.bvh"), 1)).points();
        Vec3[][] first = java.util.Arrays.copyOf(points, filmed.frames());
        SyntheticView seen = SyntheticView.seen("walk_wave", first, filmed.camera(), filmed.landmarks());
        assertEquals(filmed.landmarks(), seen.landmarks());
        for (int k = 0; k < seen.frames(); k += 30) {
            assertArrayEquals(filmed.world()[k], seen.world()[k]);
            assertArrayEquals(filmed.contacts()[k], seen.contacts()[k]);
        }
        assertThrows(IllegalArgumentException.class,
                () -> SyntheticView.seen("walk_wave", java.util.Arrays.copyOf(first, 10), filmed.camera(), filmed.landmarks()));
    }

    @Test
    void framesWithoutAPersonSplitAViewIntoRunsAndShortRunsAreDropped() throws IOException {
        SyntheticView view = sample();
        List<FramePose> frames = new ArrayList<>(view.landmarks().frames());
        for (int k : new int[]{0, 40, 41, 50, 100}) {
            FramePose f = frames.get(k);
            frames.set(k, new FramePose(f.index(), f.timestamp(), null));
        }
        LandmarkSequence gappy = new LandmarkSequence(view.landmarks().video(), "test", frames, List.of());
        SyntheticView withGaps = new SyntheticView(view.name(), gappy, view.camera(), view.stature(), view.world(), view.contacts());
        List<SyntheticView> runs = withGaps.runsWithPerson(16);
        // Runs 1–39, 42–49 (8 frames: dropped), 51–99 and 101–119.
        assertEquals(List.of(39, 49, 19), runs.stream().map(SyntheticView::frames).toList());
        assertEquals(frames.get(51), runs.get(1).landmarks().frames().get(0));
        assertArrayEquals(view.world()[51], runs.get(1).world()[0]);
        assertArrayEquals(view.contacts()[101], runs.get(2).contacts()[0]);
    }
}
