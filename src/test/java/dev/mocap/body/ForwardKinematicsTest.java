package dev.mocap.body;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.mocap.body.QuatTest.assertSameRotation;
import static dev.mocap.body.QuatTest.assertVec;

class ForwardKinematicsTest {

    /** A vertical chain: root, then 1 m up to "mid", then 0.5 m up to "tip". */
    private static final Skeleton CHAIN = new Skeleton(List.of("root", "mid", "tip"), new int[]{-1, 0, 1},
            new Vec3[]{Vec3.ZERO, new Vec3(0, 1, 0), new Vec3(0, 0.5, 0)}, new Vec3[3]);

    @Test
    void restPoseIsTheOffsetsFromTheRoot() {
        Vec3 root = new Vec3(1, 2, 3);
        Vec3[] p = ForwardKinematics.positions(CHAIN, root, new Quat[]{Quat.IDENTITY, Quat.IDENTITY, Quat.IDENTITY});
        assertVec(root, p[0]);
        assertVec(new Vec3(1, 3, 3), p[1]);
        assertVec(new Vec3(1, 3.5, 3), p[2]);
    }

    @Test
    void handComputedChain() {
        // Root turned 90° about Z: the chain points along -X. "mid" bends a further 90° about Z:
        // the last bone points along -Y.
        Quat quarterZ = Quat.axisAngle(Vec3.Z, Math.PI / 2);
        Quat[] local = {quarterZ, quarterZ, Quat.axisAngle(Vec3.X, 1.0)};
        Vec3[] p = ForwardKinematics.positions(CHAIN, new Vec3(0, 1, 0), local);
        assertVec(new Vec3(0, 1, 0), p[0]);
        assertVec(new Vec3(-1, 1, 0), p[1]);
        assertVec(new Vec3(-1, 0.5, 0), p[2]);

        Quat[] world = ForwardKinematics.worldRotations(CHAIN, local);
        assertSameRotation(quarterZ, world[0]);
        assertSameRotation(Quat.axisAngle(Vec3.Z, Math.PI), world[1]);
        assertSameRotation(Quat.axisAngle(Vec3.Z, Math.PI).times(Quat.axisAngle(Vec3.X, 1.0)), world[2]);
    }

    @Test
    void parentRotationCarriesTheChildsFrame() {
        // Root 90° about Y, mid 90° about X (in the root's turned frame, i.e. world Z).
        Quat[] local = {Quat.axisAngle(Vec3.Y, Math.PI / 2), Quat.axisAngle(Vec3.X, Math.PI / 2), Quat.IDENTITY};
        Vec3[] p = ForwardKinematics.positions(CHAIN, Vec3.ZERO, local);
        assertVec(new Vec3(0, 1, 0), p[1]);
        // Local X of mid is world -Z after the root's turn; rotating +Y about -Z by 90° gives +X.
        assertVec(new Vec3(0.5, 1, 0), p[2]);
    }
}
