package dev.mocap.body;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuatTest {
    private static final double EPS = 1e-12;
    private final Random random = new Random(7);

    @Test
    void quarterTurnsFollowTheRightHandRule() {
        assertVec(Vec3.Y, Quat.axisAngle(Vec3.Z, Math.PI / 2).rotate(Vec3.X));
        assertVec(Vec3.Z, Quat.axisAngle(Vec3.X, Math.PI / 2).rotate(Vec3.Y));
        assertVec(Vec3.X, Quat.axisAngle(Vec3.Y, Math.PI / 2).rotate(Vec3.Z));
    }

    @Test
    void timesAppliesTheRightFactorFirst() {
        Quat a = Quat.axisAngle(Vec3.Z, Math.PI / 2), b = Quat.axisAngle(Vec3.X, Math.PI / 2);
        // b takes Y to Z, then a leaves Z alone; the other order would give -X.
        assertVec(Vec3.Z, a.times(b).rotate(Vec3.Y));
        assertVec(Vec3.X.times(-1), b.times(a).rotate(Vec3.Y));
        for (int i = 0; i < 20; i++) {
            Quat p = randomQuat(), q = randomQuat();
            Vec3 v = randomVec();
            assertVec(p.rotate(q.rotate(v)), p.times(q).rotate(v));
        }
    }

    @Test
    void rotateMatchesTheRodriguesMatrix() {
        for (int i = 0; i < 20; i++) {
            Vec3 axis = randomVec().normalized();
            double angle = (random.nextDouble() * 2 - 1) * Math.PI;
            Vec3 v = randomVec();
            double c = Math.cos(angle), s = Math.sin(angle), t = 1 - c;
            double x = axis.x(), y = axis.y(), z = axis.z();
            Vec3 expected = new Vec3(
                    (t * x * x + c) * v.x() + (t * x * y - s * z) * v.y() + (t * x * z + s * y) * v.z(),
                    (t * x * y + s * z) * v.x() + (t * y * y + c) * v.y() + (t * y * z - s * x) * v.z(),
                    (t * x * z - s * y) * v.x() + (t * y * z + s * x) * v.y() + (t * z * z + c) * v.z());
            assertVec(expected, Quat.axisAngle(axis, angle).rotate(v));
        }
    }

    @Test
    void conjugateUndoesTheRotation() {
        Quat q = randomQuat();
        Vec3 v = randomVec();
        assertVec(v, q.conjugate().rotate(q.rotate(v)));
        assertSameRotation(Quat.IDENTITY, q.times(q.conjugate()));
    }

    @Test
    void betweenTakesOneDirectionOntoTheOther() {
        for (int i = 0; i < 20; i++) {
            Vec3 from = randomVec(), to = randomVec();
            Quat q = Quat.between(from, to);
            assertVec(to.normalized(), q.rotate(from.normalized()));
            // Shortest arc: the axis is perpendicular to both directions.
            assertEquals(Math.acos(from.normalized().dot(to.normalized())), q.angle(), 1e-9);
        }
        assertSameRotation(Quat.IDENTITY, Quat.between(Vec3.Y, Vec3.Y.times(3)));
    }

    @Test
    void betweenOppositeDirectionsIsAHalfTurn() {
        for (Vec3 from : new Vec3[]{Vec3.X, Vec3.Y, Vec3.Z.times(-2), new Vec3(1, 2, 3)}) {
            Quat q = Quat.between(from, from.times(-1));
            assertVec(from.normalized().times(-1), q.rotate(from.normalized()));
            assertEquals(Math.PI, q.angle(), 1e-9);
            assertEquals(1, Math.sqrt(q.dot(q)), EPS);
        }
    }

    @Test
    void fromColumnsRoundTripsEveryBranch() {
        Quat[] cases = {randomQuat(), Quat.axisAngle(Vec3.X, 3.0), Quat.axisAngle(Vec3.Y, 3.0), Quat.axisAngle(Vec3.Z, 3.0),
                Quat.axisAngle(new Vec3(1, 1, 0), Math.PI), Quat.IDENTITY};
        for (Quat q : cases) {
            Quat back = Quat.fromColumns(q.rotate(Vec3.X), q.rotate(Vec3.Y), q.rotate(Vec3.Z));
            assertSameRotation(q, back);
        }
        for (int i = 0; i < 50; i++) {
            Quat q = randomQuat();
            assertSameRotation(q, Quat.fromColumns(q.rotate(Vec3.X), q.rotate(Vec3.Y), q.rotate(Vec3.Z)));
        }
    }

    @Test
    void logAndExpAreInverse() {
        for (int i = 0; i < 20; i++) {
            Vec3 r = randomVec().normalized().times(random.nextDouble() * Math.PI);
            assertVec(r, Quat.exp(r).log());
        }
        Vec3 tiny = new Vec3(1e-14, -2e-14, 3e-14);
        assertVec(tiny, Quat.exp(tiny).log());
        assertVec(Vec3.ZERO, Quat.IDENTITY.log());
    }

    @Test
    void logTakesTheShortWay() {
        Quat q = Quat.axisAngle(Vec3.Y, 0.5);
        assertVec(Vec3.Y.times(0.5), q.negated().log());
        assertVec(Vec3.Y.times(-0.5), Quat.axisAngle(Vec3.Y, 2 * Math.PI - 0.5).log());
        assertEquals(0.5, q.negated().angle(), EPS);
    }

    @Test
    void slerpMovesAtConstantSpeedAlongTheShortArc() {
        Quat a = Quat.axisAngle(Vec3.Z, 0.2), b = Quat.axisAngle(Vec3.Z, 1.4);
        assertSameRotation(a, a.slerp(b, 0));
        assertSameRotation(b, a.slerp(b, 1));
        assertSameRotation(Quat.axisAngle(Vec3.Z, 0.5), a.slerp(b, 0.25));
        // The negated end point is the same rotation: still the short way round.
        assertSameRotation(Quat.axisAngle(Vec3.Z, 0.5), a.slerp(b.negated(), 0.25));
    }

    @Test
    void nearToPicksTheReferenceHemisphere() {
        Quat q = randomQuat();
        assertTrue(q.nearTo(q).dot(q) > 0);
        assertTrue(q.negated().nearTo(q).dot(q) > 0);
        assertEquals(q, q.negated().nearTo(q));
    }

    @Test
    void expOfZeroIsIdentity() {
        assertEquals(Quat.IDENTITY, Quat.exp(Vec3.ZERO));
        assertEquals(0, Quat.IDENTITY.angle(), 0);
    }

    private Quat randomQuat() {
        return new Quat(random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()).normalized();
    }

    private Vec3 randomVec() {
        return new Vec3(random.nextGaussian(), random.nextGaussian(), random.nextGaussian());
    }

    static void assertVec(Vec3 expected, Vec3 actual) {
        assertTrue(expected.distance(actual) < 1e-9, "expected " + expected + ", got " + actual);
    }

    static void assertSameRotation(Quat expected, Quat actual) {
        assertTrue(Math.abs(expected.dot(actual)) > 1 - 1e-12, "expected " + expected + ", got " + actual);
    }
}
