package dev.mocap.pipeline;

import dev.mocap.MocapException;
import dev.mocap.ExitCode;
import dev.mocap.body.Motion;
import dev.mocap.body.PoseErrors;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;
import dev.mocap.export.bvh.BvhReader;
import dev.mocap.filter.EstimatorNoise;
import dev.mocap.filter.MotionFilter;
import dev.mocap.filter.SmoothingPreset;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Compares the smoothing presets on CMU mocap clips with estimator-like errors
 * ({@link EstimatorNoise#perFrameEstimator()}) put on the clip's own joints: each clip, read at
 * 120 fps and taken down to 30 fps (the rate of the videos), is made noisy with a fixed seed,
 * filtered, and compared with the clean clip on joint positions ({@link PoseErrors}: acceleration
 * error, MPJPE, PA-MPJPE over every joint of the CMU skeleton). Working on the clip's own
 * skeleton keeps recovery's errors out of the comparison. The time is for filtering a
 * 10 000-frame motion (the clips repeated), median of five runs after warm-up.
 */
public final class FilterBenchmark {
    /** One CMU length unit, (1/0.45) inch, in metres. */
    public static final double CMU_UNIT = 0.056444;
    private static final int STEP = 4;
    private static final int TIMED_FRAMES = 10_000, RUNS = 5;

    private record Clip(String file, int firstFrame) {
    }

    /** The four CMU clips of the test data; the jump, run and dance files start with a T-pose frame. */
    private static final List<Clip> CLIPS = List.of(new Clip("cmu_131_01_walk.bvh", 0), new Clip("cmu_01_01_jump.bvh", 1),
            new Clip("cmu_09_11_run.bvh", 1), new Clip("cmu_55_01_dance.bvh", 1));

    private record Pair(Motion clean, Motion noisy) {
    }

    private final PrintStream out;

    public FilterBenchmark(PrintStream out) {
        this.out = out;
    }

    public void run(Path cmuDir) {
        List<Pair> pairs = new ArrayList<>();
        for (Clip clip : CLIPS) {
            Motion clean = every(read(cmuDir.resolve(clip.file())), clip.firstFrame(), STEP);
            pairs.add(new Pair(clean, EstimatorNoise.perFrameEstimator().applyTo(clean, new Random(clip.file().hashCode()))));
        }
        Motion timed = pairs.get(0).noisy().looped(TIMED_FRAMES);
        double[] noisy = errors(pairs, MotionFilter.NONE);
        int frames = pairs.stream().mapToInt(p -> p.clean().frameCount()).sum();
        out.printf(Locale.ROOT, "Classic filters on %d CMU clips (%d frames at 30 fps) with estimator-like noise on every joint%n",
                pairs.size(), frames);
        out.printf(Locale.ROOT, "%-12s %11s %9s %8s %8s %9s %12s%n", "filter", "accel err", "accel Δ", "MPJPE", "MPJPE Δ", "PA-MPJPE",
                "10k frames");
        out.printf(Locale.ROOT, "%-12s %11.2f %9s %8.1f %8s %9.1f %12s%n", "noisy input", noisy[0], "", noisy[1], "", noisy[2], "");
        for (SmoothingPreset preset : SmoothingPreset.values()) {
            if (preset == SmoothingPreset.NONE) {
                continue;
            }
            double[] e = errors(pairs, preset.filter());
            out.printf(Locale.ROOT, "%-12s %11.2f %8.1f%% %8.1f %+7.1f%% %9.1f %9.0f ms%n", preset.cliName(), e[0],
                    100 * (e[0] - noisy[0]) / noisy[0], e[1], 100 * (e[1] - noisy[1]) / noisy[1], e[2],
                    1000 * Timing.medianSeconds(() -> preset.filter().apply(timed), 2, RUNS));
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

    private static Motion read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MocapException(ExitCode.BAD_INPUT, "CMU clip not found: " + file);
        }
        try {
            return BvhReader.read(file, CMU_UNIT);
        } catch (IOException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every {@code step}-th frame from {@code first}. */
    private static Motion every(Motion m, int first, int step) {
        int n = (m.frameCount() - first + step - 1) / step;
        Vec3[] root = new Vec3[n];
        Quat[][] rotations = new Quat[n][];
        for (int k = 0; k < n; k++) {
            root[k] = m.rootPositions()[first + k * step];
            rotations[k] = m.rotations()[first + k * step];
        }
        return new Motion(m.skeleton(), m.fps() / step, root, rotations);
    }
}
