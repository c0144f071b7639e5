package dev.mocap.synth;

import dev.mocap.body.Vec3;

import java.util.Arrays;

/**
 * The frames at the start of a motion-capture take that are not part of its motion. Many CMU
 * takes begin with the skeleton's rest pose held for one frame (a T-pose), some with a frame or
 * two from elsewhere, and then cut to the performance: 54 of the corpus's 97 clips and three of
 * the test data's four CMU clips do. Left in, such a frame teaches a body that snaps into place in
 * one frame, and it puts a spike of about 200 mm/frame² into the acceleration error of every
 * held-out clip that is measured from its beginning.
 */
final class CalibrationFrames {
    /** Only this much of the start of a take is searched for a cut (seconds). */
    private static final double WITHIN_S = 0.2;
    /**
     * A cut moves a body point (relative to the pelvis) further than this in one frame (metres),
     * and further than {@link #MEDIAN_FACTOR} times the take's median move: a rest frame moves
     * 0.58–1.02 m to the next in the corpus, its fastest running 0.15–0.4 m.
     */
    private static final double POSE_JUMP = 0.5, MEDIAN_FACTOR = 2;
    /** Or it moves the pelvis faster than a sprinter (m/s). */
    private static final double ROOT_SPEED = 15;

    private CalibrationFrames() {
    }

    /** How many frames at the start of the take (body points per frame, metres) come before its motion. */
    static int count(Vec3[][] points, double fps) {
        int n = points.length;
        if (n < 3) {
            return 0;
        }
        double[] jumps = new double[n - 1];
        for (int f = 0; f + 1 < n; f++) {
            jumps[f] = poseJump(points[f], points[f + 1]);
        }
        double[] sorted = jumps.clone();
        Arrays.sort(sorted);
        double poseLimit = Math.max(POSE_JUMP, MEDIAN_FACTOR * sorted[sorted.length / 2]), rootLimit = ROOT_SPEED / fps;
        int start = 0, searched = Math.min(n - 2, Math.max(1, (int) Math.round(WITHIN_S * fps)));
        for (int f = 0; f < searched; f++) {
            if (jumps[f] > poseLimit || pelvis(points[f]).distance(pelvis(points[f + 1])) > rootLimit) {
                start = f + 1;
            }
        }
        return start;
    }

    /** The largest move of a body point relative to the pelvis between two frames. */
    private static double poseJump(Vec3[] a, Vec3[] b) {
        Vec3 pa = pelvis(a), pb = pelvis(b);
        double most = 0;
        for (int i = 0; i < a.length; i++) {
            most = Math.max(most, a[i].minus(pa).distance(b[i].minus(pb)));
        }
        return most;
    }

    private static Vec3 pelvis(Vec3[] points) {
        return points[BodyPoints.L_HIP].lerp(points[BodyPoints.R_HIP], 0.5);
    }
}
