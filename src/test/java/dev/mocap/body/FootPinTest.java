package dev.mocap.body;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FootPinTest {
    private static final boolean[] PLANTED = {false, false, false, true, true, false, false, false, false, true, false, false};

    private static Vec3[] walking() {
        Vec3[] free = new Vec3[PLANTED.length];
        for (int t = 0; t < free.length; t++) {
            free[t] = new Vec3(0.1 * t, 0.02, 0);
        }
        return free;
    }

    @Test
    void aRunIsHeldAtItsMeanAndEasesOutOverTheBlend() {
        FootPin pin = new FootPin(PLANTED, walking(), 2, FootPin.Ease.LINEAR);
        assertEquals(0, pin.weight(0));
        assertNull(pin.anchor(0));
        assertEquals(1.0 / 3, pin.weight(1), 1e-12);
        assertEquals(2.0 / 3, pin.weight(2), 1e-12);
        for (int t : new int[]{3, 4}) {
            assertEquals(1, pin.weight(t));
            assertEquals(0.35, pin.anchor(t).x(), 1e-12);
        }
        assertEquals(0.35, pin.anchor(6).x(), 1e-12);
        assertEquals(0.9, pin.anchor(7).x(), 1e-12, "the nearer run holds the foot");
        assertEquals(0.9, pin.anchor(11).x(), 1e-12);
    }

    @Test
    void theSmoothStepEaseHasTheSameReachWithSofterEdges() {
        FootPin smooth = new FootPin(PLANTED, walking(), 2, FootPin.Ease.SMOOTH_STEP);
        double s = 1.0 / 3;
        assertEquals(s * s * (3 - 2 * s), smooth.weight(1), 1e-12);
        assertEquals(0, smooth.weight(0));
        assertEquals(1, smooth.weight(9));
    }

    @Test
    void inTheBlendThePinTravelsWithTheFootSoOnlyTheEdgeCorrectionFades() {
        Vec3[] free = walking();
        FootPin pin = new FootPin(PLANTED, free, 2, FootPin.Ease.LINEAR);
        assertEquals(0.35, pin.held(4, pin.anchor(4)).x(), 1e-12, "planted: at the spot");
        assertEquals(0.35 + 0.6 - 0.4, pin.held(6, pin.anchor(6)).x(), 1e-12, "after the run: moved on as the foot did since frame 4");
        assertEquals(0.35 + 0.1 - 0.3, pin.held(1, pin.anchor(1)).x(), 1e-12, "before the run: as far behind the spot as the foot is behind frame 3");
        Vec3 spot = new Vec3(0.35, 0, 0);
        for (int t = 5; t <= 6; t++) {
            Vec3 foot = free[t].lerp(pin.held(t, spot), pin.weight(t));
            assertEquals(free[4].distance(spot) * pin.weight(t), foot.distance(free[t]), 1e-12, "frame " + t + " is off its free place by the faded edge correction only");
        }
    }
}
