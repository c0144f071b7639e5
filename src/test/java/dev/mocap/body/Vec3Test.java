package dev.mocap.body;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Vec3Test {
    @Test
    void angleIsBetweenDirectionsWhateverTheLengths() {
        assertEquals(Math.PI / 2, Vec3.X.angle(new Vec3(0, 3, 0)), 1e-12);
        assertEquals(Math.PI, new Vec3(2, 0, 0).angle(new Vec3(-0.5, 0, 0)), 1e-12);
        assertEquals(0, new Vec3(1, 1, 0).angle(new Vec3(5, 5, 0)), 1e-7);
        assertEquals(Math.PI / 4, new Vec3(1, 0, 0).angle(new Vec3(1, 1, 0)), 1e-12);
    }
}
