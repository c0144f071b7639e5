package dev.mocap.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrefetchingVideoSourceTest {
    @TempDir
    Path dir;

    @Test
    void deliversTheSameFramesInTheSameOrder() throws IOException {
        Path clip = TestClip.of(160, 120).frames(12).writeTo(dir.resolve("clip.mp4"));
        List<VideoFrame> expected = FfmpegVideoSourceTest.readAll(clip);

        List<VideoFrame> prefetched = new ArrayList<>();
        try (VideoSource source = new PrefetchingVideoSource(VideoSource.open(clip), 2)) {
            assertEquals(160, source.info().width());
            for (VideoFrame frame = source.next(); frame != null; frame = source.next()) {
                prefetched.add(frame);
            }
            assertNull(source.next());
            assertEquals(List.of(), source.warnings());
        }

        assertEquals(expected.size(), prefetched.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).index(), prefetched.get(i).index());
            assertEquals(expected.get(i).timestamp(), prefetched.get(i).timestamp());
            assertArrayEquals(expected.get(i).rgb(), prefetched.get(i).rgb());
        }
    }

    @Test
    void recycledFramesKeepTheirPixelsAndTheirArraysAreReused() throws IOException {
        Path clip = TestClip.of(160, 120).frames(12).writeTo(dir.resolve("clip.mp4"));
        List<VideoFrame> expected = FfmpegVideoSourceTest.readAll(clip);

        Set<byte[]> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        int delivered = 0;
        try (VideoSource source = new PrefetchingVideoSource(VideoSource.open(clip, 1), 2)) {
            for (VideoFrame frame = source.next(); frame != null; frame = source.next(), delivered++) {
                assertArrayEquals(expected.get(delivered).rgb(), frame.rgb(), "frame " + delivered);
                arrays.add(frame.rgb());
                source.recycle(frame);
            }
        }

        assertEquals(expected.size(), delivered);
        // In use at once: the caller's frame, two queued, one being decoded, one the decoder waits to queue.
        assertTrue(arrays.size() <= 5, arrays.size() + " arrays for " + delivered + " frames");
    }

    @Test
    void rethrowsTheDecodersFailureAfterTheFramesBeforeIt() {
        MocapException failure = new MocapException(ExitCode.BAD_INPUT, "Broken video: clip.mp4");
        FakeSource fake = new FakeSource(3, failure);

        try (VideoSource source = new PrefetchingVideoSource(fake)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(i, source.next().index());
            }
            assertSame(failure, assertThrows(MocapException.class, source::next));
            assertSame(failure, assertThrows(MocapException.class, source::next));
        }
        assertTrue(fake.closed);
    }

    @Test
    void closeStopsTheDecoderWhileItWaitsForRoom() {
        FakeSource endless = new FakeSource(Integer.MAX_VALUE, null);
        PrefetchingVideoSource source = new PrefetchingVideoSource(endless, 2);
        assertEquals(0, source.next().index());

        assertTimeoutPreemptively(Duration.ofSeconds(5), source::close);

        assertTrue(endless.closed);
        assertFalse(prefetchThreadAlive(), "the decoding thread is still running");
        assertThrows(IllegalStateException.class, source::next);
    }

    private static boolean prefetchThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().startsWith("video-prefetch") && thread.isAlive());
    }

    /** Delivers tiny frames, then ends or fails. */
    private static final class FakeSource implements VideoSource {
        private final int frames;
        private final RuntimeException failure;
        private int delivered;
        private volatile boolean closed;

        FakeSource(int frames, RuntimeException failure) {
            this.frames = frames;
            this.failure = failure;
        }

        @Override
        public VideoInfo info() {
            return new VideoInfo(Path.of("fake.mp4"), 1, 1, 30, frames, 0, frames / 30.0, "fake");
        }

        @Override
        public VideoFrame next() {
            if (delivered == frames) {
                if (failure != null) {
                    throw failure;
                }
                return null;
            }
            int index = delivered++;
            return new VideoFrame(index, index / 30.0, 1, 1, new byte[3]);
        }

        @Override
        public List<String> warnings() {
            return List.of();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
