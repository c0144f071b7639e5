package dev.mocap.filter;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalFiltersTest {
    private static final double FPS = 30;
    private static final List<SignalFilter> ALL = List.of(new GaussianSmoothing(0.04), new Butterworth(4, 2), new Butterworth(6, 5),
            new SavitzkyGolay(11, 3), new OneEuroSmoothing(1.5, 0.5, 1));

    @Test
    void constantsStayConstantAtAnyLength() {
        for (SignalFilter f : ALL) {
            for (int n : new int[]{0, 1, 2, 3, 7, 200}) {
                double[] x = new double[n];
                java.util.Arrays.fill(x, 0.7);
                assertArrayEquals(x, f.apply(x, FPS), 1e-9, f + " on " + n + " samples");
            }
        }
    }

    @Test
    void zeroPhaseFiltersKeepStraightLinesEvenOnShortClips() {
        for (SignalFilter f : List.of(new GaussianSmoothing(0.04), new SavitzkyGolay(11, 3), new Butterworth(4, 2))) {
            for (int n : new int[]{2, 5, 100}) {
                double[] x = new double[n];
                for (int t = 0; t < n; t++) {
                    x[t] = 0.3 - 0.02 * t;
                }
                assertArrayEquals(x, f.apply(x, FPS), 1e-6, f + " on " + n + " samples");
            }
        }
    }

    @Test
    void butterworthPassesLowFrequenciesAndIsHalfPowerAtTheCutoff() {
        Butterworth f = new Butterworth(4, 2);
        assertEquals(1, gain(f, 0.5), 0.01);
        assertEquals(Math.sqrt(0.5), gain(f, 4), 0.02);
        assertTrue(gain(f, 10) < 0.05);
    }

    @Test
    void gaussianGainIsThatOfItsKernel() {
        double sigma = 0.04, hz = 3;
        assertEquals(Math.exp(-2 * Math.PI * Math.PI * sigma * sigma * hz * hz), gain(new GaussianSmoothing(sigma), hz), 0.01);
    }

    @Test
    void savitzkyGolayKeepsCubicsAndDampsFastNoise() {
        double[] x = new double[60];
        for (int t = 0; t < x.length; t++) {
            x[t] = 0.001 * Math.pow(t - 30, 3) - 0.01 * t * t;
        }
        double[] y = new SavitzkyGolay(11, 3).apply(x, FPS);
        for (int t = 5; t < 55; t++) {
            assertEquals(x[t], y[t], 1e-9);
        }
        assertTrue(gain(new SavitzkyGolay(11, 3), 12) < 0.2);
    }

    @Test
    void oneEuroSmoothsSlowJitterAndFollowsFastMotion() {
        Random r = new Random(1);
        double[] still = new double[300];
        for (int t = 0; t < still.length; t++) {
            still[t] = 0.01 * r.nextGaussian();
        }
        double[] y = new OneEuroSmoothing(1.5, 0.5, 1).apply(still, FPS);
        assertTrue(rms(y, 30) < 0.5 * rms(still, 30));
        assertTrue(gain(new OneEuroSmoothing(1.5, 0.5, 1), 0.3) > 0.9);
    }

    /** Output amplitude of a unit sine at {@code hz}, away from the clip's ends. */
    private static double gain(SignalFilter f, double hz) {
        double[] x = new double[600];
        for (int t = 0; t < x.length; t++) {
            x[t] = Math.sin(2 * Math.PI * hz * t / FPS);
        }
        double[] y = f.apply(x, FPS);
        return rms(y, 150) / rms(x, 150);
    }

    private static double rms(double[] x, int margin) {
        double sum = 0;
        for (int t = margin; t < x.length - margin; t++) {
            sum += x[t] * x[t];
        }
        return Math.sqrt(sum / (x.length - 2 * margin));
    }
}
