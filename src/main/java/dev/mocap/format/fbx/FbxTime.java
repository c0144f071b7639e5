package dev.mocap.format.fbx;

import java.util.Map;

/** FBX time: KTime ticks and the GlobalSettings frame-rate enum. */
final class FbxTime {
    static final long TICKS_PER_SECOND = 46_186_158_000L;
    /** TimeMode for a frame rate that has no value of its own; CustomFrameRate then gives it. */
    private static final int CUSTOM_TIME_MODE = 14;
    private static final Map<Integer, Integer> TIME_MODES = Map.of(
            120, 1, 100, 2, 60, 3, 50, 4, 48, 5, 30, 6, 25, 10, 24, 11, 96, 15, 72, 16);

    static long ofFrame(int frame, double fps) {
        return Math.round(frame * (TICKS_PER_SECOND / fps));
    }

    /** The KTime of every frame. */
    static long[] frameTimes(int frames, double fps) {
        long[] times = new long[frames];
        for (int i = 0; i < frames; i++) {
            times[i] = ofFrame(i, fps);
        }
        return times;
    }

    /** The GlobalSettings {@code TimeMode} for a frame rate. */
    static int timeMode(double fps) {
        long rounded = Math.round(fps);
        return Math.abs(fps - rounded) < 1e-9 ? TIME_MODES.getOrDefault((int) rounded, CUSTOM_TIME_MODE) : CUSTOM_TIME_MODE;
    }

    private FbxTime() {
    }
}
