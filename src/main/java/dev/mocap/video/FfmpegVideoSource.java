package dev.mocap.video;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes the first video stream of a file with JavaCV's {@link FFmpegFrameGrabber}. FFmpeg
 * converts to packed RGB24 itself; this class copies the rows out of the grabber's reused
 * buffer into a recycled array, turns them upright and stamps them with the frame's own
 * presentation time.
 */
final class FfmpegVideoSource implements VideoSource {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long UNKNOWN = Long.MIN_VALUE;

    private final FFmpegFrameGrabber grabber;
    private final VideoInfo info;
    private final List<String> warnings = new ArrayList<>();
    private final FrameBuffers buffers;
    /** Timestamps count from the video stream's start, or from the first frame when the stream has none. */
    private long startMicros;
    private byte[] unrotated;
    private VideoFrame pending;
    private int delivered;
    private double lastTimestamp;
    private boolean ended;
    private boolean closed;

    private FfmpegVideoSource(Path file, FFmpegFrameGrabber grabber) {
        this.grabber = grabber;
        AVStream stream = firstVideoStream(grabber.getFormatContext());
        if (stream == null || (stream.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) != 0) {
            throw badInput("No video stream (audio only?)", file, null);
        }
        int codedWidth = grabber.getImageWidth();
        int height = grabber.getImageHeight();
        if (codedWidth <= 0 || height <= 0) {
            throw badInput("Video has no picture size (corrupt or truncated file)", file, null);
        }
        int width = squarePixelWidth(codedWidth, grabber.getAspectRatio());
        // Fixing the output size also keeps frames this size should the stream change resolution.
        grabber.setImageWidth(width);
        grabber.setImageHeight(height);
        int rotation = VideoRotation.clockwiseDegrees(grabber.getDisplayRotation());
        boolean swap = VideoRotation.swapsSides(rotation);
        double fps = finiteOrZero(grabber.getFrameRate());
        double duration = durationSeconds(stream, grabber.getFormatContext());
        int frameCount = stream.nb_frames() > 0 ? (int) stream.nb_frames() : (int) Math.round(duration * fps);
        String codec = avcodec.avcodec_get_name(stream.codecpar().codec_id()).getString();
        this.info = new VideoInfo(file, swap ? height : width, swap ? width : height, fps, frameCount,
                rotation, duration, codec);
        this.startMicros = stream.start_time() == avutil.AV_NOPTS_VALUE
                ? UNKNOWN : toMicros(stream.start_time(), stream.time_base());
        this.buffers = new FrameBuffers(width * height * 3);
    }

    /** {@code decoderThreads}: FFmpeg's own decoding threads, 0 for as many as it sees fit. */
    static FfmpegVideoSource open(Path file, int decoderThreads) {
        requireNonEmptyReadableFile(file);
        FfmpegLog.silence();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
        // Overrides the automatic thread count JavaCV asks for (where the codec can use threads at all).
        grabber.setVideoOption("threads", String.valueOf(decoderThreads));
        try {
            grabber.start();
            FfmpegVideoSource source = new FfmpegVideoSource(file, grabber);
            source.pending = source.decode();
            if (source.pending == null) {
                throw badInput("No video frame could be decoded (corrupt or truncated file)", file, null);
            }
            return source;
        } catch (FrameGrabber.Exception e) {
            release(grabber);
            throw badInput("Not a video FFmpeg can read (unknown format, or a corrupt or truncated file)", file, e);
        } catch (RuntimeException e) {
            release(grabber);
            throw e;
        }
    }

    @Override
    public VideoInfo info() {
        return info;
    }

    @Override
    public VideoFrame next() {
        if (closed) {
            throw new IllegalStateException("video source is closed: " + info.file());
        }
        if (pending != null) {
            VideoFrame first = pending;
            pending = null;
            return first;
        }
        if (ended) {
            return null;
        }
        VideoFrame frame = decode();
        if (frame == null) {
            ended = true;
            warnIfEndedEarly();
        }
        return frame;
    }

