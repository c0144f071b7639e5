package dev.mocap.nn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SamePaddingTest {

    @Test
    void stride1KeepsTheSizeSymmetrically() {
        assertEquals(new SamePadding(1, 1), SamePadding.of(64, 3, 1));
        assertEquals(new SamePadding(2, 2), SamePadding.of(64, 5, 1));
        assertEquals(new SamePadding(0, 0), SamePadding.of(64, 1, 1));
    }

    /** The odd pixel goes after: what symmetric ONNX pads get wrong. */
    @Test
    void stride2OnEvenInputPadsAfter() {
        assertEquals(new SamePadding(0, 1), SamePadding.of(128, 3, 2));
        assertEquals(new SamePadding(1, 2), SamePadding.of(128, 5, 2));
        assertEquals(new SamePadding(0, 0), SamePadding.of(128, 2, 2));
    }

    @Test
    void stride2OnOddInput() {
        assertEquals(new SamePadding(1, 1), SamePadding.of(7, 3, 2));
        assertEquals(new SamePadding(2, 2), SamePadding.of(7, 5, 2));
    }

    @Test
    void neverNegative() {
        assertEquals(new SamePadding(0, 0), SamePadding.of(8, 1, 4));
    }
}
