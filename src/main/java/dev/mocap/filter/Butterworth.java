package dev.mocap.filter;

/**
 * Zero-phase Butterworth low-pass (offline): the filter runs forwards, then backwards, so nothing
 * lags. {@code cutoffHz} is where the combined response is −3 dB (the design frequency is raised
 * to make up for the second pass); frequencies well below it pass unchanged, those above fall off
 * at 2 · 6 · {@code order} dB per octave. Realised as second-order sections (bilinear transform,
 * pre-warped), started in their steady state on a point-reflected continuation of the clip so the
 * ends do not droop.
 */
public record Butterworth(double cutoffHz, int order) implements SignalFilter {

    public Butterworth {
        if (!(cutoffHz > 0)) {
            throw new IllegalArgumentException("the cut-off must be a positive frequency: " + cutoffHz);
        }
        if (order < 1 || order > 8) {
            throw new IllegalArgumentException("the order must be 1 to 8: " + order);
        }
    }

    /** One section, a0 = 1: y = b0·x + b1·x₋₁ + b2·x₋₂ − a1·y₋₁ − a2·y₋₂. */
    private record Section(double b0, double b1, double b2, double a1, double a2) {
        void run(double[] x) {
            // Transposed direct form II, in the state a constant input x[0] would have settled to.
            double z1 = (b1 + b2 - a1 - a2) * x[0], z2 = (b2 - a2) * x[0];
            for (int t = 0; t < x.length; t++) {
                double in = x[t], out = b0 * in + z1;
                z1 = b1 * in - a1 * out + z2;
                z2 = b2 * in - a2 * out;
                x[t] = out;
            }
        }
    }

    @Override
    public double[] apply(double[] samples, double fps) {
        if (samples.length < 2 || cutoffHz >= fps / 2) {
            return samples.clone();
        }
        Section[] sections = design(fps);
        int pad = 3 * (int) Math.ceil(fps / cutoffHz);
        double[] x = OddExtension.padded(samples, pad);
        for (int pass = 0; pass < 2; pass++) {
            for (Section s : sections) {
                s.run(x);
            }
            reverse(x);
        }
        double[] out = new double[samples.length];
        System.arraycopy(x, pad, out, 0, out.length);
        return out;
    }

    private Section[] design(double fps) {
        // Two passes square the magnitude: |H(fc)|² = 1/√2 needs the analogue cut-off at
        // Ω(fc) / (√2 − 1)^(1/(2·order)).
        double warped = Math.tan(Math.PI * cutoffHz / fps) / Math.pow(Math.sqrt(2) - 1, 1.0 / (2 * order));
        double w0 = 2 * Math.atan(warped);
        Section[] sections = new Section[(order + 1) / 2];
        for (int k = 0; k < order / 2; k++) {
            double q = 1 / (2 * Math.sin(Math.PI * (2 * k + 1) / (2 * order)));
            double alpha = Math.sin(w0) / (2 * q), cos = Math.cos(w0), a0 = 1 + alpha;
            sections[k] = new Section((1 - cos) / 2 / a0, (1 - cos) / a0, (1 - cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0);
        }
        if (order % 2 == 1) {
            double k = warped;
            sections[sections.length - 1] = new Section(k / (1 + k), k / (1 + k), 0, (k - 1) / (k + 1), 0);
        }
        return sections;
    }

    private static void reverse(double[] x) {
        for (int i = 0, j = x.length - 1; i < j; i++, j--) {
            double t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }
}
