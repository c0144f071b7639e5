package dev.mocap.recover;

import dev.mocap.math.LineSpeed;
import dev.mocap.pose.BlazePose;

/**
 * Feet that stand still in the picture. The lifting network learned contacts from rendered mocap
 * and misses stances it never saw (a real person balancing on one leg); a foot whose heel and toe
 * stay put in a fixed camera's image is on the ground or held up in the air, and the temporal fit
 * decides which ({@link TemporalFit} plants it only where it leaves the foot low and the lower
 * one). Where the network did judge the foot planted, stillness settles it: the contact is kept
 * wherever the fit puts the foot. A panning camera moves standing feet in the image, so it only
 * loses this cue.
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

    /** Whether foot {@code side} (0 left, 1 right) is seen and still in the image at grid frame k. */
    static boolean still(Grid grid, int k, int side, double focal) {
        Observation at = grid.at(k);
        int[] foot = FEET[side];
        if (at == null || !seen(at, foot)) {
            return false;
        }
        int reach = (int) Math.round(WINDOW_S * grid.fps());
        LineSpeed line = new LineSpeed();
        for (int j = Math.max(0, k - reach); j <= Math.min(grid.size() - 1, k + reach); j++) {
            Observation o = grid.at(j);
            if (o != null && seen(o, foot)) {
                line.add(o.time() - at.time(), (o.u(foot[0]) + o.u(foot[1])) / 2, (o.v(foot[0]) + o.v(foot[1])) / 2);
            }
        }
        double depth = (at.shape()[foot[0]].z() + at.shape()[foot[1]].z()) / 2;
        return depth > 0 && line.speed() * depth / focal < STILL_SPEED;
    }

    private static boolean seen(Observation o, int[] foot) {
        return o.weight()[foot[0]] >= MIN_WEIGHT && o.weight()[foot[1]] >= MIN_WEIGHT;
    }
}
