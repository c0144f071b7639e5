package dev.mocap.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.format.Format;
import dev.mocap.video.VideoSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The batch's own logic, with conversions stood in for by small fakes that open the real video. */
class BatchJobTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream lines = new ByteArrayOutputStream();

    @Test
    void aFileThatDisappearsMidBatchFailsAloneAndTheRestGoOn() throws IOException {
        List<Path> inputs = List.of(Files.writeString(dir.resolve("a.mp4"), "a"), Files.writeString(dir.resolve("b.mp4"), "b"),
                Files.writeString(dir.resolve("c.mp4"), "c"));
        // Converting a.mp4 deletes b.mp4, as someone tidying the folder during the night would.
        BatchJob batch = new BatchJob((input, base, progress) -> {
            if (input.endsWith("a.mp4")) {
                deleteQuietly(inputs.get(1));
            } else {
                VideoSource.open(input).close();
            }
            return fakeSidecar(base);
        }, options(1));
        BatchReport report = batch.run(inputs, display(3));
        assertEquals(List.of(BatchReport.Status.CONVERTED, BatchReport.Status.FAILED, BatchReport.Status.FAILED), statuses(report));
        assertTrue(report.entries().get(1).error().startsWith("Video not found"), report.entries().get(1).error());
        assertEquals(ExitCode.BAD_INPUT, report.entries().get(1).exitCode());
        assertTrue(report.entries().get(2).error().startsWith("Not a video"), report.entries().get(2).error());
        assertEquals(ExitCode.PARTIAL, report.exitCode());
        assertEquals(3, lines().size(), "one line per file: " + lines());
    }

    @Test
    void aBugMetOnOneFileIsReportedAndParallelJobsKeepTheInputOrder() throws IOException {
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            inputs.add(Files.writeString(dir.resolve("clip" + i + ".mp4"), "x"));
        }
        BatchJob batch = new BatchJob((input, base, progress) -> {
            if (input.endsWith("clip3.mp4")) {
                throw new IllegalStateException("a bug");
            }
            progress.update(1, 2);
            return fakeSidecar(base);
        }, options(3));
        BatchReport report = batch.run(inputs, display(6));
        for (int i = 0; i < 6; i++) {
            assertEquals(inputs.get(i).toString(), report.entries().get(i).input());
            assertEquals(i == 3 ? BatchReport.Status.FAILED : BatchReport.Status.CONVERTED, report.entries().get(i).status());
        }
        assertEquals("internal error: java.lang.IllegalStateException: a bug", report.entries().get(3).error());
        assertEquals(ExitCode.FAILURE, report.entries().get(3).exitCode());
    }

    @Test
    void anIncompleteEarlierOutputIsConvertedAgain() throws IOException {
        Path input = Files.writeString(dir.resolve("take.mp4"), "x");
        List<Path> converted = new ArrayList<>();
        BatchJob batch = new BatchJob((in, base, progress) -> {
            converted.add(in);
            return fakeSidecar(base);
        }, options(1));
        batch.run(List.of(input), display(1));
        batch.run(List.of(input), display(1));
        assertEquals(1, converted.size(), "complete: skipped");
        Files.delete(dir.resolve("out/take.bvh"));
        batch.run(List.of(input), display(1));
        assertEquals(2, converted.size(), "a listed file is missing: converted again");
    }

    @Test
    void aReadOnlyOutputFolderFailsBeforeAnyWork() throws IOException {
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeFalse(Files.isWritable(out), "permissions do not bind this user (root)");
        BatchJob batch = new BatchJob((in, base, progress) -> fakeSidecar(base), options(1));
        MocapException e = assertThrows(MocapException.class, batch::prepareOutputDir);
        assertEquals(ExitCode.OUTPUT_FAILED, e.exitCode());
        assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
    }

    @Test
    void aRerunWithOtherSettingsConvertsAgainAndRemovesTheOutputsTheyNoLongerMake() throws IOException {
        Path input = Files.writeString(dir.resolve("take.mp4"), "x");
        List<Path> converted = new ArrayList<>();
        Format[] writing = {Format.BVH};
        BatchJob.Converter converter = (in, base, progress) -> {
            converted.add(in);
            return fakeSidecar(base, writing[0], Map.of("formats", writing[0].extension()));
        };
        new BatchJob(converter, options(1)).run(List.of(input), display(1));
        writing[0] = Format.FBX;
        BatchJob.Options fbx = new BatchJob.Options(dir.resolve("out"), 1, false, Set.of(Format.FBX), Map.of("formats", "fbx"));
        BatchReport report = new BatchJob(converter, fbx).run(List.of(input), display(1));
        assertEquals(List.of(BatchReport.Status.CONVERTED), statuses(report));
        assertEquals(2, converted.size(), "other settings: converted again without --force");
        assertTrue(Files.exists(dir.resolve("out/take.fbx")));
        assertFalse(Files.exists(dir.resolve("out/take.bvh")), "the earlier settings' BVH is removed");
        assertEquals(List.of(BatchReport.Status.SKIPPED), statuses(new BatchJob(converter, fbx).run(List.of(input), display(1))));
        assertEquals(2, converted.size(), "same settings again: skipped");
    }

    private BatchJob.Options options(int jobs) {
        return new BatchJob.Options(dir.resolve("out"), jobs, false, Set.of(Format.BVH), Map.of("formats", "bvh"));
    }

    private BatchDisplay display(int files) {
        return new BatchDisplay(new PrintStream(lines, true, StandardCharsets.UTF_8), null, files);
    }

    private List<String> lines() {
        return lines.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static List<BatchReport.Status> statuses(BatchReport report) {
        return report.entries().stream().map(BatchReport.Entry::status).toList();
    }

    /** What a conversion to {@code base} leaves: a BVH file and the sidecar that lists it. */
    private static Path fakeSidecar(Path base) {
        return fakeSidecar(base, Format.BVH, Map.of("formats", "bvh"));
    }

    /** An animation file of {@code format} and the sidecar that lists it, with the conversion's {@code settings}. */
    private static Path fakeSidecar(Path base, Format format, Map<String, String> settings) {
        try {
            Files.createDirectories(base.getParent());
            Path animation = Files.writeString(base.resolveSibling(base.getFileName() + "." + format.extension()), "HIERARCHY");
            return Files.writeString(base.resolveSibling(base.getFileName() + ".mocap.json"), "{\"schema\": \"mocap.convert/1\", "
                    + "\"options\": " + new ObjectMapper().writeValueAsString(settings) + ", "
                    + "\"segments\": [{\"files\": [\"" + animation.getFileName() + "\"], \"frames\": 2, \"confidence\": [1, 1], "
                    + "\"quality\": {}}], \"landmarks\": {\"frames\": 2}, \"warnings\": []}");
        } catch (IOException e) {
            throw new MocapException(ExitCode.OUTPUT_FAILED, e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
