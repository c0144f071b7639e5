package dev.mocap.smpl;

import dev.mocap.body.AdultSkeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A model file in the layout of SMPL's {@code .npz} model files, with SMPL's array shapes
 * (6890 vertices, 13 776 triangles, 10 shape and 207 pose directions, 24 joints) but only
 * made-up numbers: a tube of rings of 10 vertices running along the bones of the project's
 * adult skeleton, each joint regressed as the centre of one ring, weights blending each ring's
 * bone with its neighbours (three joints at most), and shape directions that stretch the body
 * in made-up ways. No SMPL data is used or imitated.
 */
public final class SyntheticSmplModel {
    static final int VERTICES = 6890, TRIANGLES = 13776, RING = 10, RINGS = VERTICES / RING, BETAS = 10;
    /** Where the made-up template puts its pelvis joint (not at the origin, as in SMPL's files). */
    static final Vec3 PELVIS = new Vec3(0.01, 0.35, -0.02);

    final double[] template = new double[VERTICES * 3], shapeDirs = new double[VERTICES * 3 * BETAS];
    final double[] regressor = new double[Smpl24.COUNT * VERTICES], weights = new double[VERTICES * Smpl24.COUNT];
    final int[] faces = new int[TRIANGLES * 3];

    public SyntheticSmplModel() {
        Vec3[] joints = AdultSkeleton.smpl24().restPositions();
        int[] parents = Smpl24.parents();
        int ring = 0;
        for (int bone = 1; bone < Smpl24.COUNT; bone++) {
            int rings = RINGS / 23 + (bone <= RINGS % 23 ? 1 : 0);
            Vec3 from = joints[parents[bone]].plus(PELVIS), to = joints[bone].plus(PELVIS);
            Vec3 along = to.minus(from).normalized();
            Vec3 u = along.cross(Math.abs(along.y()) < 0.9 ? Vec3.Y : Vec3.X).normalized(), w = along.cross(u);
            // A radius of each bone's own, so that no two rings meet in the same place.
            double radius = (bone >= Smpl24.LEFT_ELBOW ? 0.03 : 0.05) + 0.001 * bone;
            for (int i = 0; i < rings; i++, ring++) {
                double t = i / (rings - 1.0);
                Vec3 centre = from.plus(to.minus(from).times(t));
                for (int k = 0; k < RING; k++) {
                    double angle = 2 * Math.PI * k / RING;
                    int v = ring * RING + k;
                    put(template, 3 * v, centre.plus(u.times(radius * Math.cos(angle))).plus(w.times(radius * Math.sin(angle))));
                    int parent = parents[bone], grand = parent == 0 ? bone : parents[parent];
                    weights[v * Smpl24.COUNT + parent] += 0.7 - 0.4 * t;
                    weights[v * Smpl24.COUNT + bone] += 0.2 + 0.4 * t;
                    weights[v * Smpl24.COUNT + grand] += 0.1;
                    if (i == rings - 1) {
                        regressor[bone * VERTICES + v] = 1.0 / RING;
                    }
                    if (bone == 1 && i == 0) {
                        regressor[v] = 1.0 / RING;
                    }
                }
            }
        }
        int t = 0;
        for (int r = 0; r + 1 < RINGS; r++) {
            for (int k = 0; k < RING; k++) {
                int a = r * RING + k, b = r * RING + (k + 1) % RING, c = a + RING, d = b + RING;
                t = triangle(t, a, b, d);
                t = triangle(t, a, d, c);
            }
        }
        for (int cap : new int[]{0, (RINGS - 1) * RING}) {
            for (int k = 1; k + 1 < RING; k++) {
                t = triangle(t, cap, cap + k, cap + k + 1);
            }
        }
        shapeDirections();
    }

    private int triangle(int t, int a, int b, int c) {
        faces[3 * t] = a;
        faces[3 * t + 1] = b;
        faces[3 * t + 2] = c;
        return t + 1;
    }

