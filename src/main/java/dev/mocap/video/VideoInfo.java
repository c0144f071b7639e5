package dev.mocap.video;

import java.nio.file.Path;

/**
 * What a video is, as frames will be delivered: {@code width} and {@code height} are after the
 * display rotation has been applied. {@code fps} is the container's nominal rate; exact frame
 * times are in each {@link VideoFrame}. {@code frameCount} is the container's estimate (may be 0
 * when unknown). {@code displayRotation} is the clockwise turn, in degrees (0, 90, 180 or 270),
 * already applied to the decoded pixels to show them upright as players do; a phone video shot
 * upright has 90. {@code codec} is FFmpeg's codec name, e.g. {@code h264} or {@code vp9}.
 */
public record VideoInfo(Path file, int width, int height, double fps, int frameCount,
                        int displayRotation, double durationSeconds, String codec) {
}
