package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.FramePose;

import java.util.ArrayList;
import java.util.List;

/**
 * What the learned lifting network sees of one frame ({@value #SIZE} numbers): the 33 image
 * landmarks in normalised camera coordinates ((u − cx)/f, (v − cy)/f), relative to the mid-hip
 * and divided by the body's image size s (RMS distance of the twelve limb joints from the
 * mid-hip); the world-landmark shape relative to the mid-hip in metres; the 33 landmark weights;
 * and the mid-hip's normalised position and ln s, which carry the perspective.
 */
public final class LiftingFeatures {
    public static final int SIZE = 33 * 2 + 33 * 3 + 33 + 3;

    private LiftingFeatures() {
    }

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
     * The observations the recovery would lift from these frames (camera at the origin,
     * left/right swaps repaired), as the network's inputs: for training on synthetic landmarks.
     */
    public static List<float[]> forTraining(List<FramePose> frames, Camera camera) {
        List<Observation> lifted = new ArrayList<>(frames.size());
        for (FramePose f : frames) {
            lifted.add(Lifter.lift(f.timestamp(), f.landmarks(), camera, 1));
        }
        List<float[]> out = new ArrayList<>(frames.size());
        for (Observation o : SwapRepair.repair(lifted).frames()) {
            out.add(of(o, camera));
        }
        return out;
    }
}