    /** Made-up shape directions: overall size, leg length, shoulder width, torso length, arm length, then small seeded shears. */
    private void shapeDirections() {
        Random random = new Random(19);
        double[][] shear = new double[BETAS][6];
        for (double[] row : shear) {
            for (int i = 0; i < row.length; i++) {
                row[i] = 0.02 * random.nextGaussian();
            }
        }
        for (int v = 0; v < VERTICES; v++) {
            double x = template[3 * v] - PELVIS.x(), y = template[3 * v + 1] - PELVIS.y(), z = template[3 * v + 2] - PELVIS.z();
            Vec3[] dirs = new Vec3[BETAS];
            dirs[0] = new Vec3(x, y, z).times(0.06);
            dirs[1] = new Vec3(0, 0.05 * Math.min(0, y + 0.08), 0);
            dirs[2] = new Vec3(y > 0.3 ? 0.05 * x : 0, 0, 0);
            dirs[3] = new Vec3(0, 0.05 * Math.max(0, y), 0);
            dirs[4] = new Vec3(0.04 * Math.signum(x) * Math.max(0, Math.abs(x) - 0.15), 0, 0);
            for (int b = 5; b < BETAS; b++) {
                double[] s = shear[b];
                dirs[b] = new Vec3(s[0] * x + s[1] * y, s[2] * y + s[3] * z, s[4] * x + s[5] * y);
            }
            for (int b = 0; b < BETAS; b++) {
                shapeDirs[(3 * v) * BETAS + b] = dirs[b].x();
                shapeDirs[(3 * v + 1) * BETAS + b] = dirs[b].y();
                shapeDirs[(3 * v + 2) * BETAS + b] = dirs[b].z();
            }
        }
    }

    /** Writes the model as a user's converted SMPL file would be: f8 arrays, uint32 triangles and tree, float32 pose directions (zero). */
    public void write(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("v_template", Npy.write(NpyArray.of(template, VERTICES, 3), "<f8", false));
        entries.put("f", Npy.write(NpyArray.of(java.util.Arrays.stream(faces).asDoubleStream().toArray(), TRIANGLES, 3), "<u4", false));
        entries.put("shapedirs", Npy.write(NpyArray.of(shapeDirs, VERTICES, 3, BETAS), "<f8", false));
        entries.put("posedirs", Npy.write(NpyArray.of(new double[VERTICES * 3 * 207], VERTICES, 3, 207), "<f4", false));
        entries.put("J_regressor", Npy.write(NpyArray.of(regressor, Smpl24.COUNT, VERTICES), "<f8", false));
        entries.put("weights", Npy.write(NpyArray.of(weights, VERTICES, Smpl24.COUNT), "<f8", false));
        double[] tree = new double[2 * Smpl24.COUNT];
        for (int j = 0; j < Smpl24.COUNT; j++) {
            tree[j] = j == 0 ? 4294967295.0 : Smpl24.parents()[j];
            tree[Smpl24.COUNT + j] = j;
        }
        entries.put("kintree_table", Npy.write(NpyArray.of(tree, 2, Smpl24.COUNT), "<u4", false));
        try (OutputStream out = Files.newOutputStream(file)) {
            Npz.writeEntries(out, entries);
        }
    }

