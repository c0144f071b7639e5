package dev.mocap.video;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Pixel arrays of one frame size that the consumer has handed back, for the decoder to fill
 * again: a 1080p frame is 6 MB, and allocating (and zeroing, and collecting) one per frame costs
 * more CPU than copying the pixels into it. Safe to use from the decoding and the consuming
 * thread at once.
 */
final class FrameBuffers {
    /** More than a prefetching queue holds at once, plus the frame in work on either side. */
    static final int KEPT = PrefetchingVideoSource.DEFAULT_CAPACITY + 3;

    private final int bytes;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(KEPT);

    FrameBuffers(int bytes) {
        this.bytes = bytes;
    }

    /** A handed-back array, or a new one when none is free. Its old contents are to be overwritten. */
    byte[] take() {
        byte[] buffer = free.poll();
        return buffer != null ? buffer : new byte[bytes];
    }

    /**
     * Keeps the array for a later frame (unless it is of another size, already kept, or enough
     * are kept): a frame handed back twice must not have its pixels given to two later frames.
     */
    void giveBack(byte[] buffer) {
        if (buffer.length == bytes && !free.contains(buffer)) {
            free.offer(buffer);
        }
    }
}
