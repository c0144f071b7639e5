package dev.mocap.video;

import java.nio.file.Path;
import java.util.List;

/**
 * Decoded frames of one video, in presentation order, display rotation applied. Not thread-safe:
 * one consumer calls {@link #next()}; {@link PrefetchingVideoSource} decodes ahead on a thread.
 */
public interface VideoSource extends AutoCloseable {

    /**
     * Opens a video file with FFmpeg and decodes its first frame.
     *
     * @throws dev.mocap.MocapException (BAD_INPUT) naming the file when it is missing, a folder,
     *     empty, unreadable, not a video, corrupt, or has no video stream
     */
    static VideoSource open(Path file) {
        return FfmpegVideoSource.open(file);
    }

    VideoInfo info();

    /** The next frame, or null at the end of the video. */
    VideoFrame next();

    /**
     * Problems met while decoding that did not stop the job, such as a file that ends early;
     * complete once {@link #next()} has returned null.
     */
    List<String> warnings();

    @Override
    void close();
}
