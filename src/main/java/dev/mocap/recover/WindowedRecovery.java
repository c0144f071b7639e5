package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.FootContacts;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.LandmarkSequence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovers a long clip in overlapping windows, so that recovery's working memory depends on the
 * window, not on the clip's length. Clips no longer than one window go to the wrapped recovery
 * unchanged. Each window is recovered on its own; the first window with the person in it fixes
 * the world frame (floor, facing, origin), the camera and the skeleton, and later windows are
 * given its standing height (one body scale throughout) and moved into its world through their
 * cameras, which all sit at the same place in camera space. Where two windows overlap the pose
 * passes from one to the other along a smooth ramp in the middle of the overlap (root positions
 * blended, rotations slerped), away from the window edges, where a temporal fit knows least.
 */
public final class WindowedRecovery implements MotionRecovery {
    /** Window and overlap in seconds of video: two minutes, eight seconds of them shared with the next window. */
    public static final double WINDOW_SECONDS = 120, OVERLAP_SECONDS = 8;

    private static final Pattern COUNTED = Pattern.compile("(\\d+) (.*)");

    private final MotionRecovery inner;
    private final double windowSeconds, overlapSeconds;

    public WindowedRecovery(MotionRecovery inner) {
        this(inner, WINDOW_SECONDS, OVERLAP_SECONDS);
    }

    WindowedRecovery(MotionRecovery inner, double windowSeconds, double overlapSeconds) {
        if (!(overlapSeconds > 0 && windowSeconds > 2 * overlapSeconds)) {
            throw new IllegalArgumentException("windows of " + windowSeconds + " s cannot overlap by " + overlapSeconds + " s");
        }
        this.inner = inner;
        this.windowSeconds = windowSeconds;
        this.overlapSeconds = overlapSeconds;
    }

    @Override
    public Recovery recover(LandmarkSequence seq, RecoveryOptions options) {
        double fps = Double.isFinite(options.fps()) ? options.fps() : seq.video().fps();
        // Windows overlap by more than the longest gap that is bridged, so that each such gap lies inside one window.
        double overlap = Math.max(overlapSeconds, 2 * options.maxGapSeconds() + 1);
        double window = Math.max(windowSeconds, 3 * overlap);
        List<FramePose> frames = seq.frames();
        if (!(fps > 0) || frames.isEmpty() || frames.get(frames.size() - 1).timestamp() - frames.get(0).timestamp() <= window) {
            return inner.recover(seq, options);
        }
        double firstTime = frames.get(0).timestamp();
        Stitching stitched = null;
        Map<String, Integer> warnings = new LinkedHashMap<>();
        seq.warnings().forEach(w -> warnings.put(w, null));
        int from = 0;
        for (double windowStart = firstTime; from < frames.size(); windowStart += window - overlap) {
            from = firstAtOrAfter(frames, from, windowStart);
            int to = firstAtOrAfter(frames, from, windowStart + window);
            List<FramePose> part = frames.subList(from, to);
            if (part.stream().anyMatch(FramePose::hasPerson)) {
                LandmarkSequence windowSeq = new LandmarkSequence(seq.video(), seq.model(), part, List.of());
                if (stitched == null) {
                    Recovery first = inner.recover(windowSeq, options);
                    int gridFrames = (int) Math.round((frames.get(frames.size() - 1).timestamp() - firstTime) * fps) + 2;
                    stitched = new Stitching(first, fps, firstTime, gridFrames);
                    first.warnings().forEach(w -> count(warnings, w));
                } else {
                    // The same body and the same camera (a focal length estimated on the first window) for every window.
                    RecoveryOptions sameBody = (Double.isFinite(options.subjectHeight()) ? options
                            : options.withSubjectHeight(Smpl24.standingHeight(stitched.reference.skeleton())))
                            .withFocal(stitched.reference.camera().focal());
                    Recovery next = inner.recover(windowSeq, sameBody);
                    stitched.add(next, windowStart + overlap / 4, overlap / 2);
                    String firstSeen = firstSeenWarning(part);
                    next.warnings().stream().filter(w -> !w.equals(firstSeen)).forEach(w -> count(warnings, w));
                }
            }
            if (to == frames.size()) {
                break;
            }
        }
        if (stitched == null) {
            return inner.recover(seq, options);
        }
        List<String> said = warnings.entrySet().stream()
                .map(e -> e.getValue() == null ? e.getKey() : e.getValue() + " " + e.getKey()).toList();
        return new Recovery(stitched.segments(), stitched.reference.camera(), stitched.reference.skeleton(), said);
    }

    /**
     * Adds a window's warning once; a warning that starts with a count ("12 left/right limb swaps
     * ...") is kept once with the windows' counts added up.
     */
    private static void count(Map<String, Integer> warnings, String warning) {
        Matcher counted = COUNTED.matcher(warning);
        if (counted.matches()) {
            warnings.merge(counted.group(2), Integer.parseInt(counted.group(1)), (a, b) -> a == null ? b : a + b);
        } else {
            warnings.putIfAbsent(warning, null);
        }
    }

