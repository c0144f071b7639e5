package dev.mocap.smpl;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * A user's SMPL model file ({@code .npz}, the arrays of SMPL's model files): template vertices,
 * shape blend shapes, joint regressor, skinning weights, kinematic tree and triangles. The
 * project ships no such file and no numbers from one; the user points the tool at their own.
 * Pose-corrective blend shapes ({@code posedirs}) are not read: the body is skinned linearly.
 * SMPL-H and SMPL-X files are read as their SMPL-24 part ({@link SmplFamily}): the body joints, the
 * middle fingers' first joints as the hands, the skin of fingers, jaw and eyes on hands and head;
 * SMPL-X's expression directions (past its first shape components) are not used.
 */
public final class SmplModel {
    /** SMPL v1.0 has 10 shape components; later releases more, of which the first 10 are fitted. */
    static final int MAX_BETAS = 10;
    private static final Set<String> KEYS = Set.of("v_template", "shapedirs", "J_regressor", "weights", "kintree_table", "f");

    private final SmplFamily family;
    private final int vertices, betas;
    private final double[] template, shapeDirs, weights;
    private final int[] faces;
    /** Template joints (24 × 3) and how they move with each beta (24 × 3 × betas). */
    private final double[] templateJoints, jointDirs;
    /** The body made last, and the skeleton it was made for (its own, or the one its betas were fitted to). */
    private SmplBody last;
    private Skeleton lastFor;

    private SmplModel(double[] template, double[] shapeDirs, int betas, double[] regressor, double[] weights, int[] faces,
                      SmplFamily family) {
        this.family = family;
        this.vertices = template.length / 3;
        this.betas = betas;
        this.template = template;
        this.shapeDirs = shapeDirs;
        this.weights = weights;
        this.faces = faces;
        templateJoints = new double[Smpl24.COUNT * 3];
        jointDirs = new double[Smpl24.COUNT * 3 * betas];
        for (int j = 0; j < Smpl24.COUNT; j++) {
            for (int v = 0; v < vertices; v++) {
                double r = regressor[j * vertices + v];
                if (r == 0) {
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    templateJoints[3 * j + c] += r * template[3 * v + c];
                    for (int b = 0; b < betas; b++) {
                        jointDirs[(3 * j + c) * betas + b] += r * shapeDirs[(3 * v + c) * betas + b];
                    }
                }
            }
        }
    }

