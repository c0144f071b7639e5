package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.FootContacts;
import dev.mocap.body.JointRotations;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.video.VideoInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovers a long clip in overlapping windows, so that recovery's working memory depends on the
 * window, not on the clip's length. Clips no longer than the first window go to the wrapped
 * recovery unchanged. Each window is recovered on its own; the first window with the person in
 * it fixes the world frame (floor, facing, origin), the camera (an estimated focal length) and
 * the skeleton, and is long, so that these are measured on plenty of frames; later windows only
 * pose that body, are shorter, and are given its standing height (one body scale throughout) and
 * moved into its world through their cameras, which all sit at the same place in camera space.
 * Where two windows overlap the pose passes from one to the other along a smooth ramp in the
 * middle of the overlap (root positions blended, rotations slerped), away from the window edges,
 * where a temporal fit knows least.
 */
public final class WindowedRecovery implements MotionRecovery {
    /**
     * Window lengths and their overlap in seconds of video: two minutes until the person's body
     * and camera are fixed, then 30 s; 8 s shared with the next window. A window's recovery holds
     * about 8 KB a frame while it runs (29 MB for two minutes at 30 fps, 7 MB for 30 s), beside
     * the decoder's frames (about 40 MB at 1080p) when it runs during tracking, and late in a long
     * video beside the motion recovered so far: there the windows are short.
     */
    public static final double FIRST_WINDOW_SECONDS = 120, WINDOW_SECONDS = 30, OVERLAP_SECONDS = 8;

    private static final Pattern COUNTED = Pattern.compile("(\\d+) (.*)");

    private final MotionRecovery inner;
    private final double firstWindowSeconds, windowSeconds, overlapSeconds;

    public WindowedRecovery(MotionRecovery inner) {
        this(inner, FIRST_WINDOW_SECONDS, WINDOW_SECONDS, OVERLAP_SECONDS);
    }

    WindowedRecovery(MotionRecovery inner, double firstWindowSeconds, double windowSeconds, double overlapSeconds) {
        if (!(overlapSeconds > 0 && windowSeconds > 2 * overlapSeconds && firstWindowSeconds >= windowSeconds)) {
            throw new IllegalArgumentException("windows of " + firstWindowSeconds + " and " + windowSeconds + " s cannot overlap by "
                    + overlapSeconds + " s");
        }
        this.inner = inner;
        this.firstWindowSeconds = firstWindowSeconds;
        this.windowSeconds = windowSeconds;
        this.overlapSeconds = overlapSeconds;
    }

    @Override
    public Recovery recover(LandmarkSequence seq, RecoveryOptions options) {
        Stream stream = stream(seq.video(), seq.model(), options);
        if (!stream.windowed(seq.frames())) {
            return inner.recover(seq, options);
        }
        seq.frames().forEach(stream::add);
        return stream.finish(seq.warnings());
    }

    /**
     * Recovery that is handed the frames one by one, in time order, as tracking makes them: each
     * window is recovered as soon as a frame past its end arrives, and the frames before the next
     * window are then let go, so that only one window's landmarks are held. The result is the
     * same as {@link #recover} of all the frames at once.
     */
    public Stream stream(VideoInfo video, String model, RecoveryOptions options) {
        return new Stream(video, model, options);
    }

    /** One person's frames on their way through the windows. */
    public final class Stream {
        private final VideoInfo video;
        private final String model;
        private final RecoveryOptions options;
        private final double fps, firstWindow, window, overlap;
        /** The frames from the current window's start on. */
        private final List<FramePose> held = new ArrayList<>();
        /** The warnings of the windows recovered so far, in order. */
        private final List<String> windowWarnings = new ArrayList<>();
        private double firstTime = Double.NaN, windowStart;
        private Stitching stitched;
        private boolean windowing;

        private Stream(VideoInfo video, String model, RecoveryOptions options) {
            this.video = video;
            this.model = model;
            this.options = options;
            fps = Double.isFinite(options.fps()) ? options.fps() : video.fps();
            // Windows overlap by more than the longest gap that is bridged, so that each such gap lies inside one window.
            overlap = Math.max(overlapSeconds, 2 * options.maxGapSeconds() + 1);
            window = Math.max(windowSeconds, 3 * overlap);
            firstWindow = Math.max(firstWindowSeconds, window);
        }

        /** The current window's length: long until a window with the person has fixed body and camera. */
        private double length() {
            return stitched == null ? firstWindow : window;
        }

        /** Whether frames spanning this much time go through windows (else to the wrapped recovery whole). */
        private boolean windowed(List<FramePose> frames) {
            return fps > 0 && !frames.isEmpty() && frames.get(frames.size() - 1).timestamp() - frames.get(0).timestamp() > firstWindow;
        }

        /** The next frame, later than every frame before it. */
        public void add(FramePose frame) {
            if (Double.isNaN(firstTime)) {
                firstTime = frame.timestamp();
                windowStart = firstTime;
            }
            held.add(frame);
            windowing |= fps > 0 && frame.timestamp() - firstTime > firstWindow;
            while (windowing && frame.timestamp() >= windowStart + length()) {
                double step = length() - overlap;
                recoverWindow(held.subList(0, firstAtOrAfter(held, windowStart + length())));
                windowStart += step;
                held.subList(0, firstAtOrAfter(held, windowStart)).clear();
            }
        }

