package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.Quat;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import dev.mocap.synth.SyntheticView;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class GroundPlaneTest {
    /**
     * A person standing still, filmed from 2.5 m up by a camera looking down on them: the feet in
     * one spot leave the floor's tilt open, and a prior that knows the camera's pitch (the lifting
     * network's up) gives it, where the upright-torso, level-camera guess is half the pitch off.
     */
    @Test
    void feetInOneSpotLeaveTheTiltToThePrior() {
        Camera camera = SyntheticView.lookAt(new Vec3(0.3, 2.5, -2.5), new Vec3(0, 0.9, 0), 0, 1000, 1280, 720);
        Vec3 trueUp = camera.worldToCamera().rotate(Vec3.Y);
        Quat[] standing = new Quat[Smpl24.COUNT];
        Arrays.fill(standing, Quat.IDENTITY);
        Vec3[] world = SyntheticBody.landmarks(new Vec3(0, 0.95, 0), standing);
        List<Observation> frames = new ArrayList<>();
        for (int k = 0; k < 60; k++) {
            Vec3[] seen = new Vec3[BlazePose.COUNT];
            for (int i = 0; i < seen.length; i++) {
                seen[i] = camera.toCamera(world[i]);
            }
            double[] weight = new double[BlazePose.COUNT];
            Arrays.fill(weight, 1);
            frames.add(new Observation(k / 30.0, new double[2 * BlazePose.COUNT], seen, seen, weight, 1));
        }
        double pitch = Math.toDegrees(Math.acos(-trueUp.y()));
        double guessed = Math.toDegrees(GroundPlane.fit(frames).up().angle(trueUp));
        double judged = Math.toDegrees(GroundPlane.fit(frames, trueUp).up().angle(trueUp));
        assertTrue(pitch > 25, "the camera looks down by " + pitch + "°");
        assertTrue(guessed > 0.3 * pitch, "the level-camera guess is off by " + guessed + "°");
        assertTrue(judged < 1, "with the judged up the floor is off by " + judged + "°");
    }
}
