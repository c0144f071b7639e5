package dev.mocap.bench;

import dev.mocap.nn.Device;
import dev.mocap.nn.OnnxSession;
import dev.mocap.recover.LearnedLifter;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** How long a lifting network takes on one core per output frame: the median of timed chunks of {@value LearnedLifter#CHUNK} frames. */
final class LifterSpeed {
    private static final int WARM_UP = 3, RUNS = 15;

    private LifterSpeed() {
    }

    static double msPerFrame(Path model) {
        try (OnnxSession session = new OnnxSession(model, Device.CPU, 1, List.of(LearnedLifter.OUTPUT))) {
            Random random = new Random(1);
            FloatBuffer input = session.input();
            while (input.hasRemaining()) {
                input.put((float) random.nextGaussian());
            }
            double[] ms = new double[RUNS];
            for (int i = -WARM_UP; i < RUNS; i++) {
                long start = System.nanoTime();
                session.infer();
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(ms);
            return ms[RUNS / 2] / LearnedLifter.CHUNK;
        }
    }
}
