package dev.mocap.filter;

/** Zero-phase convolution with a symmetric kernel of odd length (the centre tap in the middle). */
final class SymmetricKernel {

    static double[] convolve(double[] x, double[] kernel) {
        if (x.length == 0) {
            return new double[0];
        }
        int radius = kernel.length / 2;
        double[] padded = OddExtension.padded(x, radius);
        double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            double sum = 0;
            for (int k = 0; k < kernel.length; k++) {
                sum += kernel[k] * padded[t + k];
            }
            out[t] = sum;
        }
        return out;
    }

    private SymmetricKernel() {
    }
}