    /**
     * The same body in the layout of an SMPL-H (52 joints) or SMPL-X (55) file: five three-joint
     * fingers a hand from the wrists (index, middle, pinky, ring, thumb), SMPL-X's jaw and eyes on
     * the head; the middle fingers' first joints regressed where SMPL's hands are, the hands' and
     * the head's skin shared out among fingers, jaw and eyes; SMPL-X with 10 expression directions
     * (zero) after the shape ones. Read as SMPL-24 it must be this model again.
     */
    public void writeFamily(Path file, int joints) throws IOException {
        boolean x = joints == 55;
        int firstFinger = x ? 25 : 22;
        int[] parents = new int[joints];
        for (int k = 0; k < joints; k++) {
            parents[k] = k < 22 ? (k == 0 ? -1 : Smpl24.parents()[k]) : k < firstFinger ? Smpl24.HEAD
                    : (k - firstFinger) % 3 == 0 ? ((k - firstFinger) < 15 ? Smpl24.LEFT_WRIST : Smpl24.RIGHT_WRIST) : k - 1;
        }
        int leftMiddle = firstFinger + 3, rightMiddle = firstFinger + 18;
        double[] reg = new double[joints * VERTICES], w = new double[VERTICES * joints];
        for (int k = 0; k < joints; k++) {
            int row = k < 22 ? k : k == leftMiddle ? Smpl24.LEFT_HAND : k == rightMiddle ? Smpl24.RIGHT_HAND : Smpl24.LEFT_WRIST;
            System.arraycopy(regressor, row * VERTICES, reg, k * VERTICES, VERTICES);
        }
        for (int v = 0; v < VERTICES; v++) {
            for (int j = 0; j < 22; j++) {
                w[v * joints + j] = weights[v * Smpl24.COUNT + j];
            }
            double left = weights[v * Smpl24.COUNT + Smpl24.LEFT_HAND], right = weights[v * Smpl24.COUNT + Smpl24.RIGHT_HAND];
            w[v * joints + leftMiddle] = 0.6 * left;
            w[v * joints + firstFinger + 13] = 0.4 * left;
            w[v * joints + rightMiddle] = 0.7 * right;
            w[v * joints + firstFinger + 16] = 0.3 * right;
            if (x) {
                double head = weights[v * Smpl24.COUNT + Smpl24.HEAD];
                w[v * joints + Smpl24.HEAD] = 0.5 * head;
                w[v * joints + 22] = 0.3 * head;
                w[v * joints + 23] = 0.2 * head;
            }
        }
        int shapes = x ? BETAS + 10 : BETAS;
        double[] dirs = new double[VERTICES * 3 * shapes];
        for (int i = 0; i < VERTICES * 3; i++) {
            System.arraycopy(shapeDirs, i * BETAS, dirs, i * shapes, BETAS);
        }
        double[] tree = new double[2 * joints];
        for (int k = 0; k < joints; k++) {
            tree[k] = k == 0 ? 4294967295.0 : parents[k];
            tree[joints + k] = k;
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("v_template", Npy.write(NpyArray.of(template, VERTICES, 3), "<f8", false));
        entries.put("f", Npy.write(NpyArray.of(java.util.Arrays.stream(faces).asDoubleStream().toArray(), TRIANGLES, 3), "<u4", false));
        entries.put("shapedirs", Npy.write(NpyArray.of(dirs, VERTICES, 3, shapes), "<f8", false));
        entries.put("J_regressor", Npy.write(NpyArray.of(reg, joints, VERTICES), "<f8", false));
        entries.put("weights", Npy.write(NpyArray.of(w, VERTICES, joints), "<f8", false));
        entries.put("kintree_table", Npy.write(NpyArray.of(tree, 2, joints), "<i8", false));
        try (OutputStream out = Files.newOutputStream(file)) {
            Npz.writeEntries(out, entries);
        }
    }

    /** Rest joints J(β) = J_regressor · (v_template + shapedirs · β), computed here independently of the tool. */
    public Vec3[] joints(double[] betas) {
        Vec3[] rest = vertices(betas);
        Vec3[] out = new Vec3[Smpl24.COUNT];
        for (int j = 0; j < out.length; j++) {
            Vec3 sum = Vec3.ZERO;
            for (int v = 0; v < VERTICES; v++) {
                sum = sum.plus(rest[v].times(regressor[j * VERTICES + v]));
            }
            out[j] = sum;
        }
        return out;
    }

    Vec3[] vertices(double[] betas) {
        Vec3[] out = new Vec3[VERTICES];
        for (int v = 0; v < VERTICES; v++) {
            double[] p = new double[3];
            for (int c = 0; c < 3; c++) {
                p[c] = template[3 * v + c];
                for (int b = 0; b < BETAS; b++) {
                    p[c] += shapeDirs[(3 * v + c) * BETAS + b] * betas[b];
                }
            }
            out[v] = new Vec3(p[0], p[1], p[2]);
        }
        return out;
    }

    private static void put(double[] out, int at, Vec3 v) {
        out[at] = v.x();
        out[at + 1] = v.y();
        out[at + 2] = v.z();
    }
}
