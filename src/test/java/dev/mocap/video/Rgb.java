package dev.mocap.video;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pixel look-ups and colour comparisons that allow for lossy coding. */
final class Rgb {
    static final int RED = 0xFF0000;
    static final int BLUE = 0x0000FF;
    static final int WHITE = 0xFFFFFF;
    static final int BLACK = 0x000000;
    static final int GRAY = 0x808080;
    /** H.264 at a good bitrate keeps flat areas within a few levels; this leaves room for chroma blur. */
    static final int LOSSY = 40;

    private Rgb() {
    }

    static int at(VideoFrame frame, int x, int y) {
        int i = (y * frame.width() + x) * 3;
        byte[] rgb = frame.rgb();
        return (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | rgb[i + 2] & 0xFF;
    }

    static boolean isNear(int expected, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((expected >> shift & 0xFF) - (actual >> shift & 0xFF)) > LOSSY) {
                return false;
            }
        }
        return true;
    }

    static void assertNear(int expected, int actual, String where) {
        assertTrue(isNear(expected, actual), String.format("%s: expected #%06X, got #%06X", where, expected, actual));
    }
}
