package dev.mocap.train;

import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.filter.OddExtension;
import dev.mocap.filter.RefinerWindow;
import dev.mocap.filter.RotationPath;

import java.util.Arrays;

/**
 * Training pairs for the refiner: windows of a noisy channel and of the clean channel in the same
 * coordinates, both normalised with the noisy window's {@link RefinerWindow}. Channels are those
 * the refiner works on at run time: the three root axes (metres) and each joint's rotation path
 * ({@link RotationPath}, radians). The clean rotation in the noisy path's coordinates is the
 * noisy path plus log(q_noisy⁻¹ · q_clean), the correction the refiner should produce. Channels
 * are padded by half a window at both ends as at run time ({@link OddExtension}).
 */
final class WindowSet {
    private static final int FRAMES = RefinerWindow.FRAMES;

    private float[] inputs = new float[1 << 20];
    private float[] targets = new float[1 << 20];
    private int count;

    int size() {
        return count;
    }

    float[] inputs() {
        return Arrays.copyOf(inputs, count * FRAMES);
    }

    float[] targets() {
        return Arrays.copyOf(targets, count * FRAMES);
    }

    /** Adds the windows of every channel of {@code noisy} against {@code clean}, one every {@code stride} frames. */
    void add(Motion clean, Motion noisy, int stride) {
        int n = clean.frameCount();
        for (int a = 0; a < 3; a++) {
            double[] x = new double[n], y = new double[n];
            for (int t = 0; t < n; t++) {
                x[t] = noisy.rootPositions()[t].get(a);
                y[t] = clean.rootPositions()[t].get(a);
            }
            addChannel(x, y, stride);
        }
        Quat[] track = new Quat[n];
        for (int j = 0; j < clean.skeleton().size(); j++) {
            for (int t = 0; t < n; t++) {
                track[t] = noisy.rotations().get(t, j);
            }
            RotationPath path = RotationPath.of(track);
            double[][] target = new double[3][n];
            for (int t = 0; t < n; t++) {
                var correction = noisy.rotations().get(t, j).conjugate().times(clean.rotations().get(t, j)).log();
                for (int a = 0; a < 3; a++) {
                    target[a][t] = path.axis(a)[t] + correction.get(a);
                }
            }
            for (int a = 0; a < 3; a++) {
                addChannel(path.axis(a), target[a], stride);
            }
        }
    }

    private void addChannel(double[] noisy, double[] clean, int stride) {
        double[] x = OddExtension.padded(noisy, FRAMES / 2), y = OddExtension.padded(clean, FRAMES / 2);
        for (int start = 0; start + FRAMES <= x.length; start += stride) {
            if ((count + 1) * FRAMES > inputs.length) {
                inputs = Arrays.copyOf(inputs, inputs.length * 2);
                targets = Arrays.copyOf(targets, targets.length * 2);
            }
            RefinerWindow window = RefinerWindow.fit(x, start);
            for (int i = 0; i < FRAMES; i++) {
                inputs[count * FRAMES + i] = window.normalised(x[start + i], i);
                targets[count * FRAMES + i] = window.normalised(y[start + i], i);
            }
            count++;
        }
    }
}
