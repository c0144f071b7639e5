package dev.mocap.video;

import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Writes a preview video: MP4 at a constant frame rate, H.264 (the LGPL FFmpeg build brings
 * OpenH264), or MPEG-4 Part 2 where no H.264 encoder opens, in yuv420p. That pixel format needs
 * even sides, so odd-sized frames are padded with a black row or column.
 *
 * <p>The video is written to a hidden file in the same folder and renamed to its final name by
 * {@link #close()}; {@link #abort()} (or any write failure) deletes it instead. Callers that fail
 * between writes should call {@code abort()}, as {@code close()} keeps what was written.
 */
public final class VideoWriter implements AutoCloseable {
    private static final int[] CODECS = {avcodec.AV_CODEC_ID_H264, avcodec.AV_CODEC_ID_MPEG4};
    private static final double BITS_PER_PIXEL = 0.1;
    private static final int MIN_BITRATE = 500_000;

    private final Path out;
    private final Path partial;
    private final int width;
    private final int height;
    private final int encodedWidth;
    private final int encodedHeight;
    private final FFmpegFrameRecorder recorder;
    private final String encoder;
    private final ByteBuffer pixels;
    private BufferedImage canvas;
    private byte[] paddedRgb;
    private boolean finished;

    private VideoWriter(Path out, Path partial, int width, int height, FFmpegFrameRecorder recorder) {
        this.out = out;
        this.partial = partial;
        this.width = width;
        this.height = height;
        this.encodedWidth = recorder.getImageWidth();
        this.encodedHeight = recorder.getImageHeight();
        this.recorder = recorder;
        this.encoder = avcodec.avcodec_find_encoder(recorder.getVideoCodec()).name().getString();
        this.pixels = ByteBuffer.allocateDirect(encodedWidth * encodedHeight * 3);
    }

    /**
     * Starts a video of {@code width} x {@code height} frames at {@code fps}.
     *
     * @throws MocapException (OUTPUT_FAILED) naming the folder when it is missing or not writable
     */
    public static VideoWriter create(Path out, int width, int height, double fps) {
        if (width <= 0 || height <= 0 || !(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("bad video size or rate: " + width + "x" + height + " at " + fps + " fps");
        }
        Path partial = AtomicFiles.temporaryFor(out);
        FfmpegLog.silence();
        try {
            FFmpegFrameRecorder recorder = startRecorder(out, partial, roundUpToEven(width), roundUpToEven(height), fps);
            return new VideoWriter(out, partial, width, height, recorder);
        } catch (RuntimeException e) {
            AtomicFiles.deleteQuietly(partial);
            throw e;
        }
    }

    /** The FFmpeg encoder in use, e.g. {@code libopenh264} or {@code mpeg4}. */
    public String encoder() {
        return encoder;
    }

    public void write(BufferedImage frame) {
        requireSize(frame.getWidth(), frame.getHeight());
        if (canvas == null) {
            canvas = new BufferedImage(encodedWidth, encodedHeight, BufferedImage.TYPE_3BYTE_BGR);
        }
        Graphics2D graphics = canvas.createGraphics();
        try {
            graphics.setComposite(AlphaComposite.Src);
            graphics.drawImage(frame, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        encode(((DataBufferByte) canvas.getRaster().getDataBuffer()).getData(), avutil.AV_PIX_FMT_BGR24);
    }

    public void write(VideoFrame frame) {
        requireSize(frame.width(), frame.height());
        if (width == encodedWidth && height == encodedHeight) {
            encode(frame.rgb(), avutil.AV_PIX_FMT_RGB24);
            return;
        }
        if (paddedRgb == null) {
            paddedRgb = new byte[encodedWidth * encodedHeight * 3];
        }
        for (int y = 0; y < height; y++) {
            System.arraycopy(frame.rgb(), y * width * 3, paddedRgb, y * encodedWidth * 3, width * 3);
        }
        encode(paddedRgb, avutil.AV_PIX_FMT_RGB24);
    }

    /** Finishes the video and moves it to its final name. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            recorder.stop();
            AtomicFiles.moveIntoPlace(partial, out);
        } catch (IOException e) {
            release(recorder);
            AtomicFiles.deleteQuietly(partial);
            throw new MocapException(ExitCode.OUTPUT_FAILED, "Cannot finish video " + out + " (" + e.getMessage() + ")", e);
        }
    }

    /** Drops the video: nothing appears under the final name and the temporary file is deleted. */
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        release(recorder);
        AtomicFiles.deleteQuietly(partial);
    }

    private void encode(byte[] packed, int pixelFormat) {
        if (finished) {
            throw new IllegalStateException("video writer is closed: " + out);
        }
        pixels.clear().put(packed).flip();
        try {
            recorder.recordImage(encodedWidth, encodedHeight, Frame.DEPTH_UBYTE, 3, encodedWidth * 3, pixelFormat, pixels);
        } catch (FrameRecorder.Exception e) {
            abort();
            throw new MocapException(ExitCode.OUTPUT_FAILED, "Cannot write video " + out + " (" + e.getMessage() + ")", e);
        }
    }

    /** The first of H.264 and MPEG-4 whose encoder opens. */
    private static FFmpegFrameRecorder startRecorder(Path out, Path partial, int width, int height, double fps) {
        FrameRecorder.Exception failure = null;
        for (int codec : CODECS) {
            FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(partial.toFile(), width, height, 0);
            recorder.setFormat("mp4");
            recorder.setVideoCodec(codec);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setVideoBitrate((int) Math.max(MIN_BITRATE, Math.min(Integer.MAX_VALUE, BITS_PER_PIXEL * width * height * fps)));
            recorder.setOption("movflags", "+faststart");
            try {
                recorder.start();
                return recorder;
            } catch (FrameRecorder.Exception e) {
                release(recorder);
                failure = e;
            }
        }
        throw new MocapException(ExitCode.OUTPUT_FAILED,
                "No H.264 or MPEG-4 encoder could start for " + out + " (" + failure.getMessage() + ")", failure);
    }

    private void requireSize(int frameWidth, int frameHeight) {
        if (frameWidth != width || frameHeight != height) {
            throw new IllegalArgumentException("frame is " + frameWidth + "x" + frameHeight + ", video is " + width + "x" + height);
        }
    }

    private static int roundUpToEven(int side) {
        return side + (side & 1);
    }

    private static void release(FFmpegFrameRecorder recorder) {
        try {
            recorder.release();
        } catch (FrameRecorder.Exception e) {
            // The output is being thrown away; there is nothing left to save.
        }
    }
}
