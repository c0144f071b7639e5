package dev.mocap.math;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhittakerSmootherTest {

    @Test
    void whittakerKeepsLinesAndRemovesNoise() {
        int n = 200;
        double[] line = new double[n], noisy = new double[n], weight = new double[n];
        Random random = new Random(7);
        for (int i = 0; i < n; i++) {
            line[i] = 2 + 0.01 * i;
            noisy[i] = line[i] + 0.1 * random.nextGaussian();
            weight[i] = 0.5 + random.nextDouble();
        }
        double lambda = WhittakerSmoother.lambda(1, 30);
        double[] kept = WhittakerSmoother.smooth(line, weight, lambda);
        for (int i = 0; i < n; i++) {
            assertEquals(line[i], kept[i], 1e-9);
        }
        double[] smoothed = WhittakerSmoother.smooth(noisy, weight, lambda);
        double before = 0, after = 0;
        for (int i = 0; i < n; i++) {
            before += Math.pow(noisy[i] - line[i], 2);
            after += Math.pow(smoothed[i] - line[i], 2);
        }
        assertTrue(after < 0.1 * before, after + " vs " + before);
        assertEquals(noisy[5], WhittakerSmoother.smooth(noisy, weight, 0)[5]);
        // λ = ω_c⁻⁴ at the cut-off: a sine there keeps 1/(1 + 1) of its amplitude in the middle of a long clip.
        double[] sine = new double[2000], ones = new double[2000];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = Math.sin(2 * Math.PI * 1.0 / 30 * i);
            ones[i] = 1;
        }
        double[] s = WhittakerSmoother.smooth(sine, ones, lambda);
        double peak = 0;
        for (int i = 900; i < 1100; i++) {
            peak = Math.max(peak, Math.abs(s[i]));
        }
        assertEquals(0.5, peak, 0.01);
    }
}
