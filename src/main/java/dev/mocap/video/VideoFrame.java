package dev.mocap.video;

/**
 * One decoded frame, display rotation applied: packed 8-bit RGB, row-major, {@code width*height*3}
 * bytes. {@code index} counts frames that exist in the video; {@code timestamp} is the
 * presentation time in seconds from the stream start.
 */
public record VideoFrame(int index, double timestamp, int width, int height, byte[] rgb) {
    public VideoFrame {
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException("rgb has " + rgb.length + " bytes, expected " + width * height * 3);
        }
    }
}
