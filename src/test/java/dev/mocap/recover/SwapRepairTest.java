package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.Quat;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.Landmarks;
import dev.mocap.pose.Roi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SwapRepairTest {

    @Test
    void aFrameWithSwappedLegsIsSwappedBack() {
        List<Observation> frames = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            frames.add(frame(k, k == 2));
        }
        SwapRepair.Repaired r = SwapRepair.repair(frames);
        assertEquals(1, r.decisions().swaps());
        for (int k = 0; k < 5; k++) {
            assertEquals(k == 2, r.decisions().legs()[k], "legs exchanged at frame " + k);
            assertEquals(false, r.decisions().arms()[k], "arms exchanged at frame " + k);
            Observation o = r.frames().get(k);
            assertEquals(100 + k, o.u(BlazePose.LEFT_KNEE), 1e-9, "frame " + k);
            assertEquals(300 + k, o.u(BlazePose.RIGHT_KNEE), 1e-9, "frame " + k);
            assertEquals(0.25, o.weight()[BlazePose.RIGHT_ANKLE], 1e-9, "weights travel with their landmark");
        }
    }

    @Test
    void crossingLegsAreLeftAlone() {
        // Legs passing each other in a side view: at the crossing both labelings fit equally well.
        List<Observation> frames = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            double[] pixels = new double[2 * BlazePose.COUNT];
            for (int[] pair : new int[][]{{25, 26}, {27, 28}, {29, 30}, {31, 32}}) {
                pixels[2 * pair[0]] = 200 + 20 * (k - 2);
                pixels[2 * pair[1]] = 200 - 20 * (k - 2);
            }
            frames.add(new Observation(k / 30.0, pixels, new Vec3[33], new Vec3[33], new double[33], 1));
        }
        assertEquals(0, SwapRepair.repair(frames).decisions().swaps());
    }

    /**
     * Legs passing each other (crossing at frame 5), the model's labels exchanged from the
     * crossing to frame 7: choosing frame by frame, the swap taken at the crossing would be
     * "repaired" at frame 8 and carried to the end; the whole-clip choice exchanges frames 6 and 7
     * (at frame 5 both labelings are the same picture).
     */
    @Test
    void aSwapThatBeginsAtACrossingIsNotCarriedOn() {
        List<Observation> frames = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
            double left = 200 + 15 * (k - 5), right = 200 - 15 * (k - 5);
            boolean swapped = k >= 5 && k <= 7;
            double[] pixels = new double[2 * BlazePose.COUNT];
            for (int[] pair : new int[][]{{25, 26}, {27, 28}, {29, 30}, {31, 32}}) {
                pixels[2 * pair[0]] = swapped ? right : left;
                pixels[2 * pair[1]] = swapped ? left : right;
            }
            frames.add(new Observation(k / 30.0, pixels, new Vec3[33], new Vec3[33], new double[33], 1));
        }
        SwapRepair.Repaired r = SwapRepair.repair(frames);
        assertEquals(2, r.decisions().swaps());
        for (int k = 0; k < 16; k++) {
            assertEquals(200 + 15 * (k - 5), r.frames().get(k).u(BlazePose.LEFT_KNEE), 1e-9, "frame " + k);
        }
    }

    /** The model's common error: a person facing the camera read as facing away for a few frames. */
    @Test
    void aBodyReadTheWrongWayRoundIsTurnedBack() {
        SwapRepair.Repaired r = SwapRepair.lifted(walk(12, true, 4, 7), CAMERA);
        for (int k = 0; k < 12; k++) {
            assertEquals(k >= 4 && k <= 7, r.decisions().turned()[k], "frame " + k);
            Observation o = r.frames().get(k);
            assertTrue(o.u(BlazePose.LEFT_HIP) > o.u(BlazePose.RIGHT_HIP), "facing the camera at frame " + k);
            assertEquals(-0.3, o.shape()[BlazePose.LEFT_WRIST].z() - LandmarkRecovery.pelvis(o.shape()).z(), 0.05,
                    "the wrist held towards the camera at frame " + k);
        }
        assertEquals(4, r.decisions().turns());
        assertEquals(0, r.decisions().swaps());
    }

    /** Facing away is believed where the model reads it steadily; its rare opposite error is still undone. */
    @Test
    void someoneWalkingAwayIsNotTurnedRound() {
        assertEquals(0, SwapRepair.lifted(walk(60, false, -1, -1), CAMERA).decisions().turns());
        SwapRepair.Repaired r = SwapRepair.lifted(walk(60, false, 20, 21), CAMERA);
        for (int k = 0; k < 60; k++) {
            assertEquals(k == 20 || k == 21, r.decisions().turned()[k], "frame " + k);
        }
    }

    /** {@code frames} of {@link #walker}, read the wrong way round from {@code from} to {@code to}. */
    private static List<FramePose> walk(int frames, boolean facingCamera, int from, int to) {
        List<FramePose> seen = new ArrayList<>();
        for (int k = 0; k < frames; k++) {
            Landmarks l = walker(k, facingCamera);
            seen.add(new FramePose(k, k / 30.0, k >= from && k <= to ? l.turnedRound() : l));
        }
        return seen;
    }

    /** A real turn on screen is continuous: nothing jumps sides, so nothing is turned back. */
    @Test
    void aPersonTurningRoundOnScreenIsLeftAlone() {
        List<FramePose> seen = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            seen.add(new FramePose(k, k / 30.0, walker(k, Math.PI * Math.max(0, Math.min(1, (k - 10) / 20.0)))));
        }
        assertEquals(0, SwapRepair.lifted(seen, CAMERA).decisions().turns());
    }

    /** Lost facing the camera and found again facing away: the two stretches are not linked. */
    @Test
    void someoneWhoComesBackTheOtherWayRoundIsNotTurned() {
        List<FramePose> seen = new ArrayList<>();
        for (int k = 0; k < 90; k++) {
            if (k < 30 || k >= 45) {
                seen.add(new FramePose(k, k / 30.0, walker(k, k < 30)));
            }
        }
        assertEquals(0, SwapRepair.lifted(seen, CAMERA).decisions().turns());
    }

    @Test
    void turningRoundTwiceGivesTheSameReading() {
        Landmarks l = walker(3, true), back = l.turnedRound().turnedRound();
        assertArrayEquals(l.image(), back.image());
        assertArrayEquals(l.world(), back.world());
        assertEquals(BlazePose.RIGHT_EAR, BlazePose.partner(BlazePose.LEFT_EAR));
        assertEquals(4, BlazePose.partner(1), "left_eye_inner and right_eye_inner");
        assertEquals(BlazePose.NOSE, BlazePose.partner(BlazePose.NOSE));
        assertEquals(l.imageX(BlazePose.LEFT_HIP), l.turnedRound().imageX(BlazePose.RIGHT_HIP));
        assertEquals(-l.world()[3 * BlazePose.LEFT_WRIST + 2], l.turnedRound().world()[3 * BlazePose.RIGHT_WRIST + 2]);
    }

    private static final Camera CAMERA = Camera.atOrigin(1000, 1280, 720);

    /**
     * A person 4 m from the camera, stepping sideways, facing the camera or away from it, read
     * right; the left wrist held forward so that depth tells the two readings apart. (The wrong
     * readings in these tests are made by {@link Landmarks#turnedRound} itself, so the turn's
     * signs are pinned by the image order and the wrist's depth asserted, not by the round trip.)
     */
    private static Landmarks walker(int k, boolean facingCamera) {
        return walker(k, facingCamera ? 0 : Math.PI);
    }

    /** The same, turned {@code yaw} radians about the vertical from facing the camera. */
    private static Landmarks walker(int k, double yaw) {
        Quat[] pose = new Quat[Smpl24.COUNT];
        java.util.Arrays.fill(pose, Quat.IDENTITY);
        Vec3[] body = SyntheticBody.landmarks(Vec3.ZERO, pose);
        float[] image = new float[3 * BlazePose.COUNT], world = new float[3 * BlazePose.COUNT], ones = new float[BlazePose.COUNT];
        java.util.Arrays.fill(ones, 1);
        Vec3 at = new Vec3(-0.3 + 0.01 * k, 0, 4);
        for (int i = 0; i < BlazePose.COUNT; i++) {
            // Into camera axes (y down) by a half turn about x: the body's forward (+z) becomes -z,
            // towards the camera; then turned about the vertical.
            Vec3 b = i == BlazePose.LEFT_WRIST ? body[i].plus(new Vec3(0, 0, 0.3)) : body[i];
            double c = Math.cos(yaw), sn = Math.sin(yaw);
            Vec3 p = new Vec3(c * b.x() + sn * b.z(), -b.y(), sn * b.x() - c * b.z());
            double[] uv = CAMERA.project(p.plus(at));
            image[3 * i] = (float) uv[0];
            image[3 * i + 1] = (float) uv[1];
            image[3 * i + 2] = (float) (p.z() * CAMERA.focal() / at.z());
            world[3 * i] = (float) p.x();
            world[3 * i + 1] = (float) p.y();
            world[3 * i + 2] = (float) p.z();
        }
        return new Landmarks(image, world, ones, ones, 1, new Roi(640, 360, 400, 0));
    }

    /** The left leg at x = 100 + k and the right at 300 + k, labels exchanged when {@code swapped}. */
    private static Observation frame(int k, boolean swapped) {
        double[] pixels = new double[2 * BlazePose.COUNT], weight = new double[BlazePose.COUNT];
        Vec3[] points = new Vec3[BlazePose.COUNT];
        java.util.Arrays.fill(points, Vec3.ZERO);
        int[][] legs = {{25, 26}, {27, 28}, {29, 30}, {31, 32}};
        for (int[] pair : legs) {
            int left = swapped ? pair[1] : pair[0], right = swapped ? pair[0] : pair[1];
            pixels[2 * left] = 100 + k;
            pixels[2 * right] = 300 + k;
            weight[left] = 0.9;
            weight[right] = 0.25;
        }
        return new Observation(k / 30.0, pixels, points, points.clone(), weight, 1);
    }
}
