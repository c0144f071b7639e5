package dev.mocap.pose;

import dev.mocap.nn.ModelStore;
import dev.mocap.pipeline.LandmarksJob;
import dev.mocap.pipeline.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The JVM's pose models: lent to one conversion at a time, kept for the next, closed only when idle. */
class PoseModelPoolTest {
    private static final ModelStore MODELS = ModelStore.locate();
    private static final PoseOptions ONE_THREAD = PoseOptions.defaults().withThreads(1);

    @TempDir
    Path dir;

    @Test
    void conversionsAtOnceGetSetsOfTheirOwnAndLaterOnesTakeThoseBack() {
        PoseModelPool pool = new PoseModelPool();
        PoseModels first, second;
        try (PoseModelPool.Lease a = pool.lend(MODELS, ONE_THREAD); PoseModelPool.Lease b = pool.lend(MODELS, ONE_THREAD)) {
            first = a.models();
            second = b.models();
            assertNotSame(first, second, "two conversions at once never share a set");
        }
        for (int i = 0; i < 3; i++) {
            try (PoseModelPool.Lease a = pool.lend(MODELS, ONE_THREAD); PoseModelPool.Lease b = pool.lend(MODELS, ONE_THREAD)) {
                assertEquals(Set.of(first, second), Set.of(a.models(), b.models()));
            }
        }
        assertEquals(2, pool.opened());
        assertEquals(8, pool.lent());
        pool.closeIdle();
        assertThrows(IllegalStateException.class, () -> first.detector().infer(), "closed with the pool's idle sets");
    }

    @Test
    void otherSettingsCloseTheIdleSetsButNeverOneThatIsLent() {
        PoseModelPool pool = new PoseModelPool();
        PoseModels idle;
        try (PoseModelPool.Lease held = pool.lend(MODELS, ONE_THREAD)) {
            try (PoseModelPool.Lease returned = pool.lend(MODELS, ONE_THREAD)) {
                idle = returned.models();
            }
            try (PoseModelPool.Lease other = pool.lend(MODELS, ONE_THREAD.withThreads(2))) {
                assertNotSame(held.models(), other.models());
            }
            assertThrows(IllegalStateException.class, () -> idle.detector().infer(), "the idle set of the earlier settings is closed");
            pool.closeIdle();
            assertDoesNotThrow(() -> held.models().detector().infer(), "a lent set stays open");
            assertDoesNotThrow(() -> held.models().estimator().infer());
        }
        assertEquals(3, pool.opened());
        try (PoseModelPool.Lease again = pool.lend(MODELS, ONE_THREAD)) {
            assertEquals(3, pool.opened(), "the set given back after closeIdle is kept");
        }
        pool.closeIdle();
    }

    @Test
    void aLeaseGivesItsSetBackOnce() {
        PoseModelPool pool = new PoseModelPool();
        PoseModelPool.Lease lease = pool.lend(MODELS, ONE_THREAD);
        lease.close();
        lease.close();
        assertThrows(IllegalStateException.class, lease::models);
        try (PoseModelPool.Lease a = pool.lend(MODELS, ONE_THREAD); PoseModelPool.Lease b = pool.lend(MODELS, ONE_THREAD)) {
            assertNotSame(a.models(), b.models(), "given back twice would lend one set twice");
        }
        pool.closeIdle();
    }

    @Test
    void aKeptSetFindsTheSameLandmarksAsAFreshOne() throws IOException {
        PoseModelPool pool = PoseModelPool.shared();
        pool.closeIdle();
        Path video = Path.of("samples", "walk_wave.mp4");
        LandmarksJob job = new LandmarksJob(MODELS, ONE_THREAD);
        job.run(video, dir.resolve("fresh.json"), null, Progress.silent());
        int opened = pool.opened();
        job.run(video, dir.resolve("kept.json"), null, Progress.silent());
        assertEquals(opened, pool.opened(), "the second run took the first one's models");
        assertArrayEquals(Files.readAllBytes(dir.resolve("fresh.json")), Files.readAllBytes(dir.resolve("kept.json")));
    }
}
