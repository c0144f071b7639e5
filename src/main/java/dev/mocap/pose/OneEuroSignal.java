package dev.mocap.pose;

/**
 * The One-Euro low-pass filter (Casiez et al. 2012) on one signal, a sample at a time as it
 * arrives (the tracker's alignment points; the {@code one-euro} smoothing preset runs it over a
 * motion's channels): the cut-off frequency rises with the speed of the signal, so slow motion is
 * smoothed strongly and fast motion lags little. Speeds are multiplied by a value scale, so
 * {@code beta} can be given relative to the object's size.
 */
public final class OneEuroSignal {
    private final double minCutoff;
    private final double beta;
    private final double derivativeCutoff;
    private double lastTime = Double.NaN;
    private double lastValue;
    private double lastDerivative;

    /** Cut-offs in Hz; {@code beta} in Hz per (scaled unit per second). */
    public OneEuroSignal(double minCutoff, double beta, double derivativeCutoff) {
        this.minCutoff = minCutoff;
        this.beta = beta;
        this.derivativeCutoff = derivativeCutoff;
    }

    /** Filters {@code value} observed at {@code time} seconds. */
    public double apply(double time, double value, double valueScale) {
        if (Double.isNaN(lastTime) || time <= lastTime) {
            lastTime = time;
            lastValue = value;
            lastDerivative = 0;
            return value;
        }
        double dt = time - lastTime;
        double derivative = (value - lastValue) * valueScale / dt;
        lastDerivative += alpha(derivativeCutoff, dt) * (derivative - lastDerivative);
        double cutoff = minCutoff + beta * Math.abs(lastDerivative);
        lastValue += alpha(cutoff, dt) * (value - lastValue);
        lastTime = time;
        return lastValue;
    }

    public void reset() {
        lastTime = Double.NaN;
    }

    private static double alpha(double cutoff, double dt) {
        double tau = 1 / (2 * Math.PI * cutoff);
        return 1 / (1 + tau / dt);
    }
}