        /** The recovery of every frame added; {@code warnings} (the landmarks' own) come first among its warnings. */
        public Recovery finish(List<String> warnings) {
            if (!windowing) {
                return inner.recover(new LandmarkSequence(video, model, List.copyOf(held), warnings), options);
            }
            // Every window that a later frame closed is recovered: what is held is the last one.
            recoverWindow(held);
            if (stitched == null) {
                return inner.recover(new LandmarkSequence(video, model, List.copyOf(held), warnings), options);
            }
            Map<String, Integer> said = new LinkedHashMap<>();
            warnings.forEach(w -> said.put(w, null));
            windowWarnings.forEach(w -> count(said, w));
            List<String> all = said.entrySet().stream()
                    .map(e -> e.getValue() == null ? e.getKey() : e.getValue() + " " + e.getKey()).toList();
            return new Recovery(stitched.segments(), stitched.reference.camera(), stitched.reference.skeleton(), all);
        }

        private void recoverWindow(List<FramePose> part) {
            if (part.stream().noneMatch(FramePose::hasPerson)) {
                return;
            }
            LandmarkSequence windowSeq = new LandmarkSequence(video, model, List.copyOf(part), List.of());
            if (stitched == null) {
                Recovery first = inner.recover(windowSeq, options);
                stitched = new Stitching(first, fps, firstTime);
                windowWarnings.addAll(first.warnings());
            } else {
                // The same body and the same camera (a focal length estimated on the first window) for every window.
                RecoveryOptions sameBody = (Double.isFinite(options.subjectHeight()) ? options
                        : options.withSubjectHeight(Smpl24.standingHeight(stitched.reference.skeleton())))
                        .withFocal(stitched.reference.camera().focal());
                Recovery next = inner.recover(windowSeq, sameBody);
                stitched.add(next, windowStart + overlap / 4, overlap / 2);
                String firstSeen = firstSeenWarning(part);
                next.warnings().stream().filter(w -> !w.equals(firstSeen)).forEach(windowWarnings::add);
            }
        }
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

    /** The index of the first frame at or after {@code time} (frames are in time order). */
    private static int firstAtOrAfter(List<FramePose> frames, double time) {
        int i = 0;
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
        private Vec3[] root = new Vec3[0];
        private final JointRotations.Builder rotations;
        private double[] confidence = new double[0];
        private boolean[] interpolated = new boolean[0], left = new boolean[0], right = new boolean[0];
        private boolean contactsJudged = true;

        Stitching(Recovery first, double fps, double firstTime) {
            this.reference = first;
            this.fps = fps;
            this.firstTime = firstTime;
            rotations = new JointRotations.Builder(first.skeleton().size());
            place(first, Quat.IDENTITY, v -> v, g -> 1.0);
        }

        /** Room for grid frame {@code g}: the grid grows with the windows, as the video is read. */
        private void reach(int g) {
            if (g < root.length) {
                return;
            }
            int size = Math.max(g + 1, 2 * root.length);
            root = Arrays.copyOf(root, size);
            confidence = Arrays.copyOf(confidence, size);
            interpolated = Arrays.copyOf(interpolated, size);
            left = Arrays.copyOf(left, size);
            right = Arrays.copyOf(right, size);
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
                    if (g < 0) {
                        continue;
                    }
                    reach(g);
                    Quat[] local = m.rotations().frame(f);
                    local[0] = turn.times(local[0]);
                    Vec3 position = move.apply(m.rootPositions()[f]);
                    double w = root[g] == null ? 1 : ramp.weight(g);
                    boolean takeNew = w >= 0.5;
                    if (root[g] == null) {
                        rotations.setFrame(g, local);
                        root[g] = position;
                    } else {
                        for (int j = 0; j < local.length; j++) {
                            Quat had = rotations.get(g, j);
                            rotations.set(g, j, had.slerp(local[j].nearTo(had), w));
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
            List<int[]> runs = new ArrayList<>();
            int g = 0;
            while (g < root.length) {
                if (root[g] == null) {
                    g++;
                    continue;
                }
                int start = g;
                while (g < root.length && root[g] != null) {
                    g++;
                }
                runs.add(new int[]{start, g});
            }
            // Every run is made continuous before any is built: building shares the rotations' pages.
            runs.forEach(run -> continuous(run[0], run[1]));
            return runs.stream().map(run -> segment(run[0], run[1])).toList();
        }

        /** Each rotation in the hemisphere of the frame before it, so that the quaternion tracks do not jump sign. */
        private void continuous(int start, int end) {
            for (int g = start + 1; g < end; g++) {
                for (int j = 0; j < rotations.joints(); j++) {
                    rotations.set(g, j, rotations.get(g, j).nearTo(rotations.get(g - 1, j)));
                }
            }
        }

        private Segment segment(int start, int end) {
            int n = end - start;
            Vec3[] positions = new Vec3[n];
            double[] conf = new double[n];
            boolean[] filled = new boolean[n], l = new boolean[n], r = new boolean[n];
            for (int k = 0; k < n; k++) {
                positions[k] = root[start + k];
                conf[k] = confidence[start + k];
                filled[k] = interpolated[start + k];
                l[k] = left[start + k];
                r[k] = right[start + k];
            }
            Motion motion = new Motion(reference.skeleton(), fps, positions, rotations.build(start, end), conf, contactsJudged ? new FootContacts(l, r) : null);
            return new Segment(motion, firstTime + start / fps, filled);
        }
    }
}
