package dev.mocap.bench;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.FootContacts;
import dev.mocap.body.Motion;
import dev.mocap.body.PoseErrors;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.filter.SmoothingPreset;
import dev.mocap.nn.ModelStore;
import dev.mocap.pipeline.MotionFinishing;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.FramePose;
import dev.mocap.recover.MotionRecovery;
import dev.mocap.recover.Recovery;
import dev.mocap.recover.RecoveryMethod;
import dev.mocap.recover.RecoveryOptions;
import dev.mocap.recover.Segment;
import dev.mocap.synth.CorpusClip;
import dev.mocap.synth.HeldOutClips;
import dev.mocap.synth.SyntheticView;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Accuracy of the recovery against exact 3D truth ({@code mocap bench accuracy}): the raw world
 * landmarks, {@code --recovery fit} and {@code --recovery learned}, each followed by the default
 * smoothing and foot locking as {@code convert} does, on mocap clips seen by a synthetic camera
 * with BlazePose-like landmark errors ({@link SyntheticView}): the corpus clips held out of
 * training and the CMU clips of the test data. Measures over the pelvis and the twelve limb
 * joints: MPJPE, PA-MPJPE, acceleration error, foot sliding on the frames where the foot truly is
 * planted, contact F1 of the tool's planted-foot detection, and root trajectory error (RTE, % of
 * the path length, after one rigid alignment of the whole clip). Further lifting networks (each
 * design of models/LIFTER.md) are measured as {@code --recovery learned} with their file in place of
 * the shipped one, and every network's speed on one core is printed.
 */
public final class AccuracyBenchmark {
    static final int[] EVAL_JOINTS = {Smpl24.PELVIS, Smpl24.LEFT_HIP, Smpl24.RIGHT_HIP, Smpl24.LEFT_KNEE, Smpl24.RIGHT_KNEE,
            Smpl24.LEFT_ANKLE, Smpl24.RIGHT_ANKLE, Smpl24.LEFT_SHOULDER, Smpl24.RIGHT_SHOULDER, Smpl24.LEFT_ELBOW,
            Smpl24.RIGHT_ELBOW, Smpl24.LEFT_WRIST, Smpl24.RIGHT_WRIST};
    static final int[] EVAL_LANDMARKS = {-1, BlazePose.LEFT_HIP, BlazePose.RIGHT_HIP, BlazePose.LEFT_KNEE, BlazePose.RIGHT_KNEE,
            BlazePose.LEFT_ANKLE, BlazePose.RIGHT_ANKLE, BlazePose.LEFT_SHOULDER, BlazePose.RIGHT_SHOULDER, BlazePose.LEFT_ELBOW,
            BlazePose.RIGHT_ELBOW, BlazePose.LEFT_WRIST, BlazePose.RIGHT_WRIST};
    private static final double MAX_SECONDS = 20;

    static final String HELD_OUT = "held-out corpus clips, synthetic landmarks", TESTDATA = "test data CMU clips, synthetic landmarks",
            RENDERED = "held-out corpus clips rendered, real landmark model",
            RENDERED_LOOKS = "held-out corpus clips rendered in varied looks, real landmark model", ESTIMATED_FOCAL = "learned, focal est.",
            SMOOTHED_TRUTH = "truth, smoothed", LIFTER_ROW = "lifter ";

    /**
     * One method on one clip of a set; {@code contacts}: its planted-foot frames against the truth
     * (null where it has none); {@code focalRatio}: the focal length it worked with over the true one.
     */
    public record Row(String set, String clip, String method, int frames, double mpjpe, double paMpjpe, double accel, double sliding,
                      ContactCounts contacts, double rte, double focalRatio) {
        /** F1 of the planted feet against the truth; NaN where the truth has none (a clip in the air, or always moving). */
        public double contactF1() {
            return contacts == null ? Double.NaN : contacts.f1();
        }
    }

