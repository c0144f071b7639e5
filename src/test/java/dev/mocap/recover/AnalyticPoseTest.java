package dev.mocap.recover;

import dev.mocap.body.ForwardKinematics;
import dev.mocap.body.Quat;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyticPoseTest {

    @Test
    void restPoseGivesIdentityRotations() {
        Quat[] rest = new Quat[Smpl24.COUNT];
        Arrays.fill(rest, Quat.IDENTITY);
        Vec3[] p = SyntheticBody.landmarks(new Vec3(0, 1, 0), rest);
        Quat[] solved = new AnalyticPose(SyntheticBody.BODY).solve(p, ones());
        for (int j = 0; j < Smpl24.COUNT; j++) {
            assertEquals(0, solved[j].angle(), 1e-9, Smpl24.NAMES.get(j));
        }
    }

    @Test
    void posesAreRecoveredFromTheirOwnLandmarks() {
        Random r = new Random(7);
        AnalyticPose ik = new AnalyticPose(SyntheticBody.BODY);
        for (int trial = 0; trial < 50; trial++) {
            Quat[] pose = SyntheticBody.randomPose(r);
            Vec3 root = new Vec3(r.nextDouble(), 1, r.nextDouble());
            Vec3[] p = SyntheticBody.landmarks(root, pose);
            Quat[] solved = ik.solve(p, ones());
            Vec3[] expected = ForwardKinematics.positions(SyntheticBody.BODY.skeleton(), root, pose);
            Vec3[] actual = ForwardKinematics.positions(SyntheticBody.BODY.skeleton(), root, solved);
            for (int j = 0; j < Smpl24.COUNT; j++) {
                assertEquals(0, expected[j].distance(actual[j]), 1e-6, "trial " + trial + " " + Smpl24.NAMES.get(j));
            }
            Vec3[] again = SyntheticBody.landmarks(root, solved);
            for (int i : new int[]{BlazePose.LEFT_HEEL, BlazePose.RIGHT_FOOT_INDEX, BlazePose.LEFT_INDEX, BlazePose.NOSE}) {
                assertEquals(0, p[i].distance(again[i]), 1e-6, "trial " + trial + " landmark " + BlazePose.NAMES.get(i));
            }
        }
    }

    @Test
    void aStraightLimbTakesItsTwistFromTheFootAndHand() {
        Quat[] pose = new Quat[Smpl24.COUNT];
        Arrays.fill(pose, Quat.IDENTITY);
        pose[Smpl24.LEFT_HIP] = Quat.axisAngle(Vec3.Y, 0.4);
        pose[Smpl24.RIGHT_SHOULDER] = Quat.axisAngle(Vec3.X, 0.5);
        Vec3[] p = SyntheticBody.landmarks(Vec3.ZERO, pose);
        Quat[] solved = new AnalyticPose(SyntheticBody.BODY).solve(p, ones());
        assertTrue(solved[Smpl24.LEFT_HIP].conjugate().times(pose[Smpl24.LEFT_HIP]).angle() < 1e-6);
        assertTrue(solved[Smpl24.RIGHT_SHOULDER].conjugate().times(pose[Smpl24.RIGHT_SHOULDER]).angle() < 1e-6);
    }

    private static double[] ones() {
        double[] w = new double[BlazePose.COUNT];
        Arrays.fill(w, 1);
        return w;
    }
}
