package dev.mocap.filter;

import dev.mocap.nn.ModelStore;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The smoothing choices of {@code --smooth}, each a classic filter or the learned refiner over the
 * motion's root translation and joint rotations ({@link TangentSpaceFilter}). Parameters are in seconds and Hz,
 * so a preset smooths alike at any frame rate.
 */
public enum SmoothingPreset {
    NONE("no smoothing", null),
    LIGHT("zero-phase Butterworth, 8 Hz cut-off, order 2: removes jitter only", (fps, models) -> new Butterworth(8, 2)),
    DEFAULT("zero-phase Butterworth, 5 Hz cut-off, order 2", (fps, models) -> new Butterworth(5, 2)),
    STRONG("zero-phase Gaussian, sigma 0.06 s (response halves at ~3 Hz): slow, calm motion",
            (fps, models) -> new GaussianSmoothing(0.06)),
    GAUSSIAN("zero-phase Gaussian, sigma 0.04 s (response halves at ~4.7 Hz)", (fps, models) -> new GaussianSmoothing(0.04)),
    BUTTERWORTH("zero-phase Butterworth, 4 Hz cut-off, order 4", (fps, models) -> new Butterworth(4, 4)),
    SAVGOL("Savitzky-Golay, cubic over a 0.37 s window (11 frames at 30 fps): keeps peaks",
            (fps, models) -> new SavitzkyGolay(oddFrames(0.37, fps), 3)),
    ONE_EURO("One-Euro (causal), min cut-off 1.5 Hz, beta 0.5, derivative cut-off 1 Hz",
            (fps, models) -> new OneEuroSmoothing(1.5, 0.5, 1)),
    LEARNED("SmoothNet-style learned refiner (ONNX), 32-frame windows at 30 fps; see models/REFINER.md",
            (fps, models) -> LearnedRefiner.of(models.get()));

    private final String description;
    /** The filter of one channel at a frame rate, given the models folder; null for {@link #NONE}. */
    private final BiFunction<Double, Supplier<ModelStore>, SignalFilter> signalFilter;

    SmoothingPreset(String description, BiFunction<Double, Supplier<ModelStore>, SignalFilter> signalFilter) {
        this.description = description;
        this.signalFilter = signalFilter;
    }

    /** The name on the command line: lower case, '-' for '_'. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String description() {
        return description;
    }

    /**
     * The preset as a filter ({@link MotionFilter#NONE} for {@link #NONE}); {@code models} is asked
     * for the models folder only when the learned refiner first runs, so that the other presets
     * never need one.
     */
    public MotionFilter filter(Supplier<ModelStore> models) {
        if (signalFilter == null) {
            return MotionFilter.NONE;
        }
        return motion -> new TangentSpaceFilter(signalFilter.apply(motion.fps(), models)).apply(motion);
    }

    public static SmoothingPreset parse(String name) {
        return Arrays.stream(values()).filter(p -> p.cliName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown smoothing '" + name + "' (one of: " + names() + ")"));
    }

    public static String names() {
        return Arrays.stream(values()).map(SmoothingPreset::cliName).collect(Collectors.joining(", "));
    }

    /** The odd number of frames nearest to {@code seconds} at {@code fps}, at least 3. */
    private static int oddFrames(double seconds, double fps) {
        return Math.max(3, 2 * (int) Math.round((seconds * fps - 1) / 2) + 1);
    }
}