    /** The index of the first frame at or after {@code time}, searching from {@code from} (frames are in time order). */
    private static int firstAtOrAfter(List<FramePose> frames, int from, double time) {
        int i = from;
        while (i < frames.size() && frames.get(i).timestamp() < time) {
            i++;
        }
        return i;
    }

    /** What a window's recovery says when its own first sighting of the person is late, which later windows always are. */
    private static String firstSeenWarning(List<FramePose> part) {
        double first = part.stream().filter(FramePose::hasPerson).findFirst().orElseThrow().timestamp();
        return String.format(Locale.ROOT, "the person is first seen at %.2f s; the motion starts there", first);
    }

    /** The poses of every frame on one grid, filled window by window. */
    private static final class Stitching {
        final Recovery reference;
        private final double fps, firstTime;
        private final Vec3[] root;
        private final Quat[][] rotations;
        private final double[] confidence;
        private final boolean[] interpolated, left, right;
        private boolean contactsJudged = true;

        Stitching(Recovery first, double fps, double firstTime, int frames) {
            this.reference = first;
            this.fps = fps;
            this.firstTime = firstTime;
            root = new Vec3[frames];
            rotations = new Quat[frames][];
            confidence = new double[frames];
            interpolated = new boolean[frames];
            left = new boolean[frames];
            right = new boolean[frames];
            place(first, Quat.IDENTITY, v -> v, g -> 1.0);
        }

        private interface PointMap {
            Vec3 apply(Vec3 v);
        }

        private interface Ramp {
            double weight(int frame);
        }

        /**
         * Adds a later window, moved into the reference world; where frames are already filled
         * it takes over along a cosine ramp from video time {@code rampStart} (seconds) on.
         */
        void add(Recovery next, double rampStart, double rampSeconds) {
            Camera from = next.camera(), to = reference.camera();
            Quat turn = to.worldToCamera().conjugate().times(from.worldToCamera());
            place(next, turn, p -> to.toWorld(from.toCamera(p)), g -> {
                double s = Math.min(1, Math.max(0, (firstTime + g / fps - rampStart) / rampSeconds));
                return 0.5 - 0.5 * Math.cos(Math.PI * s);
            });
        }

        private void place(Recovery r, Quat turn, PointMap move, Ramp ramp) {
            for (Segment segment : r.segments()) {
                Motion m = segment.motion();
                int offset = (int) Math.round((segment.startTime() - firstTime) * fps);
                contactsJudged &= m.contacts() != null;
                for (int f = 0; f < m.frameCount(); f++) {
                    int g = offset + f;
                    if (g < 0 || g >= root.length) {
                        continue;
                    }
                    Quat[] local = m.rotations()[f].clone();
                    local[0] = turn.times(local[0]);
                    Vec3 position = move.apply(m.rootPositions()[f]);
                    double w = rotations[g] == null ? 1 : ramp.weight(g);
                    boolean takeNew = w >= 0.5;
                    if (rotations[g] == null) {
                        rotations[g] = local;
                        root[g] = position;
                    } else {
                        for (int j = 0; j < local.length; j++) {
                            rotations[g][j] = rotations[g][j].slerp(local[j].nearTo(rotations[g][j]), w);
                        }
                        root[g] = root[g].lerp(position, w);
                    }
                    double c = m.confidence() == null ? 0 : m.confidence()[f];
                    confidence[g] += w * (c - confidence[g]);
                    if (takeNew) {
                        interpolated[g] = segment.interpolated()[f];
                        left[g] = m.contacts() != null && m.contacts().left()[f];
                        right[g] = m.contacts() != null && m.contacts().right()[f];
                    }
                }
            }
        }

        /** Runs of filled frames, each one segment; the frames between them are the long gaps the windows split at. */
        List<Segment> segments() {
            List<Segment> out = new ArrayList<>();
            int g = 0;
            while (g < root.length) {
                if (rotations[g] == null) {
                    g++;
                    continue;
                }
                int start = g;
                while (g < root.length && rotations[g] != null) {
                    g++;
                }
                out.add(segment(start, g));
            }
            return out;
        }

        private Segment segment(int start, int end) {
            int n = end - start;
            Vec3[] positions = new Vec3[n];
            Quat[][] local = new Quat[n][];
            double[] conf = new double[n];
            boolean[] filled = new boolean[n], l = new boolean[n], r = new boolean[n];
            for (int k = 0; k < n; k++) {
                positions[k] = root[start + k];
                local[k] = rotations[start + k];
                conf[k] = confidence[start + k];
                filled[k] = interpolated[start + k];
                l[k] = left[start + k];
                r[k] = right[start + k];
                if (k > 0) {
                    for (int j = 0; j < local[k].length; j++) {
                        local[k][j] = local[k][j].nearTo(local[k - 1][j]);
                    }
                }
            }
            Motion motion = new Motion(reference.skeleton(), fps, positions, local, conf, contactsJudged ? new FootContacts(l, r) : null);
            return new Segment(motion, firstTime + start / fps, filled);
        }
    }
}
