package dev.mocap.filter;

/** A smoother of one scalar channel sampled at a constant rate. */
@FunctionalInterface
public interface SignalFilter {
    /** The filtered samples (a new array of the same length); {@code fps} is the sample rate in Hz. */
    double[] apply(double[] samples, double fps);
}
