package dev.mocap.pose;

import dev.mocap.video.VideoInfo;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Every tracked person over a whole video, one entry per decoded frame. */
public record PeopleSequence(VideoInfo video, String model, List<PeopleFrame> frames, List<String> warnings) {
    /** An id no track has (ids start at 1): {@link #person} of it has every frame empty. */
    public static final int NOBODY = 0;

    /** The ids of everyone tracked, ascending. */
    public List<Integer> persons() {
        TreeSet<Integer> ids = new TreeSet<>();
        for (PeopleFrame f : frames) {
            f.people().forEach(p -> ids.add(p.person()));
        }
        return new ArrayList<>(ids);
    }

    /**
     * One person's landmarks over the whole video (frames without them are empty): a view of
     * these frames, each made when it is read, so that it holds nothing of its own.
     */
    public LandmarkSequence person(int id) {
        List<FramePose> poses = new AbstractList<>() {
            @Override
            public FramePose get(int i) {
                PeopleFrame f = frames.get(i);
                return new FramePose(f.index(), f.timestamp(), f.landmarksOf(id));
            }

            @Override
            public int size() {
                return frames.size();
            }
        };
        return new LandmarkSequence(video, model, poses, warnings);
    }

    /** In how many frames {@code id} was tracked. */
    public int frameCount(int id) {
        return (int) frames.stream().filter(f -> f.landmarksOf(id) != null).count();
    }

    /** How much of the video a person fills: the sum over their frames of the landmark region's area (px²). */
    public double coverage(int id) {
        double sum = 0;
        for (PeopleFrame f : frames) {
            Landmarks l = f.landmarksOf(id);
            if (l != null) {
                sum += l.roi().size() * l.roi().size();
            }
        }
        return sum;
    }
}
