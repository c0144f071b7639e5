package dev.mocap.video;

import org.bytedeco.ffmpeg.global.avutil;

/** FFmpeg prints to stderr by default; users should see only our one-line errors. */
final class FfmpegLog {
    private FfmpegLog() {
    }

    static void silence() {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }
}
