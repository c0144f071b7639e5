package dev.mocap.recover;

import dev.mocap.body.Motion;

/**
 * A continuous stretch of recovered motion. {@code startTime} is the video time of its first
 * frame; {@code interpolated[f]} marks frames in which the person was not seen and the pose was
 * filled in between its neighbours.
 */
public record Segment(Motion motion, double startTime, boolean[] interpolated) {

    public int interpolatedCount() {
        int n = 0;
        for (boolean b : interpolated) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
