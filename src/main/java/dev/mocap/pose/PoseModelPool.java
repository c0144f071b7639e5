package dev.mocap.pose;

import dev.mocap.nn.Device;
import dev.mocap.nn.ModelStore;
import dev.mocap.nn.PoseModel;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The pose models of this JVM, opened once and kept for all its conversions: a conversion borrows
 * a set ({@link #lend}) and gives it back when its video is done, and the next conversion with
 * the same models and settings takes that set instead of loading its own. A set serves one
 * conversion at a time, so a JVM opens as many sets as it ran conversions at once: one per
 * {@code --jobs} worker of {@code mocap batch}, one per task slot of a Spark executor.
 *
 * <p>Only the sets of the settings asked for last are kept: asking for other models or settings
 * closes the idle sets of the earlier ones. Idle sets are closed when the JVM ends, or earlier
 * with {@link #closeIdle()}; a set still lent is closed by neither, so no conversion loses its models.
 */
public final class PoseModelPool {
    private static final PoseModelPool SHARED = new PoseModelPool();

    /** What tells sets apart: the model files as they are on disk (path, size, time), and how they run. */
    private record Key(String detector, String landmarks, Device device, int threads, float minDetectionScore) {
        static Key of(ModelStore store, PoseOptions options) {
            return new Key(fingerprint(store.onnx(PoseModel.DETECTOR)), fingerprint(store.onnx(options.model())), options.device(),
                    options.threads(), options.minDetectionScore());
        }

        private static String fingerprint(Path file) {
            File f = file.toFile();
            return f.getAbsolutePath() + "|" + f.length() + "|" + f.lastModified();
        }
    }

    private final Map<Key, Deque<PoseModels>> idle = new HashMap<>();
    private int opened, lent;
    private boolean closesAtExit;

    PoseModelPool() {
    }

    /** The pool of this JVM, which {@code convert}, {@code batch} and Spark's executors share. */
    public static PoseModelPool shared() {
        return SHARED;
    }

    /**
     * A set of the models that {@code options} name, from the pool or newly opened; give it back
     * by closing the lease. The model files are verified first (MODEL_MISSING when one is absent or corrupt).
     */
    public Lease lend(ModelStore store, PoseOptions options) {
        Key key = Key.of(store, options);
        synchronized (this) {
            closeIdleExcept(key);
            Deque<PoseModels> free = idle.get(key);
            if (free != null && !free.isEmpty()) {
                lent++;
                return new Lease(key, free.pollFirst());
            }
        }
        PoseModels models = PoseModels.open(store, options); // outside the lock: loading takes a while, other tasks go on
        synchronized (this) {
            opened++;
            lent++;
            closeIdleAtExit();
        }
        return new Lease(key, models);
    }

    /** One set lent to one conversion; closing it gives the set back to the pool (once). */
    public final class Lease implements AutoCloseable {
        private final Key key;
        private PoseModels models;

        private Lease(Key key, PoseModels models) {
            this.key = key;
            this.models = models;
        }

        public PoseModels models() {
            if (models == null) {
                throw new IllegalStateException("pose models already given back");
            }
            return models;
        }

        @Override
        public void close() {
            if (models != null) {
                giveBack(key, models);
                models = null;
            }
        }
    }

    private synchronized void giveBack(Key key, PoseModels models) {
        idle.computeIfAbsent(key, k -> new ArrayDeque<>()).addFirst(models);
    }

    /** Closes the sets that no conversion has now (the end of a job in a JVM that goes on). */
    public synchronized void closeIdle() {
        closeIdleExcept(null);
    }

    private void closeIdleExcept(Key kept) {
        for (Iterator<Map.Entry<Key, Deque<PoseModels>>> it = idle.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Deque<PoseModels>> e = it.next();
            if (!e.getKey().equals(kept)) {
                e.getValue().forEach(PoseModels::close);
                it.remove();
            }
        }
    }

    private void closeIdleAtExit() {
        if (!closesAtExit) {
            closesAtExit = true;
            Runtime.getRuntime().addShutdownHook(new Thread(this::closeIdle, "mocap-pose-models"));
        }
    }

    /** How many sets this pool has opened so far. */
    public synchronized int opened() {
        return opened;
    }

    /** How many sets this pool has lent so far, new or kept. */
    public synchronized int lent() {
        return lent;
    }
}
