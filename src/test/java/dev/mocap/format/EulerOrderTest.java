package dev.mocap.format;

import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EulerOrderTest {

    @Test
    void namesAreTheProductOrder() {
        double a = 0.3, b = -0.7, c = 1.1;
        Quat expected = Quat.axisAngle(Vec3.Z, a).times(Quat.axisAngle(Vec3.X, b)).times(Quat.axisAngle(Vec3.Y, c));
        assertSame(expected, EulerOrder.ZXY.toQuat(a, b, c));
        assertEquals(2, EulerOrder.ZXY.axis(0));
        assertEquals(0, EulerOrder.ZXY.axis(1));
        assertEquals(1, EulerOrder.ZXY.axis(2));
    }

    @ParameterizedTest
    @EnumSource(EulerOrder.class)
    void anglesRoundTrip(EulerOrder order) {
        Random random = new Random(order.ordinal());
        for (int i = 0; i < 200; i++) {
            double a = (random.nextDouble() * 2 - 1) * Math.PI, b = (random.nextDouble() - 0.5) * Math.PI,
                    c = (random.nextDouble() * 2 - 1) * Math.PI;
            double[] angles = order.angles(order.toQuat(a, b, c));
            assertEquals(a, angles[0], 1e-9);
            assertEquals(b, angles[1], 1e-9);
            assertEquals(c, angles[2], 1e-9);
        }
    }

    @ParameterizedTest
    @EnumSource(EulerOrder.class)
    void anglesReproduceAnyRotation(EulerOrder order) {
        Random random = new Random(10 + order.ordinal());
        for (int i = 0; i < 200; i++) {
            Quat q = new Quat(random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()).normalized();
            double[] e = order.angles(q);
            assertSame(q, order.toQuat(e[0], e[1], e[2]));
            assertTrue(Math.abs(e[1]) <= Math.PI / 2);
        }
    }

    @Test
    void filterKeepsCurvesContinuousPastHalfTurns() {
        // A steady spin about Y (last axis of ZXY) goes past ±180° without wrapping.
        double[] previous = null;
        for (int f = 0; f <= 100; f++) {
            double angle = Math.toRadians(10 * f);
            previous = EulerOrder.ZXY.anglesNear(EulerOrder.ZXY.toQuat(0.1, 0.2, angle), previous);
            assertEquals(0.1, previous[0], 1e-9);
            assertEquals(0.2, previous[1], 1e-9);
            assertEquals(angle, previous[2], 1e-9, "frame " + f);
        }
    }

    @Test
    void filterFollowsTheMiddleAxisBeyondAQuarterTurn() {
        // Bending about X (the middle axis of ZXY) from 0 to 150°: canonical angles would flip
        // to (180°, 30°, 180°) past 90°; the filter keeps (0, b, 0).
        double[] previous = null;
        for (int f = 0; f <= 150; f++) {
            double bend = Math.toRadians(f);
            Quat q = EulerOrder.ZXY.toQuat(0, bend, 0);
            previous = EulerOrder.ZXY.anglesNear(q, previous);
            assertSame(q, EulerOrder.ZXY.toQuat(previous[0], previous[1], previous[2]));
            assertEquals(bend, previous[1], 1e-7, "frame " + f);
            assertEquals(0, previous[0], 1e-7, "frame " + f);
            assertEquals(0, previous[2], 1e-7, "frame " + f);
        }
    }

    @ParameterizedTest
    @EnumSource(EulerOrder.class)
    void filteredAnglesStillReproduceTheRotation(EulerOrder order) {
        Random random = new Random(20 + order.ordinal());
        double[] previous = {5.0, -4.0, 9.0};
        for (int i = 0; i < 200; i++) {
            Quat q = new Quat(random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()).normalized();
            double[] e = order.anglesNear(q, previous);
            assertSame(q, order.toQuat(e[0], e[1], e[2]));
            previous = e;
        }
    }

    @Test
    void gimbalLockKeepsTheThirdAngle() {
        double[] previous = {0.4, Math.PI / 2 - 0.01, -0.3};
        Quat locked = EulerOrder.ZXY.toQuat(0.5, Math.PI / 2, -0.2);
        double[] e = EulerOrder.ZXY.anglesNear(locked, previous);
        assertSame(locked, EulerOrder.ZXY.toQuat(e[0], e[1], e[2]));
        assertEquals(-0.3, e[2], 1e-12);
        assertEquals(Math.PI / 2, e[1], 1e-6);
    }

    private static void assertSame(Quat expected, Quat actual) {
        assertTrue(Math.abs(expected.dot(actual)) > 1 - 1e-12, "expected " + expected + ", got " + actual);
    }
}
