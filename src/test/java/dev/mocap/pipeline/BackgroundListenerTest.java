package dev.mocap.pipeline;

import dev.mocap.pose.PeopleFrame;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackgroundListenerTest {
    private static PeopleFrame frame(int index) {
        return new PeopleFrame(index, index / 30.0, List.of());
    }

    @Test
    void everyFrameReachesTheListenerInOrderOnItsOwnThread() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        try (BackgroundListener listener = new BackgroundListener((video, f) -> {
            seen.add(f.index());
            threads.add(Thread.currentThread().getName());
        }, "recovery test")) {
            for (int i = 0; i < 500; i++) {
                listener.frame(null, frame(i));
            }
            listener.drain();
        }
        assertEquals(500, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i, seen.get(i));
        }
        assertTrue(threads.stream().allMatch("recovery test"::equals), "on its own thread");
        assertNotEquals("recovery test", Thread.currentThread().getName());
    }

    @Test
    void aSlowListenerHoldsTrackingAfterAFullQueue() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handed = new AtomicInteger();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        try (BackgroundListener listener = new BackgroundListener((video, f) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            seen.add(f.index());
        }, "slow")) {
            Thread tracking = new Thread(() -> {
                for (int i = 0; i <= BackgroundListener.QUEUE; i++) {
                    listener.frame(null, frame(i));
                    handed.incrementAndGet();
                }
            });
            tracking.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (handed.get() < BackgroundListener.QUEUE && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(200);
            assertEquals(BackgroundListener.QUEUE, handed.get(), "the frame after a full queue waits");
            release.countDown();
            tracking.join(10_000);
            listener.drain();
        }
        assertEquals(BackgroundListener.QUEUE + 1, seen.size());
    }

    @Test
    void closingAfterTrackingFailedWaitsForTheFrameInHandAndDropsTheRest() throws Exception {
        CountDownLatch inHand = new CountDownLatch(1), release = new CountDownLatch(1);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        List<Thread> worker = new CopyOnWriteArrayList<>();
        BackgroundListener listener = new BackgroundListener((video, f) -> {
            worker.add(Thread.currentThread());
            inHand.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                // close() interrupts: a window being recovered still runs to its end
            }
            seen.add(f.index());
        }, "closing");
        for (int i = 0; i < 10; i++) {
            listener.frame(null, frame(i));
        }
        assertTrue(inHand.await(10, TimeUnit.SECONDS));
        listener.close();
        assertEquals(List.of(0), seen, "the frame in hand was finished, the queued ones dropped");
        worker.get(0).join(10_000);
        assertFalse(worker.get(0).isAlive(), "the thread has stopped");
    }

    @Test
    void aFailureOfTheListenerIsRethrownToTracking() {
        IllegalStateException failure = new IllegalStateException("recovery failed");
        try (BackgroundListener listener = new BackgroundListener((video, f) -> {
            if (f.index() == 3) {
                throw failure;
            }
        }, "failing")) {
            // A later frame or the drain rethrows it, whichever comes after the failure.
            assertSame(failure, assertThrows(IllegalStateException.class, () -> {
                for (int i = 0; i < 5; i++) {
                    listener.frame(null, frame(i));
                }
                listener.drain();
            }));
            assertSame(failure, assertThrows(IllegalStateException.class, () -> listener.frame(null, frame(5))));
        }
    }

    @Test
    void anErrorOfTheListenerReachesTrackingAsItself() {
        StackOverflowError error = new StackOverflowError("deep");
        List<Integer> seen = new CopyOnWriteArrayList<>();
        try (BackgroundListener listener = new BackgroundListener((video, f) -> {
            if (f.index() == 1) {
                throw error;
            }
            seen.add(f.index());
        }, "erring")) {
            // A later frame or the drain rethrows it, whichever comes after the failure.
            assertSame(error, assertThrows(StackOverflowError.class, () -> {
                for (int i = 0; i < 4; i++) {
                    listener.frame(null, frame(i));
                }
                listener.drain();
            }));
        }
        assertEquals(List.of(0), seen, "no frame reaches the listener after its failure");
    }
}
