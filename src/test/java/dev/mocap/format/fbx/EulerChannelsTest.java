package dev.mocap.format.fbx;

import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;
import dev.mocap.format.EulerOrder;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EulerChannelsTest {

    /** FBX's enum names the order of application: eEulerXYZ = 0 is R = Rz · Ry · Rx. */
    @Test
    void fbxRotationOrderIsTheReversedProductOrder() {
        assertEquals(0, EulerChannels.fbxRotationOrder(EulerOrder.ZYX));
        assertEquals(1, EulerChannels.fbxRotationOrder(EulerOrder.YZX));
        assertEquals(2, EulerChannels.fbxRotationOrder(EulerOrder.XZY));
        assertEquals(3, EulerChannels.fbxRotationOrder(EulerOrder.ZXY));
        assertEquals(4, EulerChannels.fbxRotationOrder(EulerOrder.YXZ));
        assertEquals(5, EulerChannels.fbxRotationOrder(EulerOrder.XYZ));
    }

    @Test
    void channelsAreDegreesAboutXYZThatRebuildTheRotations() {
        Quat x30 = Quat.axisAngle(Vec3.X, Math.toRadians(30));
        Vec3 degrees = EulerChannels.degrees(new Quat[]{x30}, EulerOrder.ZYX)[0];
        assertEquals(30, degrees.x(), 1e-9);
        assertEquals(0, degrees.y(), 1e-9);
        assertEquals(0, degrees.z(), 1e-9);
        Random random = new Random(7);
        Quat[] rotations = new Quat[50];
        for (int i = 0; i < rotations.length; i++) {
            rotations[i] = new Quat(random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()).normalized();
        }
        for (EulerOrder order : EulerOrder.values()) {
            Vec3[] channels = EulerChannels.degrees(rotations, order);
            for (int i = 0; i < rotations.length; i++) {
                assertEquals(1, Math.abs(rotations[i].dot(ParsedScene.rotation(order, channels[i]))), 1e-12, order + " frame " + i);
            }
        }
    }

    /** A turn of 400° about Y in 5° steps stays continuous: no 360° wrap. */
    @Test
    void turningPastHalfATurnDoesNotWrap() {
        Quat[] turn = new Quat[81];
        for (int i = 0; i < turn.length; i++) {
            turn[i] = Quat.axisAngle(Vec3.Y, Math.toRadians(5 * i)).times(Quat.axisAngle(Vec3.X, 0.2));
        }
        Vec3[] channels = EulerChannels.degrees(turn, EulerOrder.ZYX);
        for (int i = 1; i < turn.length; i++) {
            assertTrue(channels[i].distance(channels[i - 1]) < 10, "step " + i + ": " + channels[i - 1] + " → " + channels[i]);
        }
        assertEquals(400, channels[80].y() - channels[0].y(), 1e-6);
    }
}
