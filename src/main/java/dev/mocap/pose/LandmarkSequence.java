package dev.mocap.pose;

import dev.mocap.video.VideoInfo;

import java.util.List;

/** Landmarks of one person over a whole video, one entry per decoded frame. */
public record LandmarkSequence(VideoInfo video, String model, List<FramePose> frames, List<String> warnings) {

    public long framesWithPerson() {
        return frames.stream().filter(FramePose::hasPerson).count();
    }

    public double detectionRate() {
        return frames.isEmpty() ? 0 : (double) framesWithPerson() / frames.size();
    }
}