    /** Foot-frames planted in both the result and the truth, only in the result, and only in the truth. */
    record ContactCounts(int hits, int falseAlarms, int misses) {
        ContactCounts plus(ContactCounts other) {
            return new ContactCounts(hits + other.hits, falseAlarms + other.falseAlarms, misses + other.misses);
        }

        double f1() {
            return hits + misses == 0 ? Double.NaN : 2.0 * hits / (2.0 * hits + falseAlarms + misses);
        }
    }

    private final ModelStore models;
    private final PrintStream out;
    private final Map<String, Path> lifters;

    /** @param lifters further lifting networks by the name of their rows, measured as {@code --recovery learned} */
    public AccuracyBenchmark(ModelStore models, PrintStream out, Map<String, Path> lifters) {
        this.models = models;
        this.out = out;
        this.lifters = lifters;
    }

    /**
     * Every held-out corpus clip in {@code corpusDir} and every CMU clip in {@code cmuDir} (either
     * may be null); with {@code renderedDir}, also the held-out clips rendered there as videos of
     * the dressed mannequin, once in the sample's clothes and once in varied looks, and run through
     * the real landmark model ({@link RenderedClips}; needs OpenGL).
     */
    public List<Row> run(Path corpusDir, Path cmuDir, Path renderedDir) throws IOException {
        List<Path> heldOut = corpusDir == null ? List.of() : heldOutClips(corpusDir);
        List<Path> testdata = cmuDir == null ? List.of() : list(cmuDir, ".bvh");
        List<Row> rows = new ArrayList<>();
        Map<RecoveryMethod, MotionRecovery> recoveries = new EnumMap<>(RecoveryMethod.class);
        for (RecoveryMethod m : RecoveryMethod.values()) {
            recoveries.put(m, m.create(models));
        }
        Map<String, MotionRecovery> designs = new LinkedHashMap<>();
        lifters.forEach((name, file) -> designs.put(name, RecoveryMethod.learned(file)));
        for (Path f : heldOut) {
            rows.addAll(measure(HELD_OUT, view(CorpusClip.read(f)), recoveries, designs));
        }
        for (Path f : testdata) {
            rows.addAll(measure(TESTDATA, view(CorpusClip.read(f)), recoveries, designs));
        }
        for (boolean variedLook : renderedDir == null ? new boolean[0] : new boolean[] {false, true}) {
            String set = variedLook ? RENDERED_LOOKS : RENDERED;
            RenderedClips.forEachView(heldOut, renderedDir, variedLook, models, out, (clip, seq) -> {
                rows.addAll(measure(set, SyntheticView.seen(clip.name(), CorpusClip.of(clip.name(), clip.truth()).points(),
                        clip.camera(), seq), recoveries, designs));
                rows.add(smoothedTruth(set, clip));
            });
        }
        print(rows);
        printSpeed();
        return rows;
    }

    /**
     * The learned recovery, with the true focal length, on views made elsewhere, printed as
     * {@link #run}'s tables are: for choosing the recovery's constants on the rendered training
     * views ({@code dev.mocap.train.RecoveryCheck}), away from the held-out sets.
     */
    public List<Row> learnedOn(String set, List<SyntheticView> views) {
        MotionRecovery learned = RecoveryMethod.LEARNED.create(models);
        List<Row> rows = new ArrayList<>();
        for (SyntheticView v : views) {
            rows.add(withTrueFocal(set, v, RecoveryMethod.LEARNED, "--recovery " + RecoveryMethod.LEARNED.cliName(), learned));
        }
        print(rows);
        return rows;
    }

    /** Each network's time on one core (timed in turn: {@link LifterSpeed}). */
    private void printSpeed() {
        Map<String, Path> networks = new LinkedHashMap<>();
        networks.put("shipped lifter", models.lifter());
        lifters.forEach((name, file) -> networks.put(LIFTER_ROW + name, file));
        LifterSpeed.msPerFrame(networks).forEach((name, ms) -> out.printf(Locale.ROOT, "network speed, one core: %-24s %.3f ms/frame%n",
                name, ms));
    }

