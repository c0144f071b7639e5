package dev.mocap.recover;

import dev.mocap.body.Quat;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.nn.onnx.OnnxAttribute;
import dev.mocap.nn.onnx.OnnxGraph;
import dev.mocap.nn.onnx.OnnxModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tiny ONNX networks under the regressor contract with known outputs, written with the project's
 * own ONNX writer: per window position t a fixed θ, β and crop camera ({@link #pose}, {@link #betas},
 * {@link #cam}), plus {@code gain} times the mean of crop t (so the crops are really read; 0 for
 * outputs that are exactly the tables). With {@code middle} the network answers for its middle crop only.
 * {@code main(OUT.onnx)} writes the one the benchmark times.
 */
public final class TinyRegressor {
    public static final int BETAS = 10;

    /** The shapes of a network; {@code cropSide} and {@code poseWidth} may break the contract on purpose. */
    public record Spec(int window, boolean middle, boolean sixD, boolean boxes, double gain, int cropSide, int poseWidth) {
        public static Spec of(int window, boolean middle, boolean sixD) {
            return new Spec(window, middle, sixD, false, 0, RegressorContract.SIDE, sixD ? 144 : 72);
        }

        public Spec withGain(double g) {
            return new Spec(window, middle, sixD, boxes, g, cropSide, poseWidth);
        }

        public Spec withBoxes() {
            return new Spec(window, middle, sixD, true, gain, cropSide, poseWidth);
        }

        public Spec withCropSide(int side) {
            return new Spec(window, middle, sixD, boxes, gain, side, poseWidth);
        }

        public Spec withPoseWidth(int width) {
            return new Spec(window, middle, sixD, boxes, gain, cropSide, width);
        }

        int results() {
            return middle ? 1 : window;
        }
    }

    /** The rotation of joint j that the table gives window position t. */
    public static Quat rotation(int t, int j) {
        return Quat.exp(new Vec3(Math.sin(0.37 * (t + 1) * (j + 1)), Math.cos(0.23 * (t + 2) * (j + 1)), Math.sin(0.11 * (t + j))).times(0.4));
    }

    /** The crop camera (s, tx, ty) the table gives window position t. */
    public static double[] cam(int t) {
        return new double[]{0.8 + 0.01 * t, 0.02 * t, 0.1 - 0.01 * t};
    }

    public static double beta(int t, int b) {
        return 0.1 * (b + 1) - 0.05 * t;
    }

    /** The θ row of window position t: axis-angle, or SPIN's 6D (first two matrix columns, row-major 3×2). */
    static float[] poseRow(int t, boolean sixD) {
        float[] row = new float[sixD ? 144 : 72];
        for (int j = 0; j < Smpl24.COUNT; j++) {
            Quat q = rotation(t, j);
            if (sixD) {
                Vec3 c0 = q.rotate(Vec3.X), c1 = q.rotate(Vec3.Y);
                float[] m = {(float) c0.x(), (float) c1.x(), (float) c0.y(), (float) c1.y(), (float) c0.z(), (float) c1.z()};
                // Columns scaled and skewed a little: the host must orthonormalise them as SPIN does.
                for (int k = 0; k < 6; k++) {
                    row[6 * j + k] = m[k] * 1.5f + (k % 2 == 1 ? 0.5f * m[k - 1] : 0);
                }
            } else {
                Vec3 v = q.log();
                row[3 * j] = (float) v.x();
                row[3 * j + 1] = (float) v.y();
                row[3 * j + 2] = (float) v.z();
            }
        }
        return row;
    }

    public static void write(Path file, Spec spec) throws IOException {
        int t = spec.window(), r = spec.results(), side = spec.cropSide();
        OnnxGraph g = new OnnxGraph("tiny_regressor");
        g.input(RegressorContract.CROPS, 1, t, 3, side, side);
        g.node("ReduceMean", List.of(RegressorContract.CROPS), "mean5", OnnxAttribute.ints("axes", 2, 3, 4), OnnxAttribute.integer("keepdims", 1));
        g.int64s("shape_t", new long[]{3}, new long[]{1, t, 1});
        g.node("Reshape", List.of("mean5", "shape_t"), "mean");
        String mean = "mean";
        if (spec.middle()) {
            g.int64s("mid_start", new long[]{1}, new long[]{t / 2});
            g.int64s("mid_end", new long[]{1}, new long[]{t / 2 + 1});
            g.int64s("mid_axis", new long[]{1}, new long[]{1});
            g.node("Slice", List.of("mean", "mid_start", "mid_end", "mid_axis"), "mean_mid");
            mean = "mean_mid";
        }
        if (spec.boxes()) {
            g.input(RegressorContract.BBOX_INFO, 1, t, 3);
            g.floats("zero", new long[]{1}, new float[]{0});
            g.node("ReduceMean", List.of(RegressorContract.BBOX_INFO), "box_sum", OnnxAttribute.ints("axes", 1, 2),
                    OnnxAttribute.integer("keepdims", 1));
            g.node("Mul", List.of("box_sum", "zero"), "box_zero");
            g.node("Add", List.of(mean, "box_zero"), "mean_boxed");
            mean = "mean_boxed";
        }
        int poseWidth = spec.poseWidth();
        float[] pose = new float[r * poseWidth], betas = new float[r * BETAS], cam = new float[r * 3];
        for (int row = 0; row < r; row++) {
            int position = spec.middle() ? t / 2 : row;
            float[] p = poseRow(position, spec.sixD());
            System.arraycopy(p, 0, pose, row * poseWidth, Math.min(p.length, poseWidth));
            for (int b = 0; b < BETAS; b++) {
                betas[row * BETAS + b] = (float) beta(position, b);
            }
            for (int k = 0; k < 3; k++) {
                cam[row * 3 + k] = (float) cam(position)[k];
            }
        }
        output(g, mean, RegressorContract.POSE, r, poseWidth, pose, spec.gain());
        output(g, mean, RegressorContract.BETAS, r, BETAS, betas, 0);
        output(g, mean, RegressorContract.CAM, r, 3, cam, 0);
        Files.write(file, OnnxModel.serialize(g, "mocap-test", "a tiny network under the regressor contract"));
    }

    /** name = table + gain · mean (the gain on every value of the row). */
    private static void output(OnnxGraph g, String mean, String name, int rows, int width, float[] table, double gain) {
        float[] gains = new float[width];
        java.util.Arrays.fill(gains, (float) gain);
        g.floats(name + "_gain", new long[]{1, 1, width}, gains);
        g.floats(name + "_table", new long[]{1, rows, width}, table);
        g.node("Mul", List.of(mean, name + "_gain"), name + "_content");
        g.node("Add", List.of(name + "_content", name + "_table"), name);
        g.output(name, 1, rows, width);
    }

    /** Writes the network the benchmark times: 16 crops in, one result per crop, axis-angle. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Spec.of(16, false, false));
    }

    private TinyRegressor() {
    }
}
