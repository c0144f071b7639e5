package dev.mocap.recover;

import dev.mocap.body.Quat;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an image-based temporal regressor (TCMR, MPS-Net, VIBE and kin) exported to ONNX must look
 * like to serve as {@code --recovery onnx:MODEL.onnx} (docs/REGRESSOR.md):
 * <ul>
 * <li>input {@value #CROPS} float32 [1, T, 3, 224, 224]: T consecutive person crops, RGB, NCHW,
 *     each value (v/255 − mean) / std with ImageNet's mean and std, as SPIN and VIBE feed theirs;</li>
 * <li>optional input {@value #BBOX_INFO} float32 [1, T, 3]: per crop ((cx − W/2)/f, (cy − H/2)/f, b/f),
 *     the box centre and side against the focal length, for CLIFF-style models;</li>
 * <li>outputs {@value #POSE} [1, T′, 72 | 144] (SMPL θ as axis-angle, or SPIN's 6D: the first two
 *     columns of each rotation matrix, row-major 3×2), {@value #BETAS} [1, T′, 10] and {@value #CAM}
 *     [1, T′, 3] (weak-perspective s, tx, ty of the crop); T′ is T (one result per crop, as VIBE)
 *     or 1 (the middle crop's, index ⌊T/2⌋, as TCMR and MPS-Net predict).</li>
 * </ul>
 * A dynamic T is run with windows of {@value #DEFAULT_WINDOW}; a dynamic T′ is taken as T.
 */
public final class RegressorContract {
    public static final String CROPS = "crops", BBOX_INFO = "bbox_info", POSE = "pose", BETAS = "betas", CAM = "cam";
    public static final int SIDE = 224, BETA_COUNT = 10, DEFAULT_WINDOW = 16;
    public static final float[] MEAN = {0.485f, 0.456f, 0.406f}, STD = {0.229f, 0.224f, 0.225f};
    private static final String EXPECTED = "expected inputs 'crops' [1, T, 3, 224, 224] (and optionally 'bbox_info' [1, T, 3]), "
            + "outputs 'pose' [1, T or 1, 72 or 144], 'betas' [1, T or 1, 10], 'cam' [1, T or 1, 3], all float32 "
            + "(see docs/REGRESSOR.md)";

    /** How a checked model is run: window length, results per window, θ as 6D, and whether it takes boxes. */
    public record Layout(int window, int results, boolean sixD, boolean takesBoxes) {
        /** Whether each window gives only its middle crop's result. */
        public boolean middleOnly() {
            return results == 1 && window > 1;
        }

        int poseWidth() {
            return sixD ? 6 * Smpl24.COUNT : 3 * Smpl24.COUNT;
        }
    }

    /**
     * Checks declared inputs and outputs (name → shape, −1 for a dynamic dimension; null shape for
     * a tensor that is not float32) and says how to run the model.
     *
     * @throws IllegalArgumentException one line naming what was found and what the contract needs
     */
    public static Layout check(Map<String, long[]> inputs, Map<String, long[]> outputs) {
        long[] crops = inputs.get(CROPS);
        if (crops == null || crops.length != 5 || !fits(crops[0], 1) || !fits(crops[2], 3) || !fits(crops[3], SIDE)
                || !fits(crops[4], SIDE) || !(crops[1] > 0 || crops[1] == -1)
                || !inputs.keySet().stream().allMatch(k -> k.equals(CROPS) || k.equals(BBOX_INFO))) {
            throw mismatch(inputs, outputs);
        }
        int window = crops[1] > 0 ? (int) crops[1] : DEFAULT_WINDOW;
        long[] boxes = inputs.get(BBOX_INFO);
        if (inputs.containsKey(BBOX_INFO) && (boxes == null || boxes.length != 3 || !fits(boxes[0], 1)
                || !fits(boxes[1], window) || !fits(boxes[2], 3))) {
            throw mismatch(inputs, outputs);
        }
        long[] pose = outputs.get(POSE);
        if (pose == null || pose.length != 3 || !(pose[2] == 72 || pose[2] == 144)) {
            throw mismatch(inputs, outputs);
        }
        int results = pose[1] == -1 ? window : (int) pose[1];
        for (Map.Entry<String, Integer> o : Map.of(POSE, (int) pose[2], BETAS, BETA_COUNT, CAM, 3).entrySet()) {
            long[] s = outputs.get(o.getKey());
            if (s == null || s.length != 3 || !fits(s[0], 1) || !fits(s[1], results) || s[2] != o.getValue()
                    || !(results == window || results == 1)) {
                throw mismatch(inputs, outputs);
            }
        }
        return new Layout(window, results, pose[2] == 144, inputs.containsKey(BBOX_INFO));
    }

    /** The error for a tensor that came out of a run in another shape than declared. */
    static IllegalArgumentException wrongRunShape(String output, long[] shape, Layout layout) {
        int width = output.equals(POSE) ? layout.poseWidth() : output.equals(BETAS) ? BETA_COUNT : 3;
        return new IllegalArgumentException("output '" + output + "' came out as " + Arrays.toString(shape) + ", not [1, "
                + layout.results() + ", " + width + "]; " + EXPECTED);
    }

    private static boolean fits(long declared, long wanted) {
        return declared == wanted || declared == -1;
    }

    private static IllegalArgumentException mismatch(Map<String, long[]> inputs, Map<String, long[]> outputs) {
        return new IllegalArgumentException("this model has inputs " + describe(inputs) + " and outputs " + describe(outputs)
                + "; " + EXPECTED);
    }

    private static String describe(Map<String, long[]> tensors) {
        return tensors.entrySet().stream().map(e -> "'" + e.getKey() + "' " + (e.getValue() == null ? "(not float32)" : shape(e.getValue())))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String shape(long[] dims) {
        return Arrays.stream(dims).mapToObj(d -> d == -1 ? "?" : Long.toString(d)).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * The 24 SMPL joint rotations of one result, starting at {@code at}: axis-angle triples, or
     * SPIN's 6D (a1 = column 0, a2 = column 1 of the 3×2 block; Gram–Schmidt, b3 = b1 × b2).
     */
    static Quat[] rotations(float[] pose, int at, boolean sixD) {
        Quat[] out = new Quat[Smpl24.COUNT];
        for (int j = 0; j < out.length; j++) {
            if (sixD) {
                int k = at + 6 * j;
                Vec3 a1 = new Vec3(pose[k], pose[k + 2], pose[k + 4]), a2 = new Vec3(pose[k + 1], pose[k + 3], pose[k + 5]);
                Vec3 b1 = a1.normalized();
                Vec3 b2 = a2.minus(b1.times(b1.dot(a2))).normalized();
                out[j] = Quat.fromColumns(b1, b2, b1.cross(b2));
            } else {
                int k = at + 3 * j;
                out[j] = Quat.exp(new Vec3(pose[k], pose[k + 1], pose[k + 2]));
            }
        }
        return out;
    }

    private RegressorContract() {
    }
}
