package dev.mocap.filter;

/**
 * Zero-phase Gaussian smoothing (offline): each sample becomes the Gaussian-weighted mean of its
 * neighbours. {@code sigmaSeconds} is the kernel's standard deviation in seconds, so the same
 * setting smooths alike at any frame rate; the response halves at about 0.19 / sigma Hz
 * (σ = 0.04 s: ≈ 4.7 Hz).
 */
public record GaussianSmoothing(double sigmaSeconds) implements SignalFilter {

    public GaussianSmoothing {
        if (!(sigmaSeconds >= 0)) {
            throw new IllegalArgumentException("sigma must be zero or more seconds: " + sigmaSeconds);
        }
    }

    @Override
    public double[] apply(double[] samples, double fps) {
        double sigma = sigmaSeconds * fps;
        if (sigma < 1e-3) {
            return samples.clone();
        }
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = Math.exp(-0.5 * k * k / (sigma * sigma));
            sum += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= sum;
        }
        return SymmetricKernel.convolve(samples, kernel);
    }
}
