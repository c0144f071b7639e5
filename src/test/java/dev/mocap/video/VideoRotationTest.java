package dev.mocap.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VideoRotationTest {
    /** 3 x 2 image, pixel value = its letter: a b c / d e f. */
    private static final byte[] IMAGE = pixels("abcdef");

    @Test
    void turnsClockwise() {
        assertArrayEquals(pixels("da" + "eb" + "fc"), VideoRotation.rotate(IMAGE, 3, 2, 90, new byte[IMAGE.length]));
    }

    @Test
    void turnsHalfway() {
        assertArrayEquals(pixels("fedcba"), VideoRotation.rotate(IMAGE, 3, 2, 180, new byte[IMAGE.length]));
    }

    @Test
    void turnsCounterclockwise() {
        assertArrayEquals(pixels("cf" + "be" + "ad"), VideoRotation.rotate(IMAGE, 3, 2, 270, new byte[IMAGE.length]));
    }

    @Test
    void undoesTheDisplayMatrixAngle() {
        assertEquals(90, VideoRotation.clockwiseDegrees(-90));
        assertEquals(270, VideoRotation.clockwiseDegrees(90));
        assertEquals(180, VideoRotation.clockwiseDegrees(180));
        assertEquals(180, VideoRotation.clockwiseDegrees(-180));
        assertEquals(0, VideoRotation.clockwiseDegrees(0));
        assertEquals(0, VideoRotation.clockwiseDegrees(-0.0));
        assertEquals(90, VideoRotation.clockwiseDegrees(-89.6));
        assertEquals(0, VideoRotation.clockwiseDegrees(Double.NaN));
    }

    /** Each letter becomes one RGB pixel whose three bytes differ, so mixed-up channels would show. */
    private static byte[] pixels(String letters) {
        byte[] rgb = new byte[letters.length() * 3];
        for (int i = 0; i < letters.length(); i++) {
            rgb[3 * i] = (byte) letters.charAt(i);
            rgb[3 * i + 1] = (byte) (letters.charAt(i) + 100);
            rgb[3 * i + 2] = (byte) (letters.charAt(i) - 50);
        }
        return rgb;
    }
}
