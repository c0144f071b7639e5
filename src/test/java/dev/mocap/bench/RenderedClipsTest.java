package dev.mocap.bench;

import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.body.Smpl24;
import dev.mocap.body.SupportFeet;
import dev.mocap.body.Vec3;
import dev.mocap.synth.CorpusClip;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderedClipsTest {

    @Test
    void aMocapClipOnTheMannequinStandsOnTheRenderedFloorAtTheBodySizeOfTheTrainingData() throws IOException {
        for (String clip : new String[]{"cmu_131_01_walk", "cmu_01_01_jump"}) {
            Motion source = CorpusClip.readMotion(TestData.file("mocap/cmu/" + clip + ".bvh"));
            Motion m = RenderedClips.onMannequin(source, 30, 150, true);
            assertEquals(150, m.frameCount());
            assertEquals(Smpl24.NAMES, m.skeleton().names());
            double[] soles = SupportFeet.of(m).lowest().clone();
            Arrays.sort(soles);
            assertEquals(0, soles[(int) Math.round(0.02 * (soles.length - 1))], 0.03, clip + ": the lowest soles are on the floor");
            double legs = m.skeleton().restPositions()[Smpl24.LEFT_HIP].distance(m.skeleton().restPositions()[Smpl24.LEFT_ANKLE]);
            assertTrue(legs > 0.72 && legs < 0.90, clip + ": hip to ankle " + legs + " m, a 1.70 m body's");
        }
    }

    @Test
    void theMannequinsPlantedFeetStayWhereTheyStandWhenHeld() throws IOException {
        Motion source = CorpusClip.readMotion(TestData.file("mocap/cmu/cmu_131_01_walk.bvh"));
        double loose = stanceSlide(RenderedClips.onMannequin(source, 0, 150, false));
        double held = stanceSlide(RenderedClips.onMannequin(source, 0, 150, true));
        assertTrue(held < 1.5 && held < loose / 2, "stance feet slide " + held + " mm/frame held, " + loose + " not held");
    }

    /** Median horizontal motion (mm/frame) of the ball of a foot on frames where it is on the floor. */
    private static double stanceSlide(Motion m) {
        List<Double> slides = new ArrayList<>();
        for (int k = 1; k < m.frameCount(); k++) {
            Vec3[] p = m.jointPositions(k - 1), q = m.jointPositions(k);
            for (int foot : new int[]{Smpl24.LEFT_FOOT, Smpl24.RIGHT_FOOT}) {
                if (Math.max(p[foot].y(), q[foot].y()) < 0.04) {
                    slides.add(1000 * Math.hypot(q[foot].x() - p[foot].x(), q[foot].z() - p[foot].z()));
                }
            }
        }
        Collections.sort(slides);
        return slides.get(slides.size() / 2);
    }
}
