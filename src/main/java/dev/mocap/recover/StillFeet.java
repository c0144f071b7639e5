package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.math.LineSpeed;
import dev.mocap.pose.BlazePose;

import java.util.ArrayList;
import java.util.List;

/**
 * Feet that stand still in the picture, taken as planted beside the lifting network's judgement.
 * The network learned contacts from rendered mocap and misses stances it never saw (standing on
 * one leg, a real person's balance); a foot whose heel and toe stay put in a fixed camera's image
 * is on the ground or held up in the air. Which of the two the temporal fit decides: it plants a
 * judged foot only where it is low or the lower foot, and drops the judgement where the fit leaves
 * the foot raised ({@link TemporalFit}). A panning camera moves standing feet in the image, so it
 * only loses this cue.
 */
final class StillFeet {
    /** Heel and toe of each foot, followed by a least-squares line over this many seconds either side. */
    static final double WINDOW_S = 0.2;
    /** Slower than this (m/s at the foot's depth) the foot counts as still. */
    static final double STILL_SPEED = 0.25;
    private static final double MIN_WEIGHT = 0.5;
    private static final int[][] FEET = {
            {BlazePose.LEFT_HEEL, BlazePose.LEFT_FOOT_INDEX}, {BlazePose.RIGHT_HEEL, BlazePose.RIGHT_FOOT_INDEX}};

    private StillFeet() {
    }

    /** The observations with a foot's contact probability set to 1 where it is still in the image. */
    static List<Observation> plant(List<Observation> frames, Camera camera) {
        List<Observation> out = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            Observation o = frames.get(i);
            double[] contact = o.footContact() == null ? new double[2] : o.footContact().clone();
            boolean changed = false;
            for (int side = 0; side < 2; side++) {
                if (contact[side] <= Track.PLANTED && still(frames, i, FEET[side], camera)) {
                    contact[side] = 1;
                    changed = true;
                }
            }
            out.add(changed ? new Observation(o.time(), o.pixels(), o.lifted(), o.shape(), o.weight(), o.score(), contact) : o);
        }
        return out;
    }

    private static boolean still(List<Observation> frames, int i, int[] foot, Camera camera) {
        Observation at = frames.get(i);
        if (!seen(at, foot)) {
            return false;
        }
        LineSpeed line = new LineSpeed();
        for (int j = i; j >= 0 && at.time() - frames.get(j).time() <= WINDOW_S + 1e-9; j--) {
            add(line, frames.get(j), at.time(), foot);
        }
        for (int j = i + 1; j < frames.size() && frames.get(j).time() - at.time() <= WINDOW_S + 1e-9; j++) {
            add(line, frames.get(j), at.time(), foot);
        }
        double depth = (at.shape()[foot[0]].z() + at.shape()[foot[1]].z()) / 2;
        return depth > 0 && line.speed() * depth / camera.focal() < STILL_SPEED;
    }

    private static void add(LineSpeed line, Observation o, double time, int[] foot) {
        if (seen(o, foot)) {
            line.add(o.time() - time, (o.u(foot[0]) + o.u(foot[1])) / 2, (o.v(foot[0]) + o.v(foot[1])) / 2);
        }
    }

    private static boolean seen(Observation o, int[] foot) {
        return o.weight()[foot[0]] >= MIN_WEIGHT && o.weight()[foot[1]] >= MIN_WEIGHT;
    }
}
