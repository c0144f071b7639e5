package dev.mocap.recover;

import java.util.List;

/**
 * Observations placed on the output's constant frame rate: frame k is at video time
 * first + k / fps and holds the observation nearest to that time, or none. A variable-frame-rate
 * video thus comes out at a steady rate, with its missing moments as gaps.
 */
final class Grid {
    private final Observation[] slots;
    private final double first;
    private final double fps;

    Grid(List<Observation> observations, double fps) {
        this.fps = fps;
        this.first = observations.get(0).time();
        int last = index(observations.get(observations.size() - 1).time());
        slots = new Observation[last + 1];
        for (Observation o : observations) {
            int k = index(o.time());
            if (slots[k] == null || Math.abs(time(k) - o.time()) < Math.abs(time(k) - slots[k].time())) {
                slots[k] = o;
            }
        }
    }

    private int index(double time) {
        return (int) Math.round((time - first) * fps);
    }

    int size() {
        return slots.length;
    }

    /** The observation of frame k, or null. */
    Observation at(int k) {
        return slots[k];
    }

    double time(int k) {
        return first + k / fps;
    }

    /** Video time of frame 0. */
    double first() {
        return first;
    }

    double fps() {
        return fps;
    }
}
