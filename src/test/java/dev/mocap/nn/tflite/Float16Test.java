package dev.mocap.nn.tflite;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Float16Test {

    private static float decode(int bits) {
        return Float16.toFloat((short) bits);
    }

    @Test
    void normalNumbers() {
        assertEquals(1.0f, decode(0x3C00));
        assertEquals(-2.0f, decode(0xC000));
        assertEquals(0.333251953125f, decode(0x3555));
        assertEquals(65504f, decode(0x7BFF), "largest half");
        assertEquals(0x1p-14f, decode(0x0400), "smallest normal");
        assertEquals(1.0009765625f, decode(0x3C01), "one ulp above 1");
    }

    @Test
    void subnormals() {
        assertEquals(0x1p-24f, decode(0x0001), "smallest subnormal");
        assertEquals(0x3FFp-24f, decode(0x03FF), "largest subnormal");
        assertEquals(-0x200p-24f, decode(0x8200));
    }

    @Test
    void signedZeros() {
        assertEquals(0, Float.floatToRawIntBits(decode(0x0000)));
        assertEquals(0x80000000, Float.floatToRawIntBits(decode(0x8000)));
    }

    @Test
    void infinitiesAndNaN() {
        assertEquals(Float.POSITIVE_INFINITY, decode(0x7C00));
        assertEquals(Float.NEGATIVE_INFINITY, decode(0xFC00));
        assertTrue(Float.isNaN(decode(0x7E00)));
        assertTrue(Float.isNaN(decode(0xFC01)));
    }
}
