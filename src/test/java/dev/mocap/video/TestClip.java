package dev.mocap.video;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/** Writes small synthetic videos for tests with FFmpegFrameRecorder; H.264 in MP4 unless told otherwise. */
public final class TestClip {
    static final int SQUARE = 16;
    static final int SQUARE_STEP = 4;

    private final int width;
    private final int height;
    private int frames = 10;
    private double fps = 25;
    private String format = "mp4";
    private int codec = avcodec.AV_CODEC_ID_H264;
    private double displayRotation;
    private double sampleAspectRatio;
    private long[] timestampsMicros;
    private FrameDrawing pixels = TestClip::movingSquare;

    private TestClip(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** A clip of {@link #movingSquare} frames. */
    public static TestClip of(int width, int height) {
        return new TestClip(width, height);
    }

    public TestClip frames(int count) {
        this.frames = count;
        return this;
    }

    public TestClip fps(double rate) {
        this.fps = rate;
        return this;
    }

    TestClip container(String muxer, int videoCodec) {
        this.format = muxer;
        this.codec = videoCodec;
        return this;
    }

    /** JavaCV's display rotation: the counterclockwise angle players turn the stored pixels by. */
    public TestClip displayRotation(double degrees) {
        this.displayRotation = degrees;
        return this;
    }

    TestClip sampleAspectRatio(double ratio) {
        this.sampleAspectRatio = ratio;
        return this;
    }

    /** Variable frame rate: one presentation time per frame, on the grid of {@link #fps(double)}. */
    TestClip timestampsMicros(long... micros) {
        this.timestampsMicros = micros;
        this.frames = micros.length;
        return this;
    }

    /** Frames drawn by a function of (width, height, index), such as {@link #noise}. */
    public TestClip pixels(FrameDrawing drawing) {
        this.pixels = drawing;
        return this;
    }

    public interface FrameDrawing {
        byte[] draw(int width, int height, int index);
    }

    /** Writes the clip; JavaCV's recorder makes odd widths even, so use {@link #writeY4m} for odd sizes. */
    public Path writeTo(Path file) throws IOException {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0)) {
            recorder.setFormat(format);
            recorder.setVideoCodec(codec);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setVideoBitrate(4_000_000);
            if (displayRotation != 0) {
                recorder.setDisplayRotation(displayRotation);
            }
            if (sampleAspectRatio != 0) {
                recorder.setAspectRatio(sampleAspectRatio);
            }
            recorder.start();
            for (int i = 0; i < frames; i++) {
                if (timestampsMicros != null) {
                    recorder.setTimestamp(timestampsMicros[i]);
                }
                recorder.recordImage(width, height, Frame.DEPTH_UBYTE, 3, width * 3, avutil.AV_PIX_FMT_RGB24,
                        ByteBuffer.wrap(pixels.draw(width, height, i)));
            }
            recorder.stop();
        }
        return file;
    }

    /** One second of silence as AAC in MP4: a media file without a video stream. */
    public static Path writeAudioOnly(Path file) throws IOException {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
            recorder.setFormat("mp4");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(44_100);
            recorder.start();
            recorder.recordSamples(44_100, 1, ShortBuffer.wrap(new short[44_100]));
            recorder.stop();
        }
        return file;
    }

    /** A copy of the first {@code keptFraction} of the file's bytes, beside it under {@code name}. */
    public static Path cut(Path file, String name, double keptFraction) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return Files.write(file.resolveSibling(name), Arrays.copyOf(bytes, (int) (bytes.length * keptFraction)));
    }

    /**
     * Writes the clip as uncompressed YUV4MPEG2 (4:4:4, full-range BT.601 colours), which keeps
     * any size; only the frame count, rate and pixels apply.
     */
    Path writeY4m(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(String.format("YUV4MPEG2 W%d H%d F%d:1000 Ip A1:1 C444 XCOLORRANGE=FULL\n", width, height,
                    Math.round(fps * 1000)).getBytes(StandardCharsets.US_ASCII));
            int pixelCount = width * height;
            byte[] planes = new byte[3 * pixelCount];
            for (int i = 0; i < frames; i++) {
                byte[] rgb = pixels.draw(width, height, i);
                for (int p = 0; p < pixelCount; p++) {
                    double r = rgb[3 * p] & 0xFF;
                    double g = rgb[3 * p + 1] & 0xFF;
                    double b = rgb[3 * p + 2] & 0xFF;
                    planes[p] = clampToByte(0.299 * r + 0.587 * g + 0.114 * b);
                    planes[pixelCount + p] = clampToByte(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
                    planes[2 * pixelCount + p] = clampToByte(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
                }
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(planes);
            }
        }
        return file;
    }

    private static byte clampToByte(double value) {
        return (byte) Math.max(0, Math.min(255, Math.round(value)));
    }

    /**
     * Red left quarter, blue right quarter, black middle with a white {@value #SQUARE}-pixel
     * square whose left edge is at {@code width/4 + 4*index}, vertically centred.
     */
    static byte[] movingSquare(int width, int height, int index) {
        byte[] rgb = new byte[width * height * 3];
        int squareX = squareLeft(width, index);
        int squareY = height / 2 - SQUARE / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean inSquare = x >= squareX && x < squareX + SQUARE && y >= squareY && y < squareY + SQUARE;
                int i = (y * width + x) * 3;
                if (x < width / 4) {
                    rgb[i] = (byte) 255;
                } else if (x >= width - width / 4) {
                    rgb[i + 2] = (byte) 255;
                } else if (inSquare) {
                    rgb[i] = rgb[i + 1] = rgb[i + 2] = (byte) 255;
                }
            }
        }
        return rgb;
    }

    static int squareLeft(int width, int index) {
        return width / 4 + SQUARE_STEP * index;
    }

    /** The frame's pixels turned 90° clockwise: how a phone held upright stores them, with a display rotation of 90. */
    public static byte[] turnedClockwise(VideoFrame f) {
        int w = f.width(), h = f.height();
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // (x, y) → (h − 1 − y, x) in an image h wide.
                int o = (x * h + (h - 1 - y)) * 3, s = (y * w + x) * 3;
                out[o] = f.rgb()[s];
                out[o + 1] = f.rgb()[s + 1];
                out[o + 2] = f.rgb()[s + 2];
            }
        }
        return out;
    }

    /** Random pixels: frames that compress badly, so a file cut in half loses half of them. */
    static byte[] noise(int width, int height, int index) {
        byte[] rgb = new byte[width * height * 3];
        new Random(index).nextBytes(rgb);
        return rgb;
    }

    /** Solid {@code color} with an {@code accent}-coloured block of {@code block} pixels in the top-left corner. */
    static byte[] cornerBlock(int width, int height, int block, int color, int accent) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int c = x < block && y < block ? accent : color;
                int i = (y * width + x) * 3;
                rgb[i] = (byte) (c >> 16);
                rgb[i + 1] = (byte) (c >> 8);
                rgb[i + 2] = (byte) c;
            }
        }
        return rgb;
    }
}
