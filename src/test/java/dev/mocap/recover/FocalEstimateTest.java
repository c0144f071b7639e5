package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.Vec3;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.pose.FramePose;
import dev.mocap.synth.BodyPoints;
import dev.mocap.synth.CorpusClip;
import dev.mocap.synth.SyntheticView;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FocalEstimateTest {

    /** The sample's walk and wave filmed without landmark errors from a camera 2.5 m away. */
    private static SyntheticView exactView(double focal) throws IOException {
        Vec3[][] points = CorpusClip.of("walk_wave", BvhReader.read(Path.of("samples", "walk_wave.bvh"), 1)).points();
        Vec3 hip = points[0][BodyPoints.L_HIP].lerp(points[0][BodyPoints.R_HIP], 0.5);
        Camera camera = SyntheticView.lookAt(hip.plus(new Vec3(1.0, 0.3, 2.3)), hip, 0, focal, 1280, 720);
        return SyntheticView.film("walk_wave", points, 30, camera, 0, new Random(1));
    }

    @Test
    void theTrueBodyReprojectsExactlyOnlyThroughTheTrueFocalLength() throws IOException {
        double focal = 1100;
        SyntheticView view = exactView(focal);
        for (int k = 0; k < view.frames(); k += 20) {
            FramePose f = view.landmarks().frames().get(k);
            Vec3[] truth = view.cameraRelative(k);
            double right = FocalEstimate.misfit(Lifter.lift(f.timestamp(), f.landmarks(), cameraAt(focal), 1), truth, cameraAt(focal));
            double longer = FocalEstimate.misfit(Lifter.lift(f.timestamp(), f.landmarks(), cameraAt(1.6 * focal), 1), truth,
                    cameraAt(1.6 * focal));
            double shorter = FocalEstimate.misfit(Lifter.lift(f.timestamp(), f.landmarks(), cameraAt(0.6 * focal), 1), truth,
                    cameraAt(0.6 * focal));
            assertTrue(right < 1e-3, "frame " + k + ": misfit " + right + " with the true focal length");
            assertTrue(longer > 10 * right && shorter > 10 * right,
                    "frame " + k + ": misfit " + right + " true, " + longer + " at 1.6×, " + shorter + " at 0.6×");
        }
    }

    @Test
    void aLongClipIsJudgedOnOneRunOfTheNetworkAroundItsMiddleFrame() {
        List<FramePose> tenSeconds = frames(0, 300);
        List<FramePose> judged = FocalEstimate.middle(tenSeconds);
        double span = judged.get(judged.size() - 1).timestamp() - judged.get(0).timestamp();
        assertTrue(span * LearnedLifter.FPS + 1 <= LearnedLifter.CHUNK + 1e-6 && judged.size() >= LearnedLifter.CHUNK - 1,
                judged.size() + " frames over " + span + " s: one chunk of the network's grid");
        assertTrue(judged.get(0).timestamp() < 5 && judged.get(judged.size() - 1).timestamp() > 5);
        List<FramePose> short4s = frames(0, 120);
        assertEquals(120, FocalEstimate.middle(short4s).size());
        // Seen for the first and the last second of a minute only: judged where the person is.
        List<FramePose> apart = new ArrayList<>(frames(0, 30));
        apart.addAll(frames(1770, 30));
        judged = FocalEstimate.middle(apart);
        assertTrue(judged.contains(apart.get(30)), "the middle frame seen is judged");
        assertEquals(30, judged.size(), judged.get(0).timestamp() + " to " + judged.get(judged.size() - 1).timestamp() + " s");
    }

    /** {@code count} frames at 30 fps from frame {@code first}, without landmarks. */
    private static List<FramePose> frames(int first, int count) {
        List<FramePose> out = new ArrayList<>();
        for (int k = first; k < first + count; k++) {
            out.add(new FramePose(k, k / 30.0, null));
        }
        return out;
    }

    private static Camera cameraAt(double focal) {
        return Camera.atOrigin(focal, 1280, 720);
    }
}
