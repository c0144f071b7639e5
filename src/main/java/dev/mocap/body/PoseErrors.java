package dev.mocap.body;

import dev.mocap.math.SymmetricEigen;

import java.util.List;

/**
 * Pose error metrics between a predicted and a ground-truth joint sequence, both given as
 * {@code [frame][joint]} world positions in metres with the same joint order; joint
 * {@code root} is the pelvis. All results are in millimetres.
 * <ul>
 *   <li><b>MPJPE</b>: one rigid alignment (rotation + translation, no scale) of the whole
 *       predicted clip onto the truth (Kabsch/Horn over every joint of every frame), then each
 *       frame centred on its pelvis; mean joint distance over the non-root joints.</li>
 *   <li><b>PA-MPJPE</b>: per-frame similarity Procrustes (scale, rotation, translation; det +1)
 *       over the non-root joints; mean distance over them.</li>
 *   <li><b>root error</b>: mean pelvis distance after the whole-clip rigid alignment.</li>
 *   <li><b>acceleration error</b>: mean over non-root joints and frames 1..n−2 of
 *       |Δ²x_pred − Δ²x_gt| on pelvis-centred joints (mm/frame², depends on the frame rate).</li>
 * </ul>
 */
public record PoseErrors(double mpjpe, double paMpjpe, double rootError, double accelError,
                  double[] mpjpePerJoint, double[] mpjpePerFrame) {

    /**
     * Errors of a motion against a reference motion at the same frame rate, over the reference's
     * joints found by name in the motion (all of them must be there) and the frames both have;
     * the root is the reference's first joint.
     */
    public static PoseErrors of(Motion predicted, Motion reference) {
        if (Math.abs(predicted.fps() - reference.fps()) > 1e-6 * reference.fps()) {
            throw new IllegalArgumentException("frame rates differ: " + predicted.fps() + " and " + reference.fps() + " fps");
        }
        List<String> names = reference.skeleton().names();
        int[] joints = new int[names.size()];
        for (int j = 0; j < joints.length; j++) {
            joints[j] = predicted.skeleton().indexOf(names.get(j));
            if (joints[j] < 0) {
                throw new IllegalArgumentException("the motion has no joint '" + names.get(j) + "' of the reference");
            }
        }
        int n = Math.min(predicted.frameCount(), reference.frameCount());
        if (n == 0) {
            throw new IllegalArgumentException("no frames to compare");
        }
        Vec3[][] p = new Vec3[n][joints.length], t = new Vec3[n][];
        for (int f = 0; f < n; f++) {
            Vec3[] all = predicted.jointPositions(f);
            for (int j = 0; j < joints.length; j++) {
                p[f][j] = all[joints[j]];
            }
            t[f] = reference.jointPositions(f);
        }
        return of(p, t, 0);
    }

    public static PoseErrors of(Vec3[][] predicted, Vec3[][] truth, int root) {
        int n = truth.length, joints = truth[0].length;
        if (predicted.length != n) {
            throw new IllegalArgumentException(predicted.length + " predicted frames for " + n + " true ones");
        }
        Similarity clip = align(flatten(predicted, -1), flatten(truth, -1), false);
        Vec3[][] aligned = new Vec3[n][joints];
        for (int f = 0; f < n; f++) {
            for (int j = 0; j < joints; j++) {
                aligned[f][j] = clip.apply(predicted[f][j]);
            }
        }
        double[] perJoint = new double[joints], perFrame = new double[n];
        double mpjpe = 0, pa = 0, rootError = 0;
        for (int f = 0; f < n; f++) {
            Vec3 pr = aligned[f][root], gr = truth[f][root];
            rootError += pr.distance(gr);
            for (int j = 0; j < joints; j++) {
                if (j == root) {
                    continue;
                }
                double e = aligned[f][j].minus(pr).distance(truth[f][j].minus(gr));
                perJoint[j] += e / n;
                perFrame[f] += e / (joints - 1);
            }
            mpjpe += perFrame[f];
            Vec3[] p = drop(predicted[f], root), t = drop(truth[f], root);
            Similarity frame = align(p, t, true);
            double sum = 0;
            for (int j = 0; j < p.length; j++) {
                sum += frame.apply(p[j]).distance(t[j]);
            }
            pa += sum / p.length;
        }
        double accel = 0;
        long count = 0;
        for (int f = 1; f + 1 < n; f++) {
            for (int j = 0; j < joints; j++) {
                if (j == root) {
                    continue;
                }
                Vec3 ap = second(aligned, f, j, root), at = second(truth, f, j, root);
                accel += ap.distance(at);
                count++;
            }
        }
        for (int j = 0; j < joints; j++) {
            perJoint[j] *= 1000;
        }
        for (int f = 0; f < n; f++) {
            perFrame[f] *= 1000;
        }
        return new PoseErrors(1000 * mpjpe / n, 1000 * pa / n, 1000 * rootError / n,
                count == 0 ? 0 : 1000 * accel / count, perJoint, perFrame);
    }

    /** Second difference of a pelvis-centred joint at frame f. */
    private static Vec3 second(Vec3[][] x, int f, int j, int root) {
        Vec3 a = x[f - 1][j].minus(x[f - 1][root]), b = x[f][j].minus(x[f][root]), c = x[f + 1][j].minus(x[f + 1][root]);
        return a.minus(b.times(2)).plus(c);
    }

    private static Vec3[] flatten(Vec3[][] x, int skip) {
        int joints = x[0].length - (skip >= 0 ? 1 : 0);
        Vec3[] out = new Vec3[x.length * joints];
        int k = 0;
        for (Vec3[] frame : x) {
            for (int j = 0; j < frame.length; j++) {
                if (j != skip) {
                    out[k++] = frame[j];
                }
            }
        }
        return out;
    }

    private static Vec3[] drop(Vec3[] x, int skip) {
        Vec3[] out = new Vec3[x.length - 1];
        for (int j = 0, k = 0; j < x.length; j++) {
            if (j != skip) {
                out[k++] = x[j];
            }
        }
        return out;
    }

    /** y ≈ s · R · x + t. */
    public record Similarity(double scale, Quat rotation, Vec3 translation) {
        public Vec3 apply(Vec3 x) {
            return rotation.rotate(x).times(scale).plus(translation);
        }
    }

    /**
     * The rotation (Horn's quaternion method: a proper rotation, det +1), translation and
     * optionally scale that best map {@code from} onto {@code to} in the least-squares sense.
     */
    public static Similarity align(Vec3[] from, Vec3[] to, boolean withScale) {
        Vec3 ca = centroid(from), cb = centroid(to);
        double[][] s = new double[3][3];
        double norm = 0;
        for (int i = 0; i < from.length; i++) {
            Vec3 a = from[i].minus(ca), b = to[i].minus(cb);
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    s[r][c] += a.get(r) * b.get(c);
                }
            }
            norm += a.dot(a);
        }
        double sxx = s[0][0], sxy = s[0][1], sxz = s[0][2], syx = s[1][0], syy = s[1][1], syz = s[1][2];
        double szx = s[2][0], szy = s[2][1], szz = s[2][2];
        double[][] n = {
                {sxx + syy + szz, syz - szy, szx - sxz, sxy - syx},
                {syz - szy, sxx - syy - szz, sxy + syx, szx + sxz},
                {szx - sxz, sxy + syx, -sxx + syy - szz, syz + szy},
                {sxy - syx, szx + sxz, syz + szy, -sxx - syy + szz}};
        double[] q = SymmetricEigen.of(n).largestVector();
        Quat rotation = new Quat(q[0], q[1], q[2], q[3]).normalized();
        double scale = 1;
        if (withScale && norm > 0) {
            double dot = 0;
            for (int i = 0; i < from.length; i++) {
                dot += rotation.rotate(from[i].minus(ca)).dot(to[i].minus(cb));
            }
            scale = dot / norm;
        }
        return new Similarity(scale, rotation, cb.minus(rotation.rotate(ca).times(scale)));
    }

    private static Vec3 centroid(Vec3[] x) {
        Vec3 sum = Vec3.ZERO;
        for (Vec3 v : x) {
            sum = sum.plus(v);
        }
        return sum.times(1.0 / x.length);
    }
}
