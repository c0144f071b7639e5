package dev.mocap.filter;

/**
 * How one window of {@link #FRAMES} samples of a channel is put into the learned refiner's units,
 * so that one network serves rotation channels (radians) and root channels (metres) alike: the
 * least-squares line through the window is taken away and what remains is divided by its RMS
 * (at least {@link #MIN_SCALE}). The network thus sees only the window's shape; the line and the
 * scale are put back afterwards, and since the network's output is a residual on its input, a
 * refined sample is {@code x + scale · (output − input)} in the channel's own units.
 */
public final class RefinerWindow {
    public static final int FRAMES = 32;
    /** Floor of the scale (1 mrad or 1 mm): a window of constant samples is left as it is. */
    public static final double MIN_SCALE = 1e-3;
    private static final double CENTRE = (FRAMES - 1) / 2.0;

    private final double mean;
    private final double slope;
    private final double scale;

    private RefinerWindow(double mean, double slope, double scale) {
        this.mean = mean;
        this.slope = slope;
        this.scale = scale;
    }

    /** The normalisation of the window {@code x[start .. start + FRAMES)}. */
    public static RefinerWindow fit(double[] x, int start) {
        double sum = 0, moment = 0, spread = 0;
        for (int i = 0; i < FRAMES; i++) {
            double t = i - CENTRE;
            sum += x[start + i];
            moment += t * x[start + i];
            spread += t * t;
        }
        double mean = sum / FRAMES, slope = moment / spread, squares = 0;
        for (int i = 0; i < FRAMES; i++) {
            double r = x[start + i] - mean - slope * (i - CENTRE);
            squares += r * r;
        }
        return new RefinerWindow(mean, slope, Math.max(Math.sqrt(squares / FRAMES), MIN_SCALE));
    }

    /** Sample {@code value} at window position {@code i} in the network's units. */
    public float normalised(double value, int i) {
        return (float) ((value - mean - slope * (i - CENTRE)) / scale);
    }

    public double scale() {
        return scale;
    }
}
