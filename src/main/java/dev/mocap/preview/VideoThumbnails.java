package dev.mocap.preview;

import dev.mocap.video.VideoFrame;
import dev.mocap.video.VideoSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The source video decoded once, shrunk to a small picture per motion frame, so that the
 * window can show any frame instantly while the user scrubs back and forth. Pixels are RGB rows
 * from the bottom up, as OpenGL textures want them.
 */
final class VideoThumbnails {
    private final int width, height;
    private final List<byte[]> frames;

    private VideoThumbnails(int width, int height, List<byte[]> frames) {
        this.width = width;
        this.height = height;
        this.frames = frames;
    }

    /** One thumbnail {@code width} pixels wide per motion frame (frame f at {@code start + f / fps} seconds). */
    static VideoThumbnails read(Path video, double start, double fps, int count, int width) {
        List<byte[]> frames = new ArrayList<>();
        int height = 0;
        try (VideoSource source = VideoSource.open(video)) {
            VideoFrame current = source.next(), next = source.next();
            height = Math.max(2, (int) Math.round((double) width * current.height() / current.width()));
            double halfFrame = 0.5 / source.info().fps();
            for (int f = 0; f < count; f++) {
                double t = start + f / fps;
                while (next != null && next.timestamp() <= t + halfFrame) {
                    current = next;
                    next = source.next();
                }
                frames.add(shrink(current, width, height));
            }
        }
        return new VideoThumbnails(width, height, frames);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    byte[] frame(int index) {
        return frames.get(index);
    }

    /** Nearest-neighbour shrink, flipped to bottom-up rows. */
    private static byte[] shrink(VideoFrame frame, int width, int height) {
        byte[] out = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            int sy = Math.min(frame.height() - 1, (int) ((height - 1 - y + 0.5) * frame.height() / height));
            for (int x = 0; x < width; x++) {
                int sx = Math.min(frame.width() - 1, (int) ((x + 0.5) * frame.width() / width));
                System.arraycopy(frame.rgb(), (sy * frame.width() + sx) * 3, out, (y * width + x) * 3, 3);
            }
        }
        return out;
    }
}