    /** The corpus clips in {@code corpusDir} that the learned models never train on. */
    static List<Path> heldOutClips(Path corpusDir) throws IOException {
        return list(corpusDir, ".bvh.gz").stream().filter(f -> HeldOutClips.isHeldOut(CorpusClip.name(f))).toList();
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new MocapException(ExitCode.BAD_INPUT, "not a folder: " + dir);
        }
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** The clip (at most {@value #MAX_SECONDS} s, at 30 fps) seen by a camera drawn with a seed fixed by its name. */
    static SyntheticView view(CorpusClip clip) {
        Random random = new Random(clip.name().hashCode());
        return SyntheticView.evaluation(clip, (int) (MAX_SECONDS * 30), random);
    }

    /** The world landmarks as they come: root-relative only, so no trajectory, sliding or contacts. */
    private static Row raw(String set, SyntheticView v) {
        List<Integer> seen = new ArrayList<>();
        for (int k = 0; k < v.frames(); k++) {
            if (v.landmarks().frames().get(k).hasPerson()) {
                seen.add(k);
            }
        }
        int n = seen.size();
        Vec3[][] predicted = new Vec3[n][], truth = new Vec3[n][], all = truth(v);
        for (int i = 0; i < n; i++) {
            int k = seen.get(i);
            truth[i] = all[k];
            float[] w = v.landmarks().frames().get(k).landmarks().world();
            predicted[i] = new Vec3[EVAL_LANDMARKS.length];
            for (int j = 0; j < EVAL_LANDMARKS.length; j++) {
                int l = EVAL_LANDMARKS[j];
                // World landmarks have camera axes; put them in world axes around the true root (they carry no trajectory).
                Vec3 rel = l < 0 ? Vec3.ZERO : new Vec3(w[3 * l], w[3 * l + 1], w[3 * l + 2]);
                predicted[i][j] = v.camera().worldToCamera().conjugate().rotate(rel).plus(truth[i][0]);
            }
        }
        PoseErrors e = PoseErrors.of(predicted, truth, 0);
        return new Row(set, v.name(), "raw landmarks", n, e.mpjpe(), e.paMpjpe(), e.accelError(), Double.NaN, null, Double.NaN,
                Double.NaN);
    }

    private Row recovered(String set, SyntheticView v, String method, MotionRecovery recovery, RecoveryOptions options) {
        Recovery r = recovery.recover(v.landmarks(), options);
        Segment segment = r.segments().get(0);
        Motion motion = MotionFinishing.apply(segment.motion(), SmoothingPreset.DEFAULT.filter(() -> models), true);
        int first = frameAt(v, segment.startTime()), n = Math.min(motion.frameCount(), v.frames() - first);
        Vec3[][] predicted = new Vec3[n][], truth = new Vec3[n][];
        Vec3[][] all = truth(v);
        for (int k = 0; k < n; k++) {
            predicted[k] = joints(motion.jointPositions(k));
            truth[k] = all[first + k];
        }
        boolean[][] contacts = Arrays.copyOfRange(v.contacts(), first, first + n);
        PoseErrors e = PoseErrors.of(predicted, truth, 0);
        return new Row(set, v.name(), method, n, e.mpjpe(), e.paMpjpe(), e.accelError(), sliding(motion, contacts, n),
                contactCounts(motion.contacts(), contacts, n), rte(predicted, truth), r.camera().focal() / v.camera().focal());
    }

    /** The view's frame shown at {@code time}: where a segment starts that begins after the first frame. */
    private static int frameAt(SyntheticView v, double time) {
        List<FramePose> frames = v.landmarks().frames();
        int best = 0;
        for (int k = 1; k < frames.size(); k++) {
            if (Math.abs(frames.get(k).timestamp() - time) < Math.abs(frames.get(best).timestamp() - time)) {
                best = k;
            }
        }
        return best;
    }

    /**
     * The true motion through the default smoothing against itself: what the smoothing alone
     * costs, the floor under every recovery's acceleration error on the clip.
     */
    private Row smoothedTruth(String set, RenderedClips.Clip clip) {
        Motion truth = clip.truth(), smooth = SmoothingPreset.DEFAULT.filter(() -> models).apply(truth);
        int n = truth.frameCount();
        Vec3[][] predicted = new Vec3[n][], exact = new Vec3[n][];
        for (int k = 0; k < n; k++) {
            predicted[k] = joints(smooth.jointPositions(k));
            exact[k] = joints(truth.jointPositions(k));
        }
        PoseErrors e = PoseErrors.of(predicted, exact, 0);
        return new Row(set, clip.name(), SMOOTHED_TRUTH, n, e.mpjpe(), e.paMpjpe(), e.accelError(), Double.NaN, null, Double.NaN,
                Double.NaN);
    }

    /**
     * The raw landmarks, each recovery with the true focal length, the learned one estimating the
     * focal length itself, and the further networks as the learned recovery with the true focal length.
     */
    private List<Row> measure(String set, SyntheticView v, Map<RecoveryMethod, MotionRecovery> recoveries,
                              Map<String, MotionRecovery> designs) {
        List<Row> rows = new ArrayList<>();
        rows.add(raw(set, v));
        for (RecoveryMethod m : RecoveryMethod.values()) {
            rows.add(withTrueFocal(set, v, m, "--recovery " + m.cliName(), recoveries.get(m)));
        }
        rows.add(recovered(set, v, ESTIMATED_FOCAL, recoveries.get(RecoveryMethod.LEARNED),
                RecoveryOptions.defaults().withMethod(RecoveryMethod.LEARNED)));
        designs.forEach((name, recovery) -> rows.add(withTrueFocal(set, v, RecoveryMethod.LEARNED, LIFTER_ROW + name, recovery)));
        return rows;
    }

    /** A recovery's row with the view's true focal length given. */
    private Row withTrueFocal(String set, SyntheticView v, RecoveryMethod method, String row, MotionRecovery recovery) {
        return recovered(set, v, row, recovery, RecoveryOptions.defaults().withMethod(method).withFocal(v.camera().focal()));
    }

    private static Vec3[] joints(Vec3[] all) {
        Vec3[] out = new Vec3[EVAL_JOINTS.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = all[EVAL_JOINTS[i]];
        }
        return out;
    }

    /** Per frame: the mid-hip, then the twelve limb joints (world metres, Y up). */
    private static Vec3[][] truth(SyntheticView v) {
        Vec3[][] out = new Vec3[v.frames()][EVAL_LANDMARKS.length];
        for (int k = 0; k < v.frames(); k++) {
            Vec3[] w = v.world()[k];
            for (int i = 0; i < EVAL_LANDMARKS.length; i++) {
                int l = EVAL_LANDMARKS[i];
                out[k][i] = l < 0 ? w[BlazePose.LEFT_HIP].lerp(w[BlazePose.RIGHT_HIP], 0.5) : w[l];
            }
        }
        return out;
    }

    /**
     * Mean horizontal motion (mm/frame) of the middle of the foot (between ankle and ball) on
     * consecutive frames where that foot truly is planted.
     */
    static double sliding(Motion motion, boolean[][] truth, int n) {
        double sum = 0;
        int count = 0;
        int[][] feet = {{Smpl24.LEFT_ANKLE, Smpl24.LEFT_FOOT}, {Smpl24.RIGHT_ANKLE, Smpl24.RIGHT_FOOT}};
        Vec3[] previous = null;
        for (int k = 0; k < n; k++) {
            Vec3[] p = motion.jointPositions(k);
            for (int side = 0; side < 2 && previous != null; side++) {
                if (truth[k][side] && truth[k - 1][side]) {
                    int[] f = feet[side];
                    Vec3 d = p[f[0]].lerp(p[f[1]], 0.5).minus(previous[f[0]].lerp(previous[f[1]], 0.5));
                    sum += Math.hypot(d.x(), d.z());
                    count++;
                }
            }
            previous = p;
        }
        return count == 0 ? Double.NaN : 1000 * sum / count;
    }

    static ContactCounts contactCounts(FootContacts predicted, boolean[][] truth, int n) {
        int tp = 0, fp = 0, fn = 0;
        for (int k = 0; k < n; k++) {
            for (int side = 0; side < 2; side++) {
                boolean p = side == 0 ? predicted.left()[k] : predicted.right()[k];
                tp += p && truth[k][side] ? 1 : 0;
                fp += p && !truth[k][side] ? 1 : 0;
                fn += !p && truth[k][side] ? 1 : 0;
            }
        }
        return new ContactCounts(tp, fp, fn);
    }

    /** Root trajectory error in % of the true path length, after one rigid alignment of the whole trajectory. */
    static double rte(Vec3[][] predicted, Vec3[][] truth) {
        int n = truth.length;
        Vec3[] p = new Vec3[n], t = new Vec3[n];
        double path = 0;
        for (int k = 0; k < n; k++) {
            p[k] = predicted[k][0];
            t[k] = truth[k][0];
            path += k > 0 ? t[k].distance(t[k - 1]) : 0;
        }
        PoseErrors.Similarity a = PoseErrors.align(p, t, false);
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += a.apply(p[k]).distance(t[k]);
        }
        return path < 0.5 ? Double.NaN : 100 * sum / n / path;
    }

    private void print(List<Row> rows) {
        for (String set : rows.stream().map(Row::set).distinct().toList()) {
            out.println(set + ":");
            out.println("clip                 method                   frames  MPJPE  PA-MPJPE  accel  sliding(true contacts)  contact F1  RTE %  focal/true");
            List<Row> inSet = rows.stream().filter(r -> r.set().equals(set)).toList();
            for (Row r : inSet) {
                print(r.clip(), r.method(), r.frames(), r.mpjpe(), r.paMpjpe(), r.accel(), r.sliding(), r.contactF1(), r.rte(), r.focalRatio());
            }
            for (String method : inSet.stream().map(Row::method).distinct().toList()) {
                List<Row> m = inSet.stream().filter(r -> r.method().equals(method)).toList();
                print("MEAN", method, m.stream().mapToInt(Row::frames).sum(), mean(m, Row::mpjpe), mean(m, Row::paMpjpe), mean(m, Row::accel),
                        mean(m, Row::sliding), pooledF1(m), mean(m, Row::rte),
                        Math.exp(mean(m, r -> Math.abs(Math.log(r.focalRatio())))));
            }
        }
        out.println("(mm, mm/frame², mm/frame at 30 fps; each recovery followed by the default smoothing and foot locking; "
                + "the true focal length given except to \"" + ESTIMATED_FOCAL + "\"; contact F1 of a MEAN row: over all foot-frames of its clips; focal/true of a MEAN row: exp of the mean |ln ratio|; \""
                + SMOOTHED_TRUTH + "\": the true motion through the default smoothing, skeleton joints)");
    }

    private void print(String clip, String method, int frames, double... values) {
        out.printf(Locale.ROOT, "%-20s %-24s %6d %6.1f %9.1f %6.1f %12.1f %19.2f %7.1f %9.2f%n", clip, method, frames, values[0], values[1],
                values[2], values[3], values[4], values[5], values[6]);
    }

    /** F1 over every foot-frame of the rows together: a clip with one true contact frame weighs one frame, not a clip. */
    private static double pooledF1(List<Row> rows) {
        return rows.stream().map(Row::contacts).filter(java.util.Objects::nonNull)
                .reduce(new ContactCounts(0, 0, 0), ContactCounts::plus).f1();
    }

    private static double mean(List<Row> rows, java.util.function.ToDoubleFunction<Row> f) {
        return rows.stream().mapToDouble(f).filter(Double::isFinite).average().orElse(Double.NaN);
    }
}
