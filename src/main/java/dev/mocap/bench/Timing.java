package dev.mocap.bench;

import java.util.Arrays;

/** How the benchmarks time a piece of work: warm-up runs first, then the median of timed runs. */
final class Timing {

    static double medianSeconds(Runnable work, int warmUps, int runs) {
        for (int i = 0; i < warmUps; i++) {
            work.run();
        }
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    private Timing() {
    }
}
