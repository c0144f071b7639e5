package dev.mocap.filter;

import dev.mocap.body.FootContacts;
import dev.mocap.body.Motion;
import dev.mocap.body.MotionMetrics;
import dev.mocap.body.Smpl24;
import dev.mocap.body.SupportFeet;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.pose.Landmarks;
import dev.mocap.body.Camera;
import dev.mocap.math.LineSpeed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Quality figures of a recovered SMPL-24 motion judged against the landmarks it was recovered
 * from, which the tool's own contact detection and foot lock cannot make look better than they
 * are.
 *
 * <p>A foot is <em>still in the image</em> in a frame when its toe landmark (foot_index), fitted
 * by a straight line over {@value #WINDOW_S} s either side, moves slower than
 * {@value #STILL_SPEED} m/s at the depth of the recovered foot, or over {@value #SHORT_WINDOW_S} s
 * either side slower than {@value #SHORT_STILL_SPEED} m/s (contacts too short for the long
 * window, as in running; the landmarks' jitter stays below the looser limit). A foot still in the image is on
 * the ground or held in the air, and in both cases its 3D position should not move: its
 * horizontal motion there is sliding, whatever the contact detector says. The recovered feet are
 * matched to the landmark feet per frame by where they project (recovery may have exchanged the
 * legs' labels). Frames filled in over gaps, and landmarks of visibility below 0.5, are left out.
 * Sliding is measured where a foot is still in the image or carries the body in the animation
 * ({@link SupportFeet}): the image catches feet the animation lifts, the motion catches contacts
 * too short or too occluded for the image.
 *
 * @param footSlidingMmPerFrame {@link MotionMetrics#slidingMmPerFrame} on the frames where the foot is still in the image or supports
 * @param stillFootFraction     share of foot-frames, of those seen, in which the foot is still in the image
 * @param stillFootHeightMm     median over frames of the lower sole height ({@link SupportFeet#soleHeights}) of the feet
 *                              still in the image (a foot held up in the air is still too, but not the lower one)
 * @param reprojectionPx        mean distance in pixels between the recovered joints' projections and the landmarks, per limb
 * @param warnings              figures that are implausible, in words
 */
public record ImageEvidence(double footSlidingMmPerFrame, double stillFootFraction, double stillFootHeightMm,
                            Map<String, Double> reprojectionPx, List<String> warnings) {
    static final double WINDOW_S = 0.2, STILL_SPEED = 0.3;
    static final double SHORT_WINDOW_S = 0.1, SHORT_STILL_SPEED = 0.5;
    private static final double MIN_VISIBILITY = 0.5;
    /** Still feet this high above the floor (median) make the "standing on something" warning. */
    private static final double RAISED_MM = 80;

    private static final int[][] LEGS = {
            {Smpl24.LEFT_HIP, Smpl24.LEFT_KNEE, Smpl24.LEFT_ANKLE, Smpl24.LEFT_FOOT},
            {BlazePose.LEFT_HIP, BlazePose.LEFT_KNEE, BlazePose.LEFT_ANKLE, BlazePose.LEFT_FOOT_INDEX},
            {Smpl24.RIGHT_HIP, Smpl24.RIGHT_KNEE, Smpl24.RIGHT_ANKLE, Smpl24.RIGHT_FOOT},
            {BlazePose.RIGHT_HIP, BlazePose.RIGHT_KNEE, BlazePose.RIGHT_ANKLE, BlazePose.RIGHT_FOOT_INDEX}};
    private static final int[][] ARMS = {
            {Smpl24.LEFT_SHOULDER, Smpl24.LEFT_ELBOW, Smpl24.LEFT_WRIST},
            {BlazePose.LEFT_SHOULDER, BlazePose.LEFT_ELBOW, BlazePose.LEFT_WRIST},
            {Smpl24.RIGHT_SHOULDER, Smpl24.RIGHT_ELBOW, Smpl24.RIGHT_WRIST},
            {BlazePose.RIGHT_SHOULDER, BlazePose.RIGHT_ELBOW, BlazePose.RIGHT_WRIST}};

    /**
     * @param motion    a recovered motion in SMPL-24 joint order, in the camera's world
     * @param startTime video time of its first frame
     * @param filledIn  per frame, filled in over a gap (no landmarks of its own)
     */
    public static ImageEvidence of(Motion motion, double startTime, boolean[] filledIn, LandmarkSequence landmarks, Camera camera) {
        int n = motion.frameCount();
        Seen seen = Seen.of(motion, startTime, filledIn, landmarks);
        double[] time = new double[n];
        Projection projected = new Projection(motion, camera);
        for (int f = 0; f < n; f++) {
            time[f] = startTime + f / motion.fps();
        }
        boolean[] legsSwapped = new boolean[n], armsSwapped = new boolean[n];
        for (int f = 0; f < n; f++) {
            if (seen.has(f)) {
                legsSwapped[f] = swapped(projected, f, seen, LEGS);
                armsSwapped[f] = swapped(projected, f, seen, ARMS);
            }
        }
        boolean[][] still = new boolean[2][n];
        int seenFrames = 0, stillCount = 0;
        double[][] sole = SupportFeet.soleHeights(motion);
        List<Double> stillHeights = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            seenFrames += seen.has(f) ? 1 : 0;
            double lowestStill = Double.POSITIVE_INFINITY;
            for (int side = 0; side < 2; side++) {
                still[side][f] = still(side, f, seen, legsSwapped, time, projected, camera);
                if (still[side][f]) {
                    stillCount++;
                    lowestStill = Math.min(lowestStill, sole[side][f]);
                }
            }
            if (lowestStill < Double.POSITIVE_INFINITY) {
                stillHeights.add(lowestStill);
            }
        }
        SupportFeet support = SupportFeet.of(motion);
        double sliding = MotionMetrics.slidingMmPerFrame(motion,
                new FootContacts(still[0], still[1]).or(new FootContacts(support.left(), support.right())));
        double stillFraction = seenFrames == 0 ? 0 : stillCount / (2.0 * seenFrames);
        double stillHeight = 1000 * median(stillHeights);
        Map<String, Double> reprojection = new LinkedHashMap<>();
        reprojection.put("left_arm", reprojection(projected, seen, armsSwapped, ARMS, 0));
        reprojection.put("right_arm", reprojection(projected, seen, armsSwapped, ARMS, 2));
        reprojection.put("left_leg", reprojection(projected, seen, legsSwapped, LEGS, 0));
        reprojection.put("right_leg", reprojection(projected, seen, legsSwapped, LEGS, 2));
        return new ImageEvidence(sliding, stillFraction, stillHeight, reprojection,
                warnings(motion, stillFraction, stillHeight, sliding));
    }

    /**
     * Per output frame, the landmarks of the video frame at its time (within half a video frame)
     * that the figures read, in flat arrays: objects per frame would cost more than the motion
     * itself on a long clip.
     */
    private static final class Seen {
        /** The landmarks read: those of the legs and arms in {@link #LEGS} and {@link #ARMS}. */
        private static final int[] SLOT = slots();
        private static final int MARKS = (int) Arrays.stream(SLOT).filter(k -> k >= 0).count();
        /** Per output frame, the index of its video frame among the landmarks' frames, or -1. */
        private final int[] videoFrame;
        private final float[] x, y, visibility;

        private Seen(int frames) {
            videoFrame = new int[frames];
            Arrays.fill(videoFrame, -1);
            x = new float[frames * MARKS];
            y = new float[frames * MARKS];
            visibility = new float[frames * MARKS];
        }

        private static int[] slots() {
            int[] slot = new int[BlazePose.COUNT];
            Arrays.fill(slot, -1);
            int next = 0;
            for (int[][] limbs : new int[][][]{LEGS, ARMS}) {
                for (int row = 1; row < 4; row += 2) {
                    for (int mark : limbs[row]) {
                        slot[mark] = next++;
                    }
                }
            }
            return slot;
        }

        static Seen of(Motion motion, double startTime, boolean[] filledIn, LandmarkSequence landmarks) {
            List<FramePose> frames = landmarks.frames();
            double[] times = frames.stream().mapToDouble(FramePose::timestamp).toArray();
            double half = 0.5 / videoFps(landmarks, times) + 1e-6;
            Seen seen = new Seen(motion.frameCount());
            for (int f = 0; f < motion.frameCount(); f++) {
                if (filledIn[f] || times.length == 0) {
                    continue;
                }
                double t = startTime + f / motion.fps();
                int i = Arrays.binarySearch(times, t);
                int at = i >= 0 ? i : -i - 1;
                int best = at >= times.length || (at > 0 && t - times[at - 1] < times[at] - t) ? at - 1 : at;
                Landmarks l = Math.abs(times[best] - t) <= half ? frames.get(best).landmarks() : null;
                if (l != null) {
                    seen.keep(f, best, l);
                }
            }
            return seen;
        }

        private void keep(int f, int video, Landmarks l) {
            videoFrame[f] = video;
            for (int mark = 0; mark < SLOT.length; mark++) {
                if (SLOT[mark] >= 0) {
                    x[f * MARKS + SLOT[mark]] = l.image()[3 * mark];
                    y[f * MARKS + SLOT[mark]] = l.image()[3 * mark + 1];
                    visibility[f * MARKS + SLOT[mark]] = l.visibility()[mark];
                }
            }
        }

        int frameCount() {
            return videoFrame.length;
        }

        boolean has(int f) {
            return videoFrame[f] >= 0;
        }

        /** Whether output frames {@code f} and {@code g} show the same video frame. */
        boolean sameVideoFrame(int f, int g) {
            return videoFrame[f] == videoFrame[g];
        }

        double x(int f, int mark) {
            return x[f * MARKS + SLOT[mark]];
        }

        double y(int f, int mark) {
            return y[f * MARKS + SLOT[mark]];
        }

        double visibility(int f, int mark) {
            return visibility[f * MARKS + SLOT[mark]];
        }
    }

    private static double videoFps(LandmarkSequence landmarks, double[] times) {
        if (landmarks.video().fps() > 0) {
            return landmarks.video().fps();
        }
        return times.length > 1 ? (times.length - 1) / Math.max(times[times.length - 1] - times[0], 1e-9) : 30;
    }

    /**
     * The recovered joints' image positions and the feet's depths, frame by frame, in flat arrays:
     * per-frame objects would cost several times the motion itself on a long clip.
     */
    private static final class Projection {
        private final int joints;
        private final double[] pixels;
        private final double[][] footDepth = new double[2][];

        Projection(Motion motion, Camera camera) {
            int n = motion.frameCount();
            joints = motion.skeleton().size();
            pixels = new double[2 * joints * n];
            footDepth[0] = new double[n];
            footDepth[1] = new double[n];
            for (int f = 0; f < n; f++) {
                Vec3[] world = motion.jointPositions(f);
                for (int j = 0; j < joints; j++) {
                    double[] p = camera.project(camera.toCamera(world[j]));
                    pixels[2 * (f * joints + j)] = p[0];
                    pixels[2 * (f * joints + j) + 1] = p[1];
                }
                footDepth[0][f] = camera.toCamera(world[Smpl24.LEFT_FOOT]).z();
                footDepth[1][f] = camera.toCamera(world[Smpl24.RIGHT_FOOT]).z();
            }
        }

        /** How far joint {@code j} of frame {@code f} projects from the landmark's image point (px). */
        double distance(int f, int j, Seen seen, int mark) {
            int at = 2 * (f * joints + j);
            return Math.hypot(pixels[at] - seen.x(f, mark), pixels[at + 1] - seen.y(f, mark));
        }

        /** Depth along the camera axis of the foot {@code side} (0 left, 1 right) in frame {@code f}. */
        double footDepth(int side, int f) {
            return footDepth[side][f];
        }
    }

    /** Whether the recovered left and right limbs project closer to the landmarks with their labels exchanged. */
    private static boolean swapped(Projection projected, int f, Seen seen, int[][] limbs) {
        double same = distance(projected, f, seen, limbs[0], limbs[1]) + distance(projected, f, seen, limbs[2], limbs[3]);
        double exchanged = distance(projected, f, seen, limbs[0], limbs[3]) + distance(projected, f, seen, limbs[2], limbs[1]);
        return exchanged < same;
    }

    private static double distance(Projection projected, int f, Seen seen, int[] joints, int[] marks) {
        double sum = 0;
        for (int i = 0; i < joints.length; i++) {
            sum += projected.distance(f, joints[i], seen, marks[i]);
        }
        return sum;
    }

    /** The toe landmark that goes with the recovered foot {@code side} in frame {@code f}, or -1. */
    private static int toe(int side, int f, Seen seen, boolean[] swapped) {
        if (!seen.has(f)) {
            return -1;
        }
        int mark = (side == 0) != swapped[f] ? BlazePose.LEFT_FOOT_INDEX : BlazePose.RIGHT_FOOT_INDEX;
        return seen.visibility(f, mark) >= MIN_VISIBILITY ? mark : -1;
    }

    /**
     * Still over the long window, or, for contacts too short for it (running), over the short
     * window with a looser limit that the landmarks' jitter does not reach.
     */
    private static boolean still(int side, int f, Seen seen, boolean[] swapped, double[] time, Projection projected, Camera camera) {
        if (toe(side, f, seen, swapped) < 0) {
            return false;
        }
        double depth = projected.footDepth(side, f);
        if (depth <= 0) {
            return false;
        }
        double metresPerPixel = depth / camera.focal();
        return imageSpeed(side, f, seen, swapped, time, WINDOW_S) * metresPerPixel < STILL_SPEED
                || imageSpeed(side, f, seen, swapped, time, SHORT_WINDOW_S) * metresPerPixel < SHORT_STILL_SPEED;
    }

    /** The toe landmark's image speed (px/s) around frame f: a least-squares line over {@code window} s either side; infinite when unknown. */
    private static double imageSpeed(int side, int f, Seen seen, boolean[] swapped, double[] time, double window) {
        int first = f, last = f;
        while (first > 0 && time[f] - time[first - 1] <= window + 1e-9) {
            first--;
        }
        while (last + 1 < time.length && time[last + 1] - time[f] <= window + 1e-9) {
            last++;
        }
        LineSpeed line = new LineSpeed();
        for (int g = first; g <= last; g++) {
            int mark = toe(side, g, seen, swapped);
            // Output frames between video frames share their landmarks: each video frame counts once.
            if (mark >= 0 && (g == first || !seen.sameVideoFrame(g, g - 1))) {
                line.add(time[g] - time[f], seen.x(g, mark), seen.y(g, mark));
            }
        }
        return line.speed();
    }

    /** Mean pixel distance of the limb's joints (left limb at {@code row} 0, right at 2) from their landmarks, visible ones only. */
    private static double reprojection(Projection projected, Seen seen, boolean[] swapped, int[][] limbs, int row) {
        double sum = 0;
        int count = 0;
        for (int f = 0; f < seen.frameCount(); f++) {
            if (!seen.has(f)) {
                continue;
            }
            int[] joints = limbs[row], marks = limbs[swapped[f] ? (row == 0 ? 3 : 1) : row + 1];
            for (int i = 0; i < joints.length; i++) {
                if (seen.visibility(f, marks[i]) >= MIN_VISIBILITY) {
                    sum += projected.distance(f, joints[i], seen, marks[i]);
                    count++;
                }
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static List<String> warnings(Motion motion, double stillFraction, double stillHeightMm, double slidingMm) {
        List<String> out = new ArrayList<>();
        if (stillFraction >= 0.2 && stillHeightMm > RAISED_MM) {
            out.add(String.format(Locale.ROOT, "the lower foot that is still in the image (%.0f %% of foot-frames still) is %.0f mm above the floor "
                    + "(median): the person may stand on something raised (a box, a step) or the motion floats; "
                    + "--floor contacts puts the floor under them", 100 * stillFraction, stillHeightMm));
        }
        double planted = motion.contacts() == null ? 0 : MotionMetrics.plantedFraction(motion.contacts());
        if (stillFraction >= 0.25 && planted < stillFraction / 2) {
            out.add(String.format(Locale.ROOT, "a foot is still in the image in %.0f %% of the foot-frames, but planted in only %.0f %% "
                    + "of the animation: feet that should be down slide %.1f mm/frame",
                    100 * stillFraction, 100 * planted, slidingMm));
        }
        return List.copyOf(out);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
