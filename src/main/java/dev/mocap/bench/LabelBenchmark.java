package dev.mocap.bench;

import dev.mocap.body.Camera;
import dev.mocap.body.Vec3;
import dev.mocap.nn.ModelStore;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.recover.SwapRepair;
import dev.mocap.synth.BodyPoints;
import dev.mocap.synth.CorpusClip;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How often the real landmark model puts left and right the wrong way round, and what
 * {@code SwapRepair} makes of it, on the held-out clips rendered as videos in the sample's clothes
 * and in varied looks (views named {@code _look}; the true focal length given): per frame with a
 * person, the torso (hips and shoulders), the legs (knees and ankles) and the arms (elbows and
 * wrists) are each judged right or exchanged against the true joints in the image. An exchanged
 * torso is the whole body read the wrong way round (front taken for back), which {@code SwapRepair}
 * undoes by turning the body round; a limb exchanged alone it undoes by exchanging the limb. A
 * limb counts as repaired where its labels end up exchanged against the model's, by either.
 */
public final class LabelBenchmark {
    /** A labelling is judged only where it fits the truth at least this much better (squared pixels) than the other. */
    private static final double CLEAR = 2;
    static final int RIGHT = 0, EXCHANGED = 1, UNCLEAR = -1;
    private static final int[][] TORSO = {{BlazePose.LEFT_HIP, BlazePose.RIGHT_HIP, BodyPoints.L_HIP, BodyPoints.R_HIP},
            {BlazePose.LEFT_SHOULDER, BlazePose.RIGHT_SHOULDER, BodyPoints.L_SHOULDER, BodyPoints.R_SHOULDER}};
    private static final int[][] LEGS = {{BlazePose.LEFT_KNEE, BlazePose.RIGHT_KNEE, BodyPoints.L_KNEE, BodyPoints.R_KNEE},
            {BlazePose.LEFT_ANKLE, BlazePose.RIGHT_ANKLE, BodyPoints.L_ANKLE, BodyPoints.R_ANKLE}};
    private static final int[][] ARMS = {{BlazePose.LEFT_ELBOW, BlazePose.RIGHT_ELBOW, BodyPoints.L_ELBOW, BodyPoints.R_ELBOW},
            {BlazePose.LEFT_WRIST, BlazePose.RIGHT_WRIST, BodyPoints.L_WRIST, BodyPoints.R_WRIST}};

    private final ModelStore models;
    private final PrintStream out;

    public LabelBenchmark(ModelStore models, PrintStream out) {
        this.models = models;
        this.out = out;
    }

    /**
     * Counts of one view (or of several, under the name of the first): frames judged, exchanged by
     * the model, and what the repair did.
     */
    record Counts(String view, int frames, Part torso, Part legs, Part arms) {
        Counts plus(Counts o) {
            return new Counts(view, frames + o.frames, torso.plus(o.torso), legs.plus(o.legs), arms.plus(o.arms));
        }
    }

    /**
     * A part (the torso or a limb group) over judged frames: exchanged by the model
     * ({@code withTorso}: of them, where the torso was exchanged too; for the torso, all), and the
     * repair's exchanges that were right or false, and the model's exchanges it left.
     */
    record Part(int judged, int exchanged, int withTorso, int repaired, int falseRepairs, int left) {
        Part plus(Part o) {
            return new Part(judged + o.judged, exchanged + o.exchanged, withTorso + o.withTorso, repaired + o.repaired,
                    falseRepairs + o.falseRepairs, left + o.left);
        }
    }

    public void run(Path corpusDir, Path renderedDir) throws IOException {
        List<Counts> views = new ArrayList<>();
        for (boolean variedLook : new boolean[] {false, true}) {
            RenderedClips.forEachView(AccuracyBenchmark.heldOutClips(corpusDir), renderedDir, variedLook, models, out,
                    (clip, seen) -> views.add(measure(clip, seen)));
        }
        out.printf(Locale.ROOT, "%-14s %6s | %-33s | %-38s | %-38s%n", "view", "frames", "torso: exchanged turned/false/left",
                "legs: exchanged (with torso) repaired/false/left", "arms: exchanged (with torso) repaired/false/left");
        for (Counts c : views) {
            print(c);
        }
        print(total("ONE LOOK", views.stream().filter(c -> !c.view().endsWith(RenderedClips.LOOK)).toList()));
        print(total("VARIED LOOKS", views.stream().filter(c -> c.view().endsWith(RenderedClips.LOOK)).toList()));
        out.println("(frames with a person; a part is judged where one labelling fits the true joints in the image at least twice as well"
                + " as the other; torso: hips and shoulders, its exchange is the whole body read the wrong way round;"
                + " turned or repaired/false/left: SwapRepair's right and false exchanges, and the model's exchanges it left)");
    }

