package dev.mocap.filter;

import dev.mocap.nn.Device;
import dev.mocap.nn.ModelStore;
import dev.mocap.nn.OnnxSession;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SmoothNet-style learned refiner ({@code --smooth learned}, model card
 * {@code models/REFINER.md}) on ONNX Runtime, as a {@link SignalFilter}: through
 * {@link TangentSpaceFilter} it refines root translation and the rotation paths of every joint,
 * which keeps rotations hemisphere-consistent. A channel is continued by
 * {@link OddExtension point reflection} by half a window at each end (so clips of any length,
 * even a single frame, fill whole windows), cut into {@link RefinerWindow windows} every
 * {@value #STRIDE} frames, refined in batches, and the overlapping windows are averaged with
 * weights that favour each window's middle. The network was trained at
 * {@value #TRAINED_FPS} fps; other rates are resampled to it and back (linear interpolation).
 * Not for concurrent use.
 */
public final class LearnedRefiner implements SignalFilter {
    public static final double TRAINED_FPS = 30;
    static final int STRIDE = 8;
    private static final int FRAMES = RefinerWindow.FRAMES;
    private static final double[] BLEND = blendWeights();

    private final OnnxSession session;
    private final int batch;

    public LearnedRefiner(Path model, int threads) {
        session = new OnnxSession(model, Device.CPU, threads, List.of(RefinerNetwork.OUTPUT));
        batch = (int) session.inputShape()[0];
    }

    /** Refiners loaded in this process, by model file: a session is costly to open, and jobs share it. */
    private static final Map<Path, LearnedRefiner> LOADED = new HashMap<>();

    /**
     * The refiner of {@code models} ({@link ModelStore#refiner()}), loaded once per process; a
     * missing or corrupt file is a {@link dev.mocap.MocapException} (MODEL_MISSING).
     */
    public static synchronized LearnedRefiner of(ModelStore models) {
        return LOADED.computeIfAbsent(models.refiner(),
                model -> new LearnedRefiner(model, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    @Override
    public double[] apply(double[] samples, double fps) {
        if (samples.length == 0) {
            return new double[0];
        }
        if (Math.abs(fps - TRAINED_FPS) < 1e-6 * TRAINED_FPS) {
            return refine(samples);
        }
        int n30 = Math.max(1, (int) Math.round((samples.length - 1) * TRAINED_FPS / fps) + 1);
        double[] refined = refine(resample(samples, n30));
        return resample(refined, samples.length);
    }

    /** One session with one input buffer: callers on several threads (batch --jobs) take turns. */
    private synchronized double[] refine(double[] x) {
        int pad = FRAMES / 2;
        double[] padded = OddExtension.padded(x, pad);
        int lastStart = padded.length - FRAMES;
        int windows = lastStart / STRIDE + (lastStart % STRIDE == 0 ? 1 : 2);
        double[] sum = new double[padded.length], weight = new double[padded.length];
        RefinerWindow[] fitted = new RefinerWindow[batch];
        int[] starts = new int[batch];
        for (int first = 0; first < windows; first += batch) {
            int count = Math.min(batch, windows - first);
            FloatBuffer input = session.input();
            for (int k = 0; k < batch; k++) {
                if (k < count) {
                    starts[k] = Math.min((first + k) * STRIDE, lastStart);
                    fitted[k] = RefinerWindow.fit(padded, starts[k]);
                }
                for (int i = 0; i < FRAMES; i++) {
                    input.put(k < count ? fitted[k].normalised(padded[starts[k] + i], i) : 0f);
                }
            }
            float[] in = session.inputCopy();
            float[] out = session.run().get(RefinerNetwork.OUTPUT);
            for (int k = 0; k < count; k++) {
                for (int i = 0; i < FRAMES; i++) {
                    int t = starts[k] + i, at = k * FRAMES + i;
                    sum[t] += BLEND[i] * (padded[t] + fitted[k].scale() * (out[at] - in[at]));
                    weight[t] += BLEND[i];
                }
            }
        }
        double[] refined = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            refined[t] = sum[t + pad] / weight[t + pad];
        }
        return refined;
    }

    /** A raised sine over the window, never zero, so every frame a window covers gets a say. */
    private static double[] blendWeights() {
        double[] w = new double[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            double s = Math.sin(Math.PI * (i + 0.5) / FRAMES);
            w[i] = s * s;
        }
        return w;
    }

    /** {@code x} linearly interpolated to {@code n} samples spanning the same time. */
    static double[] resample(double[] x, int n) {
        double[] out = new double[n];
        double step = n == 1 ? 0 : (x.length - 1) / (double) (n - 1);
        for (int k = 0; k < n; k++) {
            double at = k * step;
            int i = Math.min((int) at, x.length - 1), j = Math.min(i + 1, x.length - 1);
            out[k] = x[i] + (at - i) * (x[j] - x[i]);
        }
        return out;
    }
}
