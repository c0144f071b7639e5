package dev.mocap.pose;

/** One video frame's result: its index and time, and the person's landmarks or null if none. */
public record FramePose(int index, double timestamp, Landmarks landmarks) {
    public boolean hasPerson() {
        return landmarks != null;
    }
}
