package dev.mocap.bench;

import dev.mocap.nn.Device;
import dev.mocap.nn.OnnxSession;
import dev.mocap.recover.LearnedLifter;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How long lifting networks take on one core per output frame. The networks are timed in turn,
 * {@value #ROUNDS} rounds of {@value #RUNS} chunks of {@value LearnedLifter#CHUNK} frames each;
 * a network's time is the best of its rounds' medians, so that a busy spell of a shared machine
 * falls on no network alone.
 */
final class LifterSpeed {
    private static final int WARM_UP = 3, RUNS = 15, ROUNDS = 8;

    private LifterSpeed() {
    }

    /** ms per output frame, by the names of {@code models}. */
    static Map<String, Double> msPerFrame(Map<String, Path> models) {
        Map<String, OnnxSession> sessions = new LinkedHashMap<>();
        try {
            Random random = new Random(1);
            models.forEach((name, file) -> {
                OnnxSession session = new OnnxSession(file, Device.CPU, 1, List.of(LearnedLifter.OUTPUT));
                sessions.put(name, session);
                FloatBuffer input = session.input();
                while (input.hasRemaining()) {
                    input.put((float) random.nextGaussian());
                }
            });
            Map<String, Double> best = new LinkedHashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                sessions.forEach((name, session) -> best.merge(name, medianMs(session) / LearnedLifter.CHUNK, Math::min));
            }
            return best;
        } finally {
            sessions.values().forEach(OnnxSession::close);
        }
    }

    private static double medianMs(OnnxSession session) {
        double[] ms = new double[RUNS];
        for (int i = -WARM_UP; i < RUNS; i++) {
            long start = System.nanoTime();
            session.infer();
            if (i >= 0) {
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }
}
