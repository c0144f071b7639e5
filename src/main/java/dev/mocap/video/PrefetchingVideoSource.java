package dev.mocap.video;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Decodes ahead of its caller: a daemon thread pulls frames from the wrapped source into a small
 * bounded queue, so decoding runs while the caller works on the previous frames. A failure of
 * the wrapped source is rethrown, unchanged, by {@link #next()} in the caller's thread.
 */
public final class PrefetchingVideoSource implements VideoSource {
    public static final int DEFAULT_CAPACITY = 4;

    /** What the decoding thread hands over: a frame, the end of the video, or a failure. */
    private record Item(VideoFrame frame, Throwable failure) {
        static final Item END = new Item(null, null);
    }

    private final VideoSource source;
    private final BlockingQueue<Item> queue;
    private final Thread decoder;
    private Item last;
    private boolean closed;

    public PrefetchingVideoSource(VideoSource source) {
        this(source, DEFAULT_CAPACITY);
    }

    public PrefetchingVideoSource(VideoSource source, int capacity) {
        this.source = source;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.decoder = new Thread(this::decodeAll, "video-prefetch " + source.info().file().getFileName());
        decoder.setDaemon(true);
        decoder.start();
    }

    @Override
    public VideoInfo info() {
        return source.info();
    }

    @Override
    public VideoFrame next() {
        if (closed) {
            throw new IllegalStateException("video source is closed: " + info().file());
        }
        if (last != null && last.frame() == null) {
            return endOrRethrow(last);
        }
        try {
            last = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a video frame", e);
        }
        return last.frame() != null ? last.frame() : endOrRethrow(last);
    }

    /** Passes the frame's pixels back to the decoding thread's source for a later frame. */
    @Override
    public void recycle(VideoFrame frame) {
        source.recycle(frame);
    }

    /** Safe to read once {@link #next()} has returned null: the end travels through the queue after them. */
    @Override
    public List<String> warnings() {
        return source.warnings();
    }

    /** Stops the decoding thread, waits for it, then closes the wrapped source. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        decoder.interrupt();
        boolean interrupted = false;
        while (decoder.isAlive()) {
            try {
                decoder.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        source.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void decodeAll() {
        try {
            try {
                VideoFrame frame;
                while (!Thread.currentThread().isInterrupted() && (frame = source.next()) != null) {
                    queue.put(new Item(frame, null));
                }
                queue.put(Item.END);
            } catch (RuntimeException | Error e) {
                queue.put(new Item(null, e));
            }
        } catch (InterruptedException e) {
            // close() asked the thread to stop: nobody waits for more frames.
        }
    }

    private static VideoFrame endOrRethrow(Item item) {
        if (item.failure() instanceof RuntimeException e) {
            throw e;
        }
        if (item.failure() instanceof Error e) {
            throw e;
        }
        return null;
    }
}
