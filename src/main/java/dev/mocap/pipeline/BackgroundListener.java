package dev.mocap.pipeline;

import dev.mocap.pose.PeopleFrame;
import dev.mocap.video.VideoInfo;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands each tracked frame to another listener on a thread of its own, through a queue of at most
 * {@value #QUEUE} frames, so that recovering a finished window does not hold up tracking (it
 * took the tracking thread 1.1 ms a frame with the learned recovery). {@link #drain} waits until
 * the listener has seen every frame handed over and rethrows what it threw; after a failure the
 * next frame handed over rethrows it too, which stops the tracking.
 */
final class BackgroundListener implements LandmarksJob.FrameListener, AutoCloseable {
    static final int QUEUE = 64;
    /** Longer than recovering any window takes. */
    private static final long CLOSE_WAIT_SECONDS = 120;

    private final LandmarksJob.FrameListener target;
    private final String name;
    private final ExecutorService thread;
    private final Semaphore room = new Semaphore(QUEUE);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** {@code name}: the thread's, also in messages. */
    BackgroundListener(LandmarksJob.FrameListener target, String name) {
        this.target = target;
        this.name = name;
        thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void frame(VideoInfo video, PeopleFrame frame) {
        rethrowFailure();
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing a frame to " + name, e);
        }
        thread.execute(() -> {
            try {
                if (failure.get() == null) {
                    target.frame(video, frame);
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                room.release();
            }
        });
    }

    /** Waits until every frame handed over has been seen; rethrows the listener's failure. */
    void drain() {
        try {
            thread.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        rethrowFailure();
    }

    private void rethrowFailure() {
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error error) {
            throw error;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops the thread, dropping frames not yet seen (after a failure of tracking), and waits
     * for the frame being seen: recovering a window does not stop halfway, and whatever it uses
     * may be used by the next conversion.
     */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " still runs " + CLOSE_WAIT_SECONDS + " s after it was stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