    static Counts total(String name, List<Counts> views) {
        Part none = new Part(0, 0, 0, 0, 0, 0);
        return views.stream().reduce(new Counts(name, 0, none, none, none), Counts::plus);
    }

    private void print(Counts c) {
        Part t = c.torso();
        out.printf(Locale.ROOT, "%-14s %6d | %4d of %-5d %4d / %4d / %4d   | %s | %s%n", c.view(), c.frames(), t.exchanged(), t.judged(),
                t.repaired(), t.falseRepairs(), t.left(), part(c.legs()), part(c.arms()));
    }

    private static String part(Part l) {
        return String.format(Locale.ROOT, "%4d of %-5d (%4d)  %4d / %4d / %4d  ", l.exchanged(), l.judged(), l.withTorso(), l.repaired(),
                l.falseRepairs(), l.left());
    }

    private static Counts measure(RenderedClips.Clip clip, LandmarkSequence seq) {
        Vec3[][] truth = CorpusClip.of(clip.name(), clip.truth()).points();
        Camera camera = clip.camera();
        List<FramePose> seen = new ArrayList<>();
        for (FramePose f : seq.frames()) {
            if (f.hasPerson() && f.index() < truth.length) {
                seen.add(f);
            }
        }
        SwapRepair.Decisions repaired = SwapRepair.decisions(seen, Camera.atOrigin(camera.focal(), camera.width(), camera.height()));
        int n = seen.size();
        int[] torso = new int[n], legs = new int[n], arms = new int[n];
        for (int k = 0; k < n; k++) {
            FramePose f = seen.get(k);
            Vec3[] points = truth[f.index()];
            torso[k] = judge(f, points, camera, TORSO);
            legs[k] = judge(f, points, camera, LEGS);
            arms[k] = judge(f, points, camera, ARMS);
        }
        boolean[] kept = new boolean[n];
        return new Counts(clip.name(), n, part(rows(torso, torso, repaired.turned(), kept)),
                part(rows(legs, torso, repaired.turned(), repaired.legs())), part(rows(arms, torso, repaired.turned(), repaired.arms())));
    }

    /**
     * Per frame {judged state, torso state, repaired (1) or not} of a part whose labels the repair
     * turned with the body ({@code turned}) and then exchanged ({@code exchanged}): repaired where
     * they end up exchanged against the model's, by one of the two and not both.
     */
    static List<int[]> rows(int[] judged, int[] torso, boolean[] turned, boolean[] exchanged) {
        List<int[]> rows = new ArrayList<>(judged.length);
        for (int k = 0; k < judged.length; k++) {
            rows.add(new int[] {judged[k], torso[k], turned[k] != exchanged[k] ? 1 : 0});
        }
        return rows;
    }

    /** From per frame {judged state, torso state, repaired (1) or not}. */
    static Part part(List<int[]> frames) {
        int judged = 0, exchanged = 0, withTorso = 0, repaired = 0, falseRepairs = 0, left = 0;
        for (int[] f : frames) {
            if (f[0] == UNCLEAR) {
                continue;
            }
            judged++;
            boolean wrong = f[0] == EXCHANGED, undone = f[2] == 1;
            exchanged += wrong ? 1 : 0;
            withTorso += wrong && f[1] == EXCHANGED ? 1 : 0;
            repaired += wrong && undone ? 1 : 0;
            falseRepairs += !wrong && undone ? 1 : 0;
            left += wrong && !undone ? 1 : 0;
        }
        return new Part(judged, exchanged, withTorso, repaired, falseRepairs, left);
    }

    /**
     * Whether the frame's landmarks of the pairs (BlazePose left, right; true left, right) are
     * {@link #RIGHT}, {@link #EXCHANGED} against the true points projected by {@code camera}, or
     * {@link #UNCLEAR} (close together, as a side view's hips are).
     */
    static int judge(FramePose f, Vec3[] truth, Camera camera, int[][] pairs) {
        double same = 0, crossed = 0;
        for (int[] p : pairs) {
            double[] left = camera.project(camera.toCamera(truth[p[2]])), right = camera.project(camera.toCamera(truth[p[3]]));
            double lu = f.landmarks().imageX(p[0]), lv = f.landmarks().imageY(p[0]);
            double ru = f.landmarks().imageX(p[1]), rv = f.landmarks().imageY(p[1]);
            same += squared(lu - left[0], lv - left[1]) + squared(ru - right[0], rv - right[1]);
            crossed += squared(lu - right[0], lv - right[1]) + squared(ru - left[0], rv - left[1]);
        }
        return crossed * CLEAR < same ? EXCHANGED : same * CLEAR < crossed ? RIGHT : UNCLEAR;
    }

    private static double squared(double du, double dv) {
        return du * du + dv * dv;
    }
}
