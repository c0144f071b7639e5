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
            } catch (RuntimeException | Error e) {
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
    }

    /** Stops the thread, dropping frames not yet seen (after a failure of tracking). */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
