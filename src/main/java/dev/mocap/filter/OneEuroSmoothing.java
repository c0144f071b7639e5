package dev.mocap.filter;

import dev.mocap.pose.OneEuroSignal;

/**
 * The One-Euro filter ({@link OneEuroSignal}) over a whole channel of a motion (causal: each
 * frame depends only on earlier ones, so it also suits live use). Its cut-off rises from {@code minCutoffHz} with the channel's speed:
 * cut-off = minCutoffHz + beta · |speed| (speed in radians or metres per second, smoothed at
 * {@code derivativeCutoffHz}). Low min cut-off: still poses stay still; high beta: fast moves
 * lag less.
 */
public record OneEuroSmoothing(double minCutoffHz, double beta, double derivativeCutoffHz) implements SignalFilter {

    public OneEuroSmoothing {
        if (!(minCutoffHz > 0) || !(beta >= 0) || !(derivativeCutoffHz > 0)) {
            throw new IllegalArgumentException("One-Euro needs positive cut-offs and beta >= 0");
        }
    }

    @Override
    public double[] apply(double[] samples, double fps) {
        OneEuroSignal filter = new OneEuroSignal(minCutoffHz, beta, derivativeCutoffHz);
        double[] out = new double[samples.length];
        for (int t = 0; t < samples.length; t++) {
            out[t] = filter.apply(t / fps, samples[t], 1);
        }
        return out;
    }
}
