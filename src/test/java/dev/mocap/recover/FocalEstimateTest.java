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
import java.util.Random;

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

    private static Camera cameraAt(double focal) {
        return Camera.atOrigin(focal, 1280, 720);
    }
}
