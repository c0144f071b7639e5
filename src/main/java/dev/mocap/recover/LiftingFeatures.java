package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.FramePose;

import java.util.List;

/**
 * What the learned lifting network sees of a frame ({@value #SIZE} numbers): the 33 image
 * landmarks in normalised camera coordinates ((u − cx)/f, (v − cy)/f), relative to the mid-hip
 * and divided by the body's image size s (RMS distance of the twelve limb joints from the
 * mid-hip); the world-landmark shape relative to the mid-hip in metres; the 33 landmark weights;
 * the mid-hip's normalised position and ln s, which carry the perspective; and, from its
 * neighbours at {@link LearnedLifter#FPS} fps ({@link #withFootMotion}), how far each of the six
 * foot landmarks moves in the image per frame, in body sizes. A planted foot stands still in the
 * picture of a camera that does not move: a cue the network should not have to build itself from
 * positions and sizes.
 */
public final class LiftingFeatures {
    private static final int[] FEET = {BlazePose.LEFT_ANKLE, BlazePose.RIGHT_ANKLE, BlazePose.LEFT_HEEL, BlazePose.RIGHT_HEEL,
            BlazePose.LEFT_FOOT_INDEX, BlazePose.RIGHT_FOOT_INDEX};
    private static final int FRAME_SIZE = 33 * 2 + 33 * 3 + 33 + 3;
    public static final int SIZE = FRAME_SIZE + FEET.length * 2;

    private LiftingFeatures() {
    }

    /** One frame's features, its foot motion still zero. */
    static float[] of(Observation o, Camera camera) {
        int n = BlazePose.COUNT;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (o.u(i) - camera.cx()) / camera.focal();
            y[i] = (o.v(i) - camera.cy()) / camera.focal();
        }
        double hx = (x[BlazePose.LEFT_HIP] + x[BlazePose.RIGHT_HIP]) / 2, hy = (y[BlazePose.LEFT_HIP] + y[BlazePose.RIGHT_HIP]) / 2;
        double sum = 0;
        for (int j : BlazePose.MAJOR_JOINTS) {
            sum += (x[j] - hx) * (x[j] - hx) + (y[j] - hy) * (y[j] - hy);
        }
        double s = Math.max(Math.sqrt(sum / BlazePose.MAJOR_JOINTS.length), 1e-4);
        float[] f = new float[SIZE];
        int k = 0;
        for (int i = 0; i < n; i++) {
            f[k++] = (float) ((x[i] - hx) / s);
            f[k++] = (float) ((y[i] - hy) / s);
        }
        for (Vec3 v : Lifter.bodyShape(o)) {
            f[k++] = (float) v.x();
            f[k++] = (float) v.y();
            f[k++] = (float) v.z();
        }
        for (int i = 0; i < n; i++) {
            f[k++] = (float) o.weight()[i];
        }
        f[k++] = (float) hx;
        f[k++] = (float) hy;
        f[k] = (float) Math.log(s);
        return f;
    }

    /**
     * Copies of consecutive frames' features ({@link #of}) with the foot landmarks' image motion
     * filled in: the central difference (one-sided at the ends) of their normalised image
     * positions, divided by the frame's body size.
     */
    static float[][] withFootMotion(float[][] frames) {
        int n = frames.length;
        float[][] out = new float[n][];
        for (int k = 0; k < n; k++) {
            int before = Math.max(0, k - 1), after = Math.min(n - 1, k + 1);
            out[k] = frames[k].clone();
            if (after == before) {
                continue;
            }
            double size = Math.exp(frames[k][FRAME_SIZE - 1]);
            for (int i = 0; i < FEET.length; i++) {
                for (int axis = 0; axis < 2; axis++) {
                    double moved = imagePosition(frames[after], FEET[i], axis) - imagePosition(frames[before], FEET[i], axis);
                    out[k][FRAME_SIZE + 2 * i + axis] = (float) (moved / (after - before) / size);
                }
            }
        }
        return out;
    }

    /** A landmark's normalised image coordinate (axis 0: x, 1: y) from a frame's features. */
    private static double imagePosition(float[] f, int landmark, int axis) {
        return f[FRAME_SIZE - 3 + axis] + f[2 * landmark + axis] * Math.exp(f[FRAME_SIZE - 1]);
    }

    /**
     * The observations the recovery would lift from these frames (camera at the origin, bodies
     * read the wrong way round turned back and left/right swaps repaired), as the network's inputs: for training on synthetic landmarks.
     */
    public static List<float[]> forTraining(List<FramePose> frames, Camera camera) {
        List<Observation> repaired = SwapRepair.lifted(frames, camera).frames();
        float[][] out = new float[repaired.size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = of(repaired.get(k), camera);
        }
        return List.of(withFootMotion(out));
    }
}
