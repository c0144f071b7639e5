package dev.mocap.video;

/** Right-angle rotations of packed RGB images, and the display matrix angle they undo. */
final class VideoRotation {
    private static final int BYTES_PER_PIXEL = 3;

    private VideoRotation() {
    }

    /**
     * The clockwise rotation, in degrees (0, 90, 180 or 270), that a player applies for a display
     * matrix whose FFmpeg angle ({@code av_display_rotation_get}, counterclockwise) is given.
     * A phone held upright stores landscape pixels with an angle of -90: players turn them 90°
     * clockwise. Angles between right angles are rounded to the nearest one.
     */
    static int clockwiseDegrees(double displayMatrixAngle) {
        if (!Double.isFinite(displayMatrixAngle)) {
            return 0;
        }
        long quarterTurns = Math.round(-displayMatrixAngle / 90.0);
        return (int) Math.floorMod(quarterTurns, 4L) * 90;
    }

    /** Whether the rotation swaps width and height. */
    static boolean swapsSides(int clockwiseDegrees) {
        return clockwiseDegrees == 90 || clockwiseDegrees == 270;
    }

    /** {@code rgb} ({@code width} x {@code height}) turned clockwise by 90, 180 or 270 degrees into {@code out}, returned. */
    static byte[] rotate(byte[] rgb, int width, int height, int clockwiseDegrees, byte[] out) {
        return switch (clockwiseDegrees) {
            case 90 -> rotateQuarter(rgb, width, height, true, out);
            case 180 -> rotateHalf(rgb, out);
            case 270 -> rotateQuarter(rgb, width, height, false, out);
            default -> throw new IllegalArgumentException("not a right-angle rotation: " + clockwiseDegrees);
        };
    }

    private static byte[] rotateHalf(byte[] rgb, byte[] out) {
        for (int src = 0, dst = rgb.length - BYTES_PER_PIXEL; src < rgb.length; src += BYTES_PER_PIXEL, dst -= BYTES_PER_PIXEL) {
            out[dst] = rgb[src];
            out[dst + 1] = rgb[src + 1];
            out[dst + 2] = rgb[src + 2];
        }
        return out;
    }

    /** Writes the output row by row; each output row is one source column, read bottom-up (clockwise) or top-down. */
    private static byte[] rotateQuarter(byte[] rgb, int width, int height, boolean clockwise, byte[] out) {
        int srcRowBytes = width * BYTES_PER_PIXEL;
        int dst = 0;
        for (int outRow = 0; outRow < width; outRow++) {
            int column = clockwise ? outRow : width - 1 - outRow;
            int firstRow = clockwise ? height - 1 : 0;
            int rowStep = clockwise ? -srcRowBytes : srcRowBytes;
            int src = firstRow * srcRowBytes + column * BYTES_PER_PIXEL;
            for (int i = 0; i < height; i++, src += rowStep, dst += BYTES_PER_PIXEL) {
                out[dst] = rgb[src];
                out[dst + 1] = rgb[src + 1];
                out[dst + 2] = rgb[src + 2];
            }
        }
        return out;
    }
}
