package dev.mocap.preview;

import dev.mocap.body.Quat;

import java.util.ArrayList;
import java.util.List;

/** Poses (local joint rotations) at points in time, slerped in between; held before the first and after the last. */
final class Keyframes {
    private final List<Double> times = new ArrayList<>();
    private final List<Quat[]> poses = new ArrayList<>();

    /** Adds a pose at a time later than every earlier one. */
    Keyframes add(double seconds, Quat[] pose) {
        if (!times.isEmpty() && seconds <= times.get(times.size() - 1)) {
            throw new IllegalArgumentException("keyframes must come in time order: " + seconds);
        }
        times.add(seconds);
        poses.add(pose.clone());
        return this;
    }

    Quat[] at(double seconds) {
        int next = 0;
        while (next < times.size() && times.get(next) <= seconds) {
            next++;
        }
        if (next == 0) {
            return poses.get(0).clone();
        }
        if (next == times.size()) {
            return poses.get(next - 1).clone();
        }
        double t = (seconds - times.get(next - 1)) / (times.get(next) - times.get(next - 1));
        Quat[] a = poses.get(next - 1), b = poses.get(next), out = new Quat[a.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = a[j].slerp(b[j], t);
        }
        return out;
    }
}
