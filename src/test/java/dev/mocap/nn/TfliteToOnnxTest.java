package dev.mocap.nn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class TfliteToOnnxTest {

    /** A 2×1×2×3 OHWI filter to OIHW: each output channel's I×H×W block is read channel-major. */
    @Test
    void permutesFilterLayouts() {
        float[] ohwi = new float[12];
        for (int i = 0; i < ohwi.length; i++) {
            ohwi[i] = i;
        }
        float[] oihw = TfliteToOnnx.permute(ohwi, new int[] {2, 1, 2, 3}, new int[] {0, 3, 1, 2});

        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5, 6, 9, 7, 10, 8, 11}, oihw);
    }

    @Test
    void transposesAMatrix() {
        float[] m = {1, 2, 3, 4, 5, 6};

        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, TfliteToOnnx.permute(m, new int[] {2, 3}, new int[] {1, 0}));
    }
}
