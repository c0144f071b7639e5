package dev.mocap.pose;

import java.util.List;

/** One video frame's result for every tracked person in it, in id order (empty when nobody is found). */
public record PeopleFrame(int index, double timestamp, List<TrackedPose> people) {

    /** The landmarks of {@code person} in this frame, or null when that person is not in it. */
    public Landmarks landmarksOf(int person) {
        for (TrackedPose p : people) {
            if (p.person() == person) {
                return p.landmarks();
            }
        }
        return null;
    }
}