    public static SmplModel read(Path file) {
        Map<String, NpyArray> a;
        try {
            a = Npz.read(file, KEYS);
        } catch (IOException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot read SMPL model " + e.getMessage(), e);
        }
        String problem = check(a);
        if (problem != null) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot use SMPL model " + file + ": " + problem);
        }
        int vertices = a.get("v_template").shape()[0];
        SmplFamily family = SmplFamily.of(a.get("kintree_table").shape()[1]);
        int[] parents = parents(a.get("kintree_table"));
        int joints = family.joints;
        double[] regressor = new double[Smpl24.COUNT * vertices], weights = new double[vertices * Smpl24.COUNT];
        for (int j = 0; j < Smpl24.COUNT; j++) {
            System.arraycopy(a.get("J_regressor").numbers(), family.source(j) * vertices, regressor, j * vertices, vertices);
        }
        double[] w = a.get("weights").numbers();
        for (int k = 0; k < joints; k++) {
            int to = family.skinJoint(k, parents);
            for (int v = 0; v < vertices; v++) {
                weights[v * Smpl24.COUNT + to] += w[v * joints + k];
            }
        }
        int[] shapeDirShape = a.get("shapedirs").shape();
        int betas = Math.min(MAX_BETAS, shapeDirShape[2]);
        double[] dirs = new double[vertices * 3 * betas];
        for (int i = 0; i < vertices * 3; i++) {
            System.arraycopy(a.get("shapedirs").numbers(), i * shapeDirShape[2], dirs, i * betas, betas);
        }
        int[] faces = Arrays.stream(a.get("f").numbers()).mapToInt(d -> (int) d).toArray();
        return new SmplModel(a.get("v_template").numbers(), dirs, betas, regressor, weights, faces, family);
    }

    /** Each joint's parent from a kintree_table (2, J); −1 at the root (stored as −1 or as uint32's 4294967295). */
    private static int[] parents(NpyArray kintree) {
        int joints = kintree.shape()[1];
        int[] parents = new int[joints];
        for (int k = 0; k < joints; k++) {
            double p = kintree.at(k);
            parents[k] = p == 4294967295.0 || p < 0 ? -1 : (int) p;
        }
        return parents;
    }

    /** What is wrong with the arrays, or null. */
    private static String check(Map<String, NpyArray> a) {
        for (String key : new String[]{"v_template", "shapedirs", "J_regressor", "weights", "kintree_table", "f"}) {
            if (!a.containsKey(key)) {
                return "no '" + key + "' array (an SMPL .npz has v_template, shapedirs, posedirs, J_regressor, weights, kintree_table, f)";
            }
            if (a.get(key).isText()) {
                return "'" + key + "' holds text";
            }
        }
        int[] kintree = a.get("kintree_table").shape();
        SmplFamily family = kintree.length == 2 && kintree[0] == 2 ? SmplFamily.of(kintree[1]) : null;
        if (family == null) {
            return "kintree_table has shape " + a.get("kintree_table").shapeText() + "; SMPL's models have (2, 24), SMPL-H's (2, 52), "
                    + "SMPL-X's (2, 55)";
        }
        int joints = family.joints;
        for (int k = 0; k < joints; k++) {
            if (a.get("kintree_table").at(joints + k) != k) {
                return "kintree_table's second row must number the joints 0 … " + (joints - 1);
            }
        }
        String tree = family.check(parents(a.get("kintree_table")));
        if (tree != null) {
            return "kintree_table is not " + family.label + "'s tree: " + tree;
        }
        int vertices = a.get("v_template").shape().length == 2 && a.get("v_template").shape()[1] == 3 ? a.get("v_template").shape()[0] : -1;
        if (vertices <= 0) {
            return "v_template has shape " + a.get("v_template").shapeText() + "; expected (V, 3)";
        }
        int[] dirs = a.get("shapedirs").shape();
        if (dirs.length != 3 || dirs[0] != vertices || dirs[1] != 3 || dirs[2] < 1) {
            return "shapedirs has shape " + a.get("shapedirs").shapeText() + "; expected (" + vertices + ", 3, betas)";
        }
        if (!Arrays.equals(a.get("J_regressor").shape(), new int[]{joints, vertices})) {
            return "J_regressor has shape " + a.get("J_regressor").shapeText() + "; expected (" + joints + ", " + vertices + "), stored dense";
        }
        if (!Arrays.equals(a.get("weights").shape(), new int[]{vertices, joints})) {
            return "weights has shape " + a.get("weights").shapeText() + "; expected (" + vertices + ", " + joints + ")";
        }
        int[] f = a.get("f").shape();
        if (f.length != 2 || f[1] != 3 || f[0] < 1) {
            return "f has shape " + a.get("f").shapeText() + "; expected (triangles, 3)";
        }
        for (double index : a.get("f").numbers()) {
            if (!(index >= 0 && index < vertices && index == Math.rint(index))) {
                return "f refers to vertex " + index + " of " + vertices;
            }
        }
        for (String key : new String[]{"v_template", "shapedirs", "J_regressor", "weights"}) {
            if (Arrays.stream(a.get(key).numbers()).anyMatch(x -> !Double.isFinite(x))) {
                return key + " holds a value that is not a finite number";
            }
        }
        return null;
    }

    /** "SMPL", "SMPL-H" or "SMPL-X". */
    public String kind() {
        return family.label;
    }

    public int vertexCount() {
        return vertices;
    }

    public int betaCount() {
        return betas;
    }

    /** Rest joint positions J(β) in SMPL's model frame; betas past the model's are ignored, missing ones are 0. */
    public Vec3[] joints(double[] beta) {
        return blend(templateJoints, jointDirs, beta);
    }

    /** How joint j moves per unit of beta b (the Jacobian of {@link #joints}). */
    Vec3 jointDirection(int joint, int beta) {
        return new Vec3(jointDirs[3 * joint * betas + beta], jointDirs[(3 * joint + 1) * betas + beta], jointDirs[(3 * joint + 2) * betas + beta]);
    }

    /** Rest vertex positions v_template + shapedirs · β. */
    Vec3[] vertices(double[] beta) {
        return blend(template, shapeDirs, beta);
    }

    /** Points (x, y, z in a row) plus their shape directions ({@link #betas} per coordinate) times β. */
    private Vec3[] blend(double[] base, double[] dirs, double[] beta) {
        Vec3[] out = new Vec3[base.length / 3];
        double[] p = new double[3];
        for (int i = 0; i < out.length; i++) {
            for (int c = 0; c < 3; c++) {
                p[c] = base[3 * i + c];
                for (int b = 0; b < Math.min(betas, beta.length); b++) {
                    p[c] += dirs[(3 * i + c) * betas + b] * beta[b];
                }
            }
            out[i] = new Vec3(p[0], p[1], p[2]);
        }
        return out;
    }

    double weight(int vertex, int joint) {
        return weights[vertex * Smpl24.COUNT + joint];
    }

    int[] faces() {
        return faces;
    }

    /** The body of these betas. */
    public synchronized SmplBody body(double[] beta) {
        last = SmplBody.of(this, Arrays.copyOf(beta, betas));
        lastFor = last.skeleton();
        return last;
    }

    /**
     * The body whose skeleton this is, or else the body with betas fitted to the skeleton's bone
     * lengths; the last one is kept, so each format of one motion gets the same body.
     */
    public synchronized SmplBody bodyFor(Skeleton skeleton) {
        if (last == null || skeleton != lastFor && skeleton != last.skeleton()) {
            last = SmplBody.of(this, BetaFit.fit(this, skeleton).betas());
            lastFor = skeleton;
        }
        return last;
    }
}
