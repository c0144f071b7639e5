package dev.mocap.pose;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everyone tracked, frame by frame, as far as the figures judged after recovery read them
 * (quality, image evidence, person selection): the image position and visibility of the
 * {@link #KEPT} limb landmarks, the score and the region, in flat arrays, 0.2 KB a person and
 * frame instead of a graph of objects. A long video's frames are kept so until its end; read
 * as a list, each frame is made when it is asked for, its other landmarks NaN, without world
 * landmarks or presence (null). Not for recovery. Frames are added at the end, one by one.
 */
public final class CompactPeopleFrames extends AbstractList<PeopleFrame> {
    /** The landmarks kept: the twelve limb joints and the toes. */
    public static final int[] KEPT = keptLandmarks();
    private static final int[] SLOT = slots();
    /** Per kept landmark: image x, image y, visibility. */
    private static final int VALUES = 3 * KEPT.length;

    private int frames, entries;
    private int[] index = new int[64], firstEntry = new int[65], person = new int[64];
    private double[] time = new double[64], roi = new double[4 * 64];
    private float[] score = new float[64], values = new float[VALUES * 64];

    private static int[] keptLandmarks() {
        int[] kept = Arrays.copyOf(BlazePose.MAJOR_JOINTS, BlazePose.MAJOR_JOINTS.length + 2);
        kept[kept.length - 2] = BlazePose.LEFT_FOOT_INDEX;
        kept[kept.length - 1] = BlazePose.RIGHT_FOOT_INDEX;
        return kept;
    }

    private static int[] slots() {
        int[] slot = new int[BlazePose.COUNT];
        Arrays.fill(slot, -1);
        for (int k = 0; k < KEPT.length; k++) {
            slot[KEPT[k]] = k;
        }
        return slot;
    }

    /** Keeps what the figures read of the next frame. */
    @Override
    public boolean add(PeopleFrame frame) {
        if (frames == index.length) {
            int size = frames + frames / 2 + 1;
            index = Arrays.copyOf(index, size);
            time = Arrays.copyOf(time, size);
            firstEntry = Arrays.copyOf(firstEntry, size + 1);
        }
        index[frames] = frame.index();
        time[frames] = frame.timestamp();
        for (TrackedPose p : frame.people()) {
            keep(p);
        }
        frames++;
        firstEntry[frames] = entries;
        return true;
    }

    private void keep(TrackedPose p) {
        if (entries == person.length) {
            int size = entries + entries / 2 + 1;
            person = Arrays.copyOf(person, size);
            score = Arrays.copyOf(score, size);
            roi = Arrays.copyOf(roi, 4 * size);
            values = Arrays.copyOf(values, VALUES * size);
        }
        Landmarks l = p.landmarks();
        person[entries] = p.person();
        score[entries] = l.score();
        roi[4 * entries] = l.roi().centerX();
        roi[4 * entries + 1] = l.roi().centerY();
        roi[4 * entries + 2] = l.roi().size();
        roi[4 * entries + 3] = l.roi().rotation();
        for (int k = 0; k < KEPT.length; k++) {
            int at = VALUES * entries + 3 * k;
            values[at] = l.image()[3 * KEPT[k]];
            values[at + 1] = l.image()[3 * KEPT[k] + 1];
            values[at + 2] = l.visibility()[KEPT[k]];
        }
        entries++;
    }

    @Override
    public PeopleFrame get(int frame) {
        if (frame < 0 || frame >= frames) {
            throw new IndexOutOfBoundsException("frame " + frame + " of " + frames);
        }
        List<TrackedPose> people = new ArrayList<>(firstEntry[frame + 1] - firstEntry[frame]);
        for (int e = firstEntry[frame]; e < firstEntry[frame + 1]; e++) {
            people.add(new TrackedPose(person[e], landmarks(e)));
        }
        return new PeopleFrame(index[frame], time[frame], people);
    }

    @Override
    public int size() {
        return frames;
    }

    private Landmarks landmarks(int entry) {
        float[] image = new float[3 * BlazePose.COUNT], visibility = new float[BlazePose.COUNT];
        Arrays.fill(image, Float.NaN);
        Arrays.fill(visibility, Float.NaN);
        for (int m = 0; m < visibility.length; m++) {
            if (SLOT[m] >= 0) {
                int at = VALUES * entry + 3 * SLOT[m];
                image[3 * m] = values[at];
                image[3 * m + 1] = values[at + 1];
                visibility[m] = values[at + 2];
            }
        }
        return new Landmarks(image, null, visibility, null, score[entry],
                new Roi(roi[4 * entry], roi[4 * entry + 1], roi[4 * entry + 2], roi[4 * entry + 3]));
    }
}
