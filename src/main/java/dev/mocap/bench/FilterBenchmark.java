package dev.mocap.bench;

import dev.mocap.body.Motion;
import dev.mocap.body.PoseErrors;
import dev.mocap.filter.EstimatorNoise;
import dev.mocap.filter.MotionFilter;
import dev.mocap.filter.SmoothingPreset;
import dev.mocap.nn.ModelStore;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Compares every smoothing preset, the learned refiner included, on the CMU clips the refiner was
 * not trained on ({@link CmuClips#HELD_OUT}) with estimator-like errors
 * ({@link EstimatorNoise#perFrameEstimator()}) put on the clip's own joints: each clip, read at
 * 120 fps, is taken down to 30 fps (the rate of the videos) at each of its four frame phases,
 * each made noisy with its own fixed seed, filtered, and compared with the clean clip on joint
 * positions ({@link PoseErrors}: acceleration error, MPJPE, PA-MPJPE over every joint of the CMU
 * skeleton). Working on the clip's own skeleton keeps recovery's errors out of the comparison.
 * The time is for filtering a 10 000-frame motion (a clip repeated), median of five runs after
 * warm-up.
 */
public final class FilterBenchmark {
    private static final int TIMED_FRAMES = 10_000, RUNS = 5;

    private record Pair(Motion clean, Motion noisy) {
    }

    private final ModelStore models;
    private final PrintStream out;

    public FilterBenchmark(ModelStore models, PrintStream out) {
        this.models = models;
        this.out = out;
    }

    public void run(Path cmuDir) {
        List<Pair> pairs = new ArrayList<>();
        for (CmuClips.Clip clip : CmuClips.HELD_OUT) {
            Motion full = CmuClips.read(cmuDir, clip);
            for (int phase = 0; phase < CmuClips.STEP_TO_30_FPS; phase++) {
                Motion clean = CmuClips.every(full, phase, CmuClips.STEP_TO_30_FPS);
                Random seed = new Random(clip.file().hashCode() + 31L * phase);
                pairs.add(new Pair(clean, EstimatorNoise.perFrameEstimator().applyTo(clean, seed)));
            }
        }
        Motion timed = pairs.get(pairs.size() - 1).noisy().looped(TIMED_FRAMES);
        double[] noisy = errors(pairs, MotionFilter.NONE);
        int frames = pairs.stream().mapToInt(p -> p.clean().frameCount()).sum();
        out.printf(Locale.ROOT, "Filters on the held-out CMU clips %s (each at its 4 frame phases: %d frames at 30 fps)"
                + " with estimator-like noise on every joint%n", CmuClips.HELD_OUT.stream().map(CmuClips.Clip::file).toList(), frames);
        out.printf(Locale.ROOT, "%-12s %11s %9s %8s %8s %9s %12s%n", "filter", "accel err", "accel Δ", "MPJPE", "MPJPE Δ", "PA-MPJPE",
                "10k frames");
        out.printf(Locale.ROOT, "%-12s %11.2f %9s %8.1f %8s %9.1f %12s%n", "noisy input", noisy[0], "", noisy[1], "", noisy[2], "");
        for (SmoothingPreset preset : SmoothingPreset.values()) {
            if (preset == SmoothingPreset.NONE) {
                continue;
            }
            MotionFilter filter = preset.filter(() -> models);
            double[] e = errors(pairs, filter);
            out.printf(Locale.ROOT, "%-12s %11.2f %8.1f%% %8.1f %+7.1f%% %9.1f %9.0f ms%n", preset.cliName(), e[0],
                    100 * (e[0] - noisy[0]) / noisy[0], e[1], 100 * (e[1] - noisy[1]) / noisy[1], e[2],
                    1000 * Timing.medianSeconds(() -> filter.apply(timed), 2, RUNS));
        }
        out.println("accel err in mm/frame², MPJPE and PA-MPJPE in mm, means over clips weighted by frames; Δ vs the noisy input");
        out.println("noise: " + EstimatorNoise.perFrameEstimator());
    }

    /** Frame-weighted mean accel error, MPJPE and PA-MPJPE of the filtered noisy clips. */
    private static double[] errors(List<Pair> pairs, MotionFilter filter) {
        double[] sum = new double[3];
        int frames = 0;
        for (Pair p : pairs) {
            PoseErrors e = PoseErrors.of(filter.apply(p.noisy()), p.clean());
            int n = p.clean().frameCount();
            sum[0] += e.accelError() * n;
            sum[1] += e.mpjpe() * n;
            sum[2] += e.paMpjpe() * n;
            frames += n;
        }
        for (int i = 0; i < 3; i++) {
            sum[i] /= frames;
        }
        return sum;
    }
}
