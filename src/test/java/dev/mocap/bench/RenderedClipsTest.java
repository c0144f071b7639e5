package dev.mocap.bench;

import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.body.Smpl24;
import dev.mocap.body.SupportFeet;
import dev.mocap.synth.CorpusClip;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderedClipsTest {

    @Test
    void aMocapClipOnTheMannequinStandsOnTheRenderedFloorAtTheBodySizeOfTheTrainingData() throws IOException {
        for (String clip : new String[]{"cmu_131_01_walk", "cmu_01_01_jump"}) {
            Motion source = CorpusClip.readMotion(TestData.file("mocap/cmu/" + clip + ".bvh"));
            Motion m = RenderedClips.onMannequin(source, 30, 150);
            assertEquals(150, m.frameCount());
            assertEquals(Smpl24.NAMES, m.skeleton().names());
            double[] soles = SupportFeet.of(m).lowest().clone();
            Arrays.sort(soles);
            assertEquals(0, soles[(int) Math.round(0.02 * (soles.length - 1))], 0.03, clip + ": the lowest soles are on the floor");
            double legs = m.skeleton().restPositions()[Smpl24.LEFT_HIP].distance(m.skeleton().restPositions()[Smpl24.LEFT_ANKLE]);
            assertTrue(legs > 0.72 && legs < 0.90, clip + ": hip to ankle " + legs + " m, a 1.70 m body's");
        }
    }
}
