package dev.mocap.bench;

import dev.mocap.body.Camera;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.Landmarks;
import dev.mocap.synth.BodyPoints;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LabelBenchmarkTest {
    private static final Camera CAMERA = Camera.atOrigin(1000, 1280, 720);
    private static final int[][] LEGS = {{BlazePose.LEFT_KNEE, BlazePose.RIGHT_KNEE, BodyPoints.L_KNEE, BodyPoints.R_KNEE},
            {BlazePose.LEFT_ANKLE, BlazePose.RIGHT_ANKLE, BodyPoints.L_ANKLE, BodyPoints.R_ANKLE}};

    @Test
    void legsWhereTheTruthIsAreRightAndTheOtherWayRoundExchanged() {
        Vec3[] truth = legs(0.15);
        assertEquals(LabelBenchmark.RIGHT, LabelBenchmark.judge(seen(truth, false), truth, CAMERA, LEGS));
        assertEquals(LabelBenchmark.EXCHANGED, LabelBenchmark.judge(seen(truth, true), truth, CAMERA, LEGS));
    }

    @Test
    void legsSeenOneBehindTheOtherAreNotJudged() {
        Vec3[] truth = legs(0.15), labelled = legs(0.15);
        // Seen a few pixels off where the legs almost cover each other: neither labelling is clearly better.
        for (int p : new int[] {BodyPoints.L_KNEE, BodyPoints.R_KNEE, BodyPoints.L_ANKLE, BodyPoints.R_ANKLE}) {
            truth[p] = new Vec3(0.002 * (p % 2 == 0 ? 1 : -1), truth[p].y(), truth[p].z());
            labelled[p] = new Vec3(0, truth[p].y() + 0.01, truth[p].z());
        }
        assertEquals(LabelBenchmark.UNCLEAR, LabelBenchmark.judge(seen(labelled, false), truth, CAMERA, LEGS));
    }

    @Test
    void theRepairIsCountedAgainstWhatTheModelDid() {
        int x = LabelBenchmark.EXCHANGED, r = LabelBenchmark.RIGHT, u = LabelBenchmark.UNCLEAR;
        // {limb state, torso state, repaired}
        LabelBenchmark.Part limb = LabelBenchmark.part(List.of(new int[] {x, x, 1}, new int[] {x, r, 0}, new int[] {r, r, 1},
                new int[] {r, r, 0}, new int[] {u, r, 1}));
        assertEquals(new LabelBenchmark.Part(4, 2, 1, 1, 1, 1), limb);
    }

    /** A limb turned with the body counts as exchanged back; turned and then exchanged again, as kept. */
    @Test
    void aLimbIsRepairedWhereTheTurnOrTheExchangeButNotBothChangedItsLabels() {
        int x = LabelBenchmark.EXCHANGED, r = LabelBenchmark.RIGHT;
        List<int[]> rows = LabelBenchmark.rows(new int[] {x, x, x, r}, new int[] {x, x, r, r}, new boolean[] {true, true, false, false},
                new boolean[] {false, true, true, true});
        assertArrayEquals(new int[] {x, x, 1}, rows.get(0));
        assertArrayEquals(new int[] {x, x, 0}, rows.get(1));
        assertArrayEquals(new int[] {x, r, 1}, rows.get(2));
        assertEquals(new LabelBenchmark.Part(4, 3, 2, 2, 1, 1), LabelBenchmark.part(rows));
    }

    @Test
    void aTotalAddsItsViewsUnderItsOwnName() {
        LabelBenchmark.Part one = new LabelBenchmark.Part(10, 2, 1, 1, 0, 1), two = new LabelBenchmark.Part(5, 1, 0, 0, 1, 1);
        LabelBenchmark.Part torso = new LabelBenchmark.Part(9, 2, 2, 1, 0, 1);
        LabelBenchmark.Counts total = LabelBenchmark.total("VARIED LOOKS", List.of(new LabelBenchmark.Counts("a_look", 12, torso, one, two),
                new LabelBenchmark.Counts("b_look", 8, torso, two, one)));
        assertEquals(new LabelBenchmark.Counts("VARIED LOOKS", 20, new LabelBenchmark.Part(18, 4, 4, 2, 0, 2),
                new LabelBenchmark.Part(15, 3, 1, 1, 1, 2), new LabelBenchmark.Part(15, 3, 1, 1, 1, 2)), total);
        assertEquals(0, LabelBenchmark.total("NONE", List.of()).frames());
    }

    /** Knees and ankles of a body 3 m in front of the camera, the left leg {@code halfApart} m to the subject's left (image right). */
    private static Vec3[] legs(double halfApart) {
        Vec3[] p = new Vec3[BodyPoints.COUNT];
        java.util.Arrays.fill(p, new Vec3(0, 0, 3));
        p[BodyPoints.L_KNEE] = new Vec3(halfApart, 0.5, 3);
        p[BodyPoints.R_KNEE] = new Vec3(-halfApart, 0.5, 3);
        p[BodyPoints.L_ANKLE] = new Vec3(halfApart, 0.9, 3);
        p[BodyPoints.R_ANKLE] = new Vec3(-halfApart, 0.9, 3);
        return p;
    }

    /** Landmarks at the points' projections, the legs' labels exchanged if {@code exchanged}. */
    private static FramePose seen(Vec3[] points, boolean exchanged) {
        float[] image = new float[3 * BlazePose.COUNT];
        for (int[] pair : LEGS) {
            put(image, exchanged ? pair[1] : pair[0], points[pair[2]]);
            put(image, exchanged ? pair[0] : pair[1], points[pair[3]]);
        }
        return new FramePose(0, 0, new Landmarks(image, new float[3 * BlazePose.COUNT], new float[BlazePose.COUNT],
                new float[BlazePose.COUNT], 1, null));
    }

    private static void put(float[] image, int landmark, Vec3 point) {
        double[] uv = CAMERA.project(CAMERA.toCamera(point));
        image[3 * landmark] = (float) uv[0];
        image[3 * landmark + 1] = (float) uv[1];
    }
}
