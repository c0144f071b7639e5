package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.Quat;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifterTest {

    @Test
    void rootTranslationIsExactForAConsistentShape() {
        Camera camera = Camera.atOrigin(1200, 1280, 720);
        Vec3[] shape = standingShape();
        Vec3 truth = new Vec3(0.4, -0.2, 4.5);
        double[] pixels = pixels(shape, truth, camera), weight = weights(shape);
        assertEquals(0, Lifter.rootTranslation(shape, pixels, weight, camera).distance(truth), 1e-9);
        assertEquals(0, Lifter.fromSize(shape, pixels, weight, camera).distance(truth), 1e-9);
    }

    @Test
    void aShapeThatDisagreesWithThePictureStillLandsInFrontOfTheCameraAtItsSize() {
        Vec3[] shape = standingShape();
        Vec3 t = Lifter.rootTranslation(readFromBehindAndBent(shape), pixels(shape, DISTANT, PORTRAIT), weights(shape), PORTRAIT);
        assertEquals(DISTANT.z(), t.z(), 0.25 * DISTANT.z());
    }

    @Test
    void recoveryWarnsWhereManyFramesFitThePictureOnlyAgainstTheirSize() {
        Camera camera = PORTRAIT;
        Vec3[] shape = standingShape();
        double[] pixels = pixels(shape, DISTANT, camera), weight = weights(shape);
        Vec3[] placed = Arrays.stream(shape).map(p -> p.plus(DISTANT)).toArray(Vec3[]::new);
        Observation seen = new Observation(0, pixels, placed, placed, weight, 1);
        List<Observation> frames = new ArrayList<>(Collections.nCopies(30, Lifter.reshape(seen, shape, null, camera, 0.5)));
        assertFalse(Lifter.placedBySize(frames.get(0), camera));
        assertEquals(Optional.empty(), LandmarkRecovery.unclearFigureWarning(frames, camera));

        Observation wrong = Lifter.reshape(seen, readFromBehindAndBent(shape), null, camera, 0.5);
        assertTrue(Lifter.placedBySize(wrong, camera));
        frames.set(3, wrong);
        assertEquals(Optional.empty(), LandmarkRecovery.unclearFigureWarning(frames, camera));
        frames.set(11, wrong);
        assertTrue(LandmarkRecovery.unclearFigureWarning(frames, camera).orElseThrow().startsWith("2 frames in which"));
    }

    /** A portrait phone frame, and a person 8 m away in it: a small figure. */
    private static final Camera PORTRAIT = Camera.atOrigin(1000, 540, 960);
    private static final Vec3 DISTANT = new Vec3(-0.3, 0.1, 8.0);

    /**
     * The network's reading of a distant figure seen from behind: the same body turned round
     * (left and right across the picture exchanged, depth mirrored), bent at the hips.
     */
    private static Vec3[] readFromBehindAndBent(Vec3[] shape) {
        Vec3[] wrong = new Vec3[shape.length];
        for (int i = 0; i < shape.length; i++) {
            Vec3 p = shape[i];
            wrong[i] = new Vec3(-p.x(), p.y(), -p.z() + (p.y() < 0 ? 0.8 * p.y() : 0));
        }
        return wrong;
    }

    private static Vec3[] standingShape() {
        Quat[] pose = new Quat[Smpl24.COUNT];
        Arrays.fill(pose, Quat.IDENTITY);
        // The body in camera axes (y down, z forward), centred on its hips.
        Vec3[] body = SyntheticBody.landmarks(Vec3.ZERO, pose);
        Vec3[] shape = new Vec3[body.length];
        for (int i = 0; i < body.length; i++) {
            shape[i] = new Vec3(body[i].x(), -body[i].y(), -body[i].z());
        }
        return shape;
    }

    private static double[] pixels(Vec3[] shape, Vec3 at, Camera camera) {
        double[] pixels = new double[2 * shape.length];
        for (int i = 0; i < shape.length; i++) {
            double[] uv = camera.project(shape[i].plus(at));
            pixels[2 * i] = uv[0];
            pixels[2 * i + 1] = uv[1];
        }
        return pixels;
    }

    private static double[] weights(Vec3[] shape) {
        double[] weight = new double[shape.length];
        Arrays.fill(weight, 1);
        weight[BlazePose.NOSE] = 0.1;
        return weight;
    }

    @Test
    void unprojectInvertsProject() {
        Camera camera = Camera.atOrigin(900, 640, 480);
        Vec3 p = new Vec3(-0.3, 0.7, 3.2);
        double[] uv = camera.project(p);
        assertEquals(0, camera.unproject(uv[0], uv[1], p.z()).distance(p), 1e-12);
    }
}
