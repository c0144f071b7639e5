package dev.mocap.video;

import java.nio.file.Path;
import java.util.List;

/**
 * Decoded frames of one video, in presentation order, display rotation applied. Not thread-safe:
 * one consumer calls {@link #next()}; {@link PrefetchingVideoSource} decodes ahead on a thread.
 */
public interface VideoSource extends AutoCloseable {
    int AUTOMATIC_THREADS = 0;

    /**
     * Opens a video file with FFmpeg and decodes its first frame.
     *
     * @throws dev.mocap.MocapException (BAD_INPUT) naming the file when it is missing, a folder,
     *     empty, unreadable, not a video, corrupt, or has no video stream
     */
    static VideoSource open(Path file) {
        return open(file, AUTOMATIC_THREADS);
    }

    /**
     * As {@link #open(Path)}, decoding on {@code decoderThreads} threads of FFmpeg's own where
     * the codec can use them ({@value #AUTOMATIC_THREADS}: as many as FFmpeg sees fit).
     */
    static VideoSource open(Path file, int decoderThreads) {
        return FfmpegVideoSource.open(file, decoderThreads);
    }

    VideoInfo info();

    /** The next frame, or null at the end of the video. */
    VideoFrame next();

    /**
     * Says that the caller is done with {@code frame}, once: a later frame may reuse its pixel
     * array, so nothing may read the frame afterwards. Frames never handed back are left to the
     * garbage collector. By default nothing is reused.
     */
    default void recycle(VideoFrame frame) {
    }

    /**
     * Problems met while decoding that did not stop the job, such as a file that ends early;
     * complete once {@link #next()} has returned null.
     */
    List<String> warnings();

    @Override
    void close();
}
