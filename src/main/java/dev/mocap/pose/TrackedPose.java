package dev.mocap.pose;

/** One tracked person's landmarks in one frame; {@code person} is the track id (1, 2, …, never reused within a video). */
public record TrackedPose(int person, Landmarks landmarks) {
}