    @Override
    public void recycle(VideoFrame frame) {
        buffers.giveBack(frame.rgb());
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            release(grabber);
        }
    }

    private VideoFrame decode() {
        Frame frame;
        try {
            frame = grabber.grabImage();
        } catch (FrameGrabber.Exception e) {
            warnings.add("Decoding stopped after " + delivered + " frames of " + info.file() + ": " + e.getMessage());
            return null;
        }
        if (frame == null) {
            return null;
        }
        if (startMicros == UNKNOWN) {
            startMicros = frame.timestamp;
        }
        lastTimestamp = (frame.timestamp - startMicros) / (double) MICROS_PER_SECOND;
        return new VideoFrame(delivered++, lastTimestamp, info.width(), info.height(), uprightPixels(frame));
    }

    private byte[] uprightPixels(Frame frame) {
        int width = frame.imageWidth;
        int height = frame.imageHeight;
        int rotation = info.displayRotation();
        if (rotation == 0) {
            return copyRows(frame, buffers.take());
        }
        if (unrotated == null) {
            unrotated = new byte[width * height * 3];
        }
        return VideoRotation.rotate(copyRows(frame, unrotated), width, height, rotation, buffers.take());
    }

    /** Copies the image out of the grabber's buffer, whose rows may be padded to an aligned stride. */
    private static byte[] copyRows(Frame frame, byte[] rgb) {
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        int rowBytes = frame.imageWidth * 3;
        if (frame.imageStride == rowBytes) {
            pixels.get(0, rgb);
        } else {
            for (int y = 0; y < frame.imageHeight; y++) {
                pixels.get(y * frame.imageStride, rgb, y * rowBytes, rowBytes);
            }
        }
        return rgb;
    }

    private void warnIfEndedEarly() {
        double frameDuration = info.fps() > 0 ? 1 / info.fps() : 0;
        double missing = info.durationSeconds() - (lastTimestamp + frameDuration);
        if (missing > Math.max(1.0, 0.05 * info.durationSeconds())) {
            warnings.add(String.format("Video %s ends at %.2f s although it should last %.2f s; the file may be truncated",
                    info.file(), lastTimestamp, info.durationSeconds()));
        }
    }

    private static void requireNonEmptyReadableFile(Path file) {
        if (Files.isDirectory(file)) {
            throw badInput("Not a video file but a folder", file, null);
        }
        if (!Files.exists(file)) {
            throw badInput("Video not found", file, null);
        }
        if (!Files.isReadable(file)) {
            throw badInput("Video cannot be read (permission denied)", file, null);
        }
        try {
            if (Files.size(file) == 0) {
                throw badInput("Video file is empty (0 bytes)", file, null);
            }
        } catch (IOException e) {
            throw badInput("Video cannot be read (" + e.getMessage() + ")", file, e);
        }
    }

    /** The stream the grabber decodes: it takes the first video stream when none is chosen. */
    private static AVStream firstVideoStream(AVFormatContext container) {
        for (int i = 0; i < container.nb_streams(); i++) {
            AVStream stream = container.streams(i);
            if (stream.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                return stream;
            }
        }
        return null;
    }

    /** Width at which pixels are square, as players show non-square-pixel (anamorphic) video. */
    private static int squarePixelWidth(int codedWidth, double sampleAspectRatio) {
        if (!(sampleAspectRatio > 0) || Math.abs(sampleAspectRatio - 1) < 1e-3) {
            return codedWidth;
        }
        return Math.max(1, (int) Math.round(codedWidth * sampleAspectRatio));
    }

    private static double durationSeconds(AVStream stream, AVFormatContext container) {
        if (stream.duration() != avutil.AV_NOPTS_VALUE && stream.duration() > 0) {
            return stream.duration() * avutil.av_q2d(stream.time_base());
        }
        if (container.duration() != avutil.AV_NOPTS_VALUE && container.duration() > 0) {
            return container.duration() / (double) avutil.AV_TIME_BASE;
        }
        return 0;
    }

    /** Same rounding as the grabber uses for {@link Frame#timestamp}, so differences are exact. */
    private static long toMicros(long pts, AVRational timeBase) {
        return MICROS_PER_SECOND * pts * timeBase.num() / timeBase.den();
    }

    private static double finiteOrZero(double value) {
        return Double.isFinite(value) && value > 0 ? value : 0;
    }

    private static void release(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            // Freeing native decoder state after reading has nothing left to report or recover.
        }
    }

    private static MocapException badInput(String problem, Path file, Throwable cause) {
        return new MocapException(ExitCode.BAD_INPUT, problem + ": " + file, cause);
    }
}
