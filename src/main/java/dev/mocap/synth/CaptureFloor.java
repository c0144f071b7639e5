package dev.mocap.synth;

import dev.mocap.body.Vec3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The floor a mocap clip was captured on, as a plane {@code y = slopeX·x + slopeZ·z + offset}.
 * Capture volumes are not always level in the file's axes: several CMU walks rise by about
 * 10 cm over their 3 m path, which a level floor reads as the stance foot hovering, so the
 * truth's planted feet were missed on most of the clip. The plane goes through the lowest foot
 * point of each half second (where a foot stands, when one does), fitted robustly (points high
 * above it, as in a jump, count little) with a small pull towards level, so a path along one line
 * gives no tilt across it. A fit steeper than {@value #MAX_TILT_DEGREES}° is not a floor (a climb,
 * stairs): the floor is then taken as level.
 */
record CaptureFloor(double slopeX, double slopeZ, double offset) {
    static final double MAX_TILT_DEGREES = 5;
    private static final double WINDOW_SECONDS = 0.5, RESIDUAL_SCALE = 0.03, LEVEL_PULL_M2 = 0.25, LOW_PERCENTILE = 0.02;

    /** Height of {@code p} above the floor. */
    double height(Vec3 p) {
        return p.y() - slopeX * p.x() - slopeZ * p.z() - offset;
    }

    /**
     * @param world per frame the points of the body
     * @param feet  indices of the foot points (soles: heels and toes) in each frame
     */
    static CaptureFloor fit(Vec3[][] world, double fps, int[] feet) {
        List<Vec3> lows = windowLows(world, fps, feet);
        double[] slope = null;
        for (int iteration = 0; iteration < 4 && lows.size() >= 3; iteration++) {
            slope = robustSlopes(lows, slope);
        }
        if (slope == null) {
            slope = new double[]{0, 0};
        }
        if (Math.toDegrees(Math.atan(Math.hypot(slope[0], slope[1]))) > MAX_TILT_DEGREES) {
            slope = new double[]{0, 0};
        }
        CaptureFloor tilted = new CaptureFloor(slope[0], slope[1], 0);
        double[] lowest = new double[world.length];
        for (int k = 0; k < world.length; k++) {
            lowest[k] = Double.POSITIVE_INFINITY;
            for (int j : feet) {
                lowest[k] = Math.min(lowest[k], tilted.height(world[k][j]));
            }
        }
        Arrays.sort(lowest);
        return new CaptureFloor(slope[0], slope[1], lowest[(int) (LOW_PERCENTILE * (lowest.length - 1))]);
    }

    private static List<Vec3> windowLows(Vec3[][] world, double fps, int[] feet) {
        int window = Math.max(1, (int) Math.round(WINDOW_SECONDS * fps));
        List<Vec3> out = new ArrayList<>();
        for (int start = 0; start < world.length; start += window) {
            Vec3 low = null;
            for (int k = start; k < Math.min(world.length, start + window); k++) {
                for (int j : feet) {
                    if (low == null || world[k][j].y() < low.y()) {
                        low = world[k][j];
                    }
                }
            }
            out.add(low);
        }
        return out;
    }

    /**
     * One reweighted least-squares step for y = a·x + b·z + c, weights from the residuals of the
     * previous slopes (points far from the plane, by much more than {@link #RESIDUAL_SCALE} m,
     * count little; all points count alike in the first step, so a climb shows its full
     * slope), with a ridge of {@link #LEVEL_PULL_M2} m² per point on a and b.
     */
    private static double[] robustSlopes(List<Vec3> lows, double[] previous) {
        double[] residual = new double[lows.size()];
        for (int i = 0; i < residual.length; i++) {
            Vec3 p = lows.get(i);
            residual[i] = previous == null ? 0 : p.y() - previous[0] * p.x() - previous[1] * p.z();
        }
        double[] sorted = residual.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        double sw = 0, mx = 0, mz = 0, my = 0;
        double[] w = new double[residual.length];
        for (int i = 0; i < residual.length; i++) {
            double r = (residual[i] - median) / RESIDUAL_SCALE;
            w[i] = previous == null ? 1 : 1 / (1 + r * r);
            Vec3 p = lows.get(i);
            sw += w[i];
            mx += w[i] * p.x();
            mz += w[i] * p.z();
            my += w[i] * p.y();
        }
        mx /= sw;
        mz /= sw;
        my /= sw;
        // Centred normal equations for the two slopes, the ridge on the diagonal.
        double xx = LEVEL_PULL_M2 * sw, zz = LEVEL_PULL_M2 * sw, xz = 0, xy = 0, zy = 0;
        for (int i = 0; i < residual.length; i++) {
            Vec3 p = lows.get(i);
            double dx = p.x() - mx, dz = p.z() - mz, dy = p.y() - my;
            xx += w[i] * dx * dx;
            zz += w[i] * dz * dz;
            xz += w[i] * dx * dz;
            xy += w[i] * dx * dy;
            zy += w[i] * dz * dy;
        }
        double det = xx * zz - xz * xz;
        return new double[]{(xy * zz - zy * xz) / det, (zy * xx - xy * xz) / det};
    }
}
