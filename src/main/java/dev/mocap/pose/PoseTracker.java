package dev.mocap.pose;

import dev.mocap.video.VideoFrame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Follows every person in a video, each under a track id that is never reused. Each tracked
 * person's landmark region comes from their previous frame (one landmark-model run per person
 * per frame; the people followed in a frame share calls of the model,
 * {@link LandmarkEstimator#MAX_BATCH} crops a call). The detector runs on the first frame, every
 * {@value #REDETECT_FRAMES} frames to find people who came in, and on every frame while someone is lost or nobody is tracked. It
 * looks at the whole frame when someone was just lost (to find them again at once, wherever they
 * are); otherwise it takes the whole frame and, in elongated frames, squares of the short side in
 * turn, where small people are seen larger.
 *
 * <p>Detections are paired with the people already followed by the distance of the region centres;
 * one near where a lost person was expected (last position moved on by their velocity) brings
 * that person back under their id; any other becomes a new person when the landmark model
 * confirms it. A person lost for more than {@value #KEEP_LOST_SECONDS} s is given up.
 */
public final class PoseTracker {
    public static final float DEFAULT_MIN_POSE_SCORE = 0.5f;
    static final int REDETECT_FRAMES = 15;
    static final double KEEP_LOST_SECONDS = 1.0;
    /** A detection belongs to a followed person when the region centres are this close (in region sides). */
    private static final double SAME_DETECTION = 0.2;
    /** Two sets of landmarks are one person when their limb joints are this close (median, in region sides). */
    private static final double SAME_PERSON = 0.1;
    /** A new person must be followed through this many frames before they are kept while lost (detections can be phantoms). */
    static final int CONFIRM_FRAMES = 10;
    /** How far from where a lost person is expected a detection may be to be them: a base plus a growth per second lost. */
    private static final double REIDENTIFY = 0.4, REIDENTIFY_PER_SECOND = 0.3;
    /** Regions of one person differ in size by less than this factor between the frames compared. */
    private static final double MAX_SIZE_RATIO = 1.6;

    private final PoseDetector detector;
    private final LandmarkEstimator estimator;
    private final float minPoseScore;
    private final List<PersonTrack> tracks = new ArrayList<>();
    private int nextId = 1;
    private int framesSinceDetection;
    private List<DetectionWindow> views;
    private int nextView;
    private int detectorRuns, newcomerSearches, landmarkRuns;
    /** The landmark model's calls by size when this tracker started (the model may have served others before). */
    private final int[] callsBefore;

    /** A tracker that runs the models it is handed; whoever opened them closes them (see {@link PoseModelPool}). */
    public PoseTracker(PoseModels models, float minPoseScore) {
        this.detector = models.detector();
        this.estimator = models.estimator();
        this.callsBefore = estimator.calls();
        this.minPoseScore = minPoseScore;
    }

    /** Everyone found in this frame, in id order (empty when nobody is). */
    public List<TrackedPose> track(VideoFrame frame) {
        double time = frame.timestamp();
        tracks.forEach(PersonTrack::startFrame);
        boolean justLost = followTracked(frame, time);
        tracks.removeIf(t -> t.current() == null
                && (t.unseenFor(time) > KEEP_LOST_SECONDS || t.framesSeen() < CONFIRM_FRAMES && t.lostBefore(time)));
        framesSinceDetection++;
        if (views == null) {
            views = DetectionWindow.views(frame.width(), frame.height());
        }
        if (justLost) {
            detect(frame, time, views.get(0));
        } else if (tracks.isEmpty() || framesSinceDetection >= REDETECT_FRAMES || tracks.stream().anyMatch(t -> t.current() == null)) {
            if (!tracks.isEmpty() && tracks.stream().allMatch(t -> t.current() != null)) {
                newcomerSearches++;
            }
            detect(frame, time, views.get(nextView++ % views.size()));
        }
        return tracks.stream().filter(t -> t.current() != null).map(t -> new TrackedPose(t.id, t.current())).toList();
    }

    /** A person's estimate in the region tracked from the previous frame, and how far it is from where they were expected. */
    private record Sighting(PersonTrack track, LandmarkEstimator.Estimate estimate, double jump) {
    }

    /**
     * Runs the landmark model in each followed person's region. When two regions have closed in on
     * one person, the track that jumped the least from where it was expected keeps them and the
     * other is lost (kept for re-identification). Returns whether anyone was lost.
     */
    private boolean followTracked(VideoFrame frame, double time) {
        boolean lostAny = false;
        List<PersonTrack> active = tracks.stream().filter(PersonTrack::isActive).toList();
        List<LandmarkEstimator.Estimate> estimates = estimator.estimate(frame, active.stream().map(PersonTrack::nextRoi).toList());
        landmarkRuns += active.size();
        List<Sighting> sightings = new ArrayList<>();
        for (int i = 0; i < active.size(); i++) {
            PersonTrack t = active.get(i);
            LandmarkEstimator.Estimate e = estimates.get(i);
            if (e.landmarks().score() < minPoseScore) {
                t.lose(time);
                lostAny = true;
                continue;
            }
            sightings.add(new Sighting(t, e, t.predicted(time).relativeDistance(alignmentRoi(e))));
        }
        sightings.sort(Comparator.comparingDouble(Sighting::jump).thenComparing(s -> -s.track().framesSeen())
                .thenComparingInt(s -> s.track().id));
        List<Landmarks> kept = new ArrayList<>();
        for (Sighting s : sightings) {
            if (isSomeoneIn(kept, s.estimate().landmarks())) {
                s.track().lose(time);
                lostAny = true;
            } else {
                kept.add(s.estimate().landmarks());
                s.track().follow(time, s.estimate());
            }
        }
        return lostAny;
    }

    private void detect(VideoFrame frame, double time, DetectionWindow window) {
        framesSinceDetection = 0;
        detectorRuns++;
        List<Detection> found = detector.detect(frame, window);
        List<PersonTrack> seen = tracks.stream().filter(t -> t.current() != null).toList();
        List<PersonTrack> lost = tracks.stream().filter(t -> t.current() == null).toList();
        List<Detection> used = new ArrayList<>();
        for (int[] pair : GreedyMatching.match(costs(found, seen, PersonTrack::observed, SAME_DETECTION, 0, time))) {
            used.add(found.get(pair[0]));
        }
        for (int[] pair : GreedyMatching.match(costs(found, lost, t -> t.predicted(time), REIDENTIFY, REIDENTIFY_PER_SECOND, time))) {
            Detection d = found.get(pair[0]);
            if (used.contains(d)) {
                continue;
            }
            used.add(d);
            LandmarkEstimator.Estimate e = confirm(frame, d);
            if (e != null) {
                lost.get(pair[1]).restart(time, e);
            }
        }
        for (Detection d : found) {
            if (!used.contains(d)) {
                LandmarkEstimator.Estimate e = confirm(frame, d);
                if (e != null) {
                    PersonTrack t = new PersonTrack(nextId++);
                    t.restart(time, e);
                    tracks.add(t);
                }
            }
        }
    }

    /**
     * Cost of pairing each detection (row) with each track (column): the distance of the region
     * centres in region sides; not finite beyond {@code gate + perSecond × seconds unseen} or
     * when the sizes differ too much.
     */
    private static double[][] costs(List<Detection> found, List<PersonTrack> candidates, Function<PersonTrack, Roi> where,
                                    double gate, double perSecond, double time) {
        double[][] cost = new double[found.size()][candidates.size()];
        for (int r = 0; r < found.size(); r++) {
            Roi d = found.get(r).roi();
            for (int c = 0; c < candidates.size(); c++) {
                PersonTrack t = candidates.get(c);
                Roi expected = where.apply(t);
                double distance = expected.relativeDistance(d);
                double limit = gate + perSecond * t.unseenFor(time);
                cost[r][c] = distance <= limit && expected.sizeRatio(d) <= MAX_SIZE_RATIO ? distance : Double.POSITIVE_INFINITY;
            }
        }
        return cost;
    }

    /** The landmarks in a detection's region, unless the model sees nobody there or someone already tracked. */
    private LandmarkEstimator.Estimate confirm(VideoFrame frame, Detection d) {
        LandmarkEstimator.Estimate e = estimator.estimate(frame, d.roi());
        landmarkRuns++;
        if (e.landmarks().score() < minPoseScore) {
            return null;
        }
        List<Landmarks> seen = tracks.stream().map(PersonTrack::current).filter(Objects::nonNull).toList();
        return isSomeoneIn(seen, e.landmarks()) ? null : e;
    }

    private static boolean isSomeoneIn(List<Landmarks> people, Landmarks candidate) {
        return people.stream().anyMatch(p -> samePerson(p, candidate));
    }

    /** Whether most limb joints of the two coincide: the landmark model found one person twice. */
    static boolean samePerson(Landmarks a, Landmarks b) {
        int[] joints = BlazePose.MAJOR_JOINTS;
        double[] distance = new double[joints.length];
        for (int k = 0; k < joints.length; k++) {
            distance[k] = Math.hypot(a.imageX(joints[k]) - b.imageX(joints[k]), a.imageY(joints[k]) - b.imageY(joints[k]));
        }
        Arrays.sort(distance);
        return distance[joints.length / 2] <= SAME_PERSON * Math.min(a.roi().size(), b.roi().size());
    }

    /** How often the detector has run so far (what tracking saves shows here). */
    public int detectorRuns() {
        return detectorRuns;
    }

    /**
     * How many of the {@link #detectorRuns} came while everyone tracked was followed: the search
     * for people coming in, every {@value #REDETECT_FRAMES} frames. The others came while someone
     * was lost or nobody was tracked.
     */
    public int newcomerSearches() {
        return newcomerSearches;
    }

    /** How often the landmark model has run so far: once per followed person per frame, plus confirmations of detections. */
    public int landmarkRuns() {
        return landmarkRuns;
    }

    /**
     * How many calls of the landmark model took how many crops (index 1 to
     * {@link LandmarkEstimator#MAX_BATCH}): the followed people of a frame run together.
     */
    public int[] landmarkCalls() {
        int[] calls = estimator.calls();
        for (int size = 0; size < calls.length; size++) {
            calls[size] -= callsBefore[size];
        }
        return calls;
    }

    private static Roi alignmentRoi(LandmarkEstimator.Estimate e) {
        float[] a = e.alignment();
        return Roi.fromAlignmentPoints(a[0], a[1], a[2], a[3]);
    }
}
