package dev.mocap.bench;

import dev.mocap.nn.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AccuracyBenchmarkTest {
    /** The shortest held-out clip of the corpus (a run, 2 s). */
    private static final Path HELD_OUT_CLIP = Path.of("..", "shared", "mocap-corpus", "cmu_09_05.bvh.gz");

    /** A further network measured by the benchmark goes through the same recovery as --recovery learned: the shipped file gives its rows. */
    @Test
    void aFurtherLifterIsMeasuredAsTheLearnedRecovery(@TempDir Path corpus) throws IOException {
        assumeTrue(Files.isRegularFile(HELD_OUT_CLIP), "skipped: needs ../shared/mocap-corpus");
        Files.copy(HELD_OUT_CLIP, corpus.resolve(HELD_OUT_CLIP.getFileName()));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ModelStore models = ModelStore.locate();
        List<AccuracyBenchmark.Row> rows = new AccuracyBenchmark(models, new PrintStream(printed, true, StandardCharsets.UTF_8),
                Map.of("copy", models.lifter())).run(corpus, null, null);
        AccuracyBenchmark.Row learned = row(rows, "--recovery learned"), copy = row(rows, AccuracyBenchmark.LIFTER_ROW + "copy");
        assertEquals(learned.frames(), copy.frames());
        assertEquals(learned.paMpjpe(), copy.paMpjpe());
        assertEquals(learned.mpjpe(), copy.mpjpe());
        assertEquals(learned.accel(), copy.accel());
        assertEquals(learned.contactF1(), copy.contactF1());
        assertEquals(learned.rte(), copy.rte());
        String out = printed.toString(StandardCharsets.UTF_8);
        assertTrue(out.matches("(?s).*network speed, one core: lifter copy +\\d+\\.\\d{3} ms/frame.*"), out);
    }

    /** Contact F1 over a set counts foot-frames: a clip whose one true contact frame is missed weighs one frame. */
    @Test
    void contactCountsPoolOverClips() {
        boolean[] none = new boolean[100], all = new boolean[100];
        java.util.Arrays.fill(all, true);
        boolean[][] truth = new boolean[100][];
        for (int k = 0; k < 100; k++) {
            truth[k] = new boolean[]{true, k == 0};
        }
        AccuracyBenchmark.ContactCounts counts = AccuracyBenchmark.contactCounts(new dev.mocap.body.FootContacts(all, none), truth, 100);
        assertEquals(new AccuracyBenchmark.ContactCounts(100, 0, 1), counts);
        AccuracyBenchmark.ContactCounts oneMissed = new AccuracyBenchmark.ContactCounts(0, 0, 1);
        assertEquals(0, oneMissed.f1());
        assertEquals(200.0 / 202, counts.plus(oneMissed).f1(), 1e-12);
        assertEquals(Double.NaN, new AccuracyBenchmark.ContactCounts(0, 3, 0).f1());
    }

    private static AccuracyBenchmark.Row row(List<AccuracyBenchmark.Row> rows, String method) {
        return rows.stream().filter(r -> r.method().equals(method)).findFirst().orElseThrow();
    }
}
