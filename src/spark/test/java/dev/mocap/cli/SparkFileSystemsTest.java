package dev.mocap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mocap.ExitCode;
import dev.mocap.spark.HdfsLikeFileSystem;
import dev.mocap.spark.TaskFaults;
import dev.mocap.video.BadInputCorpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static dev.mocap.cli.SparkBatchTest.modified;
import static dev.mocap.cli.SparkBatchTest.report;
import static dev.mocap.cli.SparkBatchTest.statuses;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mocap batch --engine spark} with inputs, list files and the output folder on a Hadoop file
 * system that is not the local one ({@link HdfsLikeFileSystem}, reached only through Hadoop's API),
 * against {@code mocap batch} on the same videos as local files.
 */
class SparkFileSystemsTest {
    private static final String SPARK = "local[2]";
    private static final Path SAMPLE = Path.of("samples", "walk_wave.mp4");
    private static final Map<String, String> HADOOP = Map.of(
            "spark.hadoop.fs." + HdfsLikeFileSystem.SCHEME + ".impl", HdfsLikeFileSystem.class.getName(),
            // an unreachable name node fails at once instead of after ten tries a second apart
            "spark.hadoop.ipc.client.connect.max.retries", "0");

    @TempDir
    Path dir;

    @BeforeEach
    void registerFileSystem() {
        HADOOP.forEach(System::setProperty);
    }

    @AfterEach
    void unregister() {
        HADOOP.keySet().forEach(System::clearProperty);
        TaskFaults.inject(null);
    }

    @Test
    void videosOnAHadoopFileSystemGiveWhatBatchGivesAndBadOnesFailAlone() throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        for (BadInputCorpus.Case c : BadInputCorpus.write(in, SAMPLE)) {
            if (!Set.of("three frames.mp4", "portrait phone.mov", "variable frame rate.mp4", "notes.mp4")
                    .contains(c.file().getFileName().toString())) {
                Files.delete(c.file());
            }
        }
        Files.writeString(dir.resolve("videos.txt"), "# takes of the day\nin/portrait phone.mov\n\nin/gone.mp4\nnofs://host/x.mp4\n"
                + "hdfs://127.0.0.1:1/clip.mp4\n");
        String out = uri(dir.resolve("out"));
        Map<String, List<Integer>> tries = new ConcurrentHashMap<>();
        TaskFaults.inject((base, attempt) -> {
            tries.computeIfAbsent(base.substring(base.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(attempt);
            if (base.endsWith("/three frames") && attempt == 0) {
                throw new IllegalStateException("executor lost (on purpose)");
            }
        });
        CliRun spark = spark(out, "--format", "bvh,fbx");
        assertEquals(ExitCode.PARTIAL, spark.exit(), spark.err());
        assertEquals(List.of(0, 1), tries.get("three frames"), "the try that died was retried");
        assertTrue(spark.err().strip().endsWith("4 of 7 files failed; their reasons are in " + out.replace(":///", ":/") + "/batch-report.json"),
                spark.err());
        JsonNode report = report(dir.resolve("out"));
        assertEquals(List.of("failed", "converted", "converted", "converted", "failed", "failed", "failed"), statuses(dir.resolve("out")));
        assertEquals(List.of("notes.mp4", "three frames.mp4", "variable frame rate.mp4", "portrait phone.mov", "gone.mp4", "x.mp4", "clip.mp4"),
                report.get("files").findValuesAsText("input").stream().map(i -> i.substring(i.lastIndexOf('/') + 1)).toList());
        List<String> errors = new ArrayList<>();
        report.get("files").forEach(f -> errors.add(f.path("error").asText()));
        assertTrue(errors.get(4).matches("cannot read testfs:/.*/in/gone\\.mp4: does not exist"), errors.get(4));
        assertTrue(errors.get(5).startsWith("cannot read nofs://host/x.mp4: No FileSystem for scheme \"nofs\""), errors.get(5));
        assertTrue(errors.get(6).startsWith("cannot read hdfs://127.0.0.1:1/clip.mp4: ") && errors.get(6).contains("Connection refused"),
                errors.get(6));
        errors.forEach(e -> assertFalse(e.contains("\n"), e));

        Path local = dir.resolve("local");
        CliRun batch = CliRun.of("batch", in.resolve("notes.mp4").toString(), in.resolve("three frames.mp4").toString(),
                in.resolve("variable frame rate.mp4").toString(), in.resolve("portrait phone.mov").toString(), "-o", local.toString(),
                "--format", "bvh,fbx", "-q", "--jobs", "2");
        assertEquals(ExitCode.PARTIAL, batch.exit(), batch.err());
        Map<String, FileTime> files = modified(local);
        assertEquals(files.keySet(), modified(dir.resolve("out")).keySet(), "the same files, and no temporary one");
        for (String name : files.keySet()) {
            byte[] expected = Files.readAllBytes(local.resolve(name)), actual = Files.readAllBytes(dir.resolve("out").resolve(name));
            if (name.endsWith(".mocap.json")) {
                JsonNode sidecar = new ObjectMapper().readTree(actual);
                assertEquals(uri(in.resolve(sidecar.get("video").get("file").asText())).replace(":///", ":/"),
                        sidecar.get("video").get("path").asText(), "the sidecar names the video where it is");
                assertEquals(withoutVideoPath(new ObjectMapper().readTree(expected)), withoutVideoPath(sidecar), name);
            } else if (!name.equals("batch-report.json")) {
                assertArrayEquals(SparkBatchTest.withoutCreationTime(expected), SparkBatchTest.withoutCreationTime(actual), name);
            }
        }

        Map<String, FileTime> written = modified(dir.resolve("out"));
        CliRun again = spark(out, "--format", "bvh,fbx");
        assertEquals(ExitCode.PARTIAL, again.exit(), again.err());
        assertEquals(List.of("failed", "skipped", "skipped", "skipped", "failed", "failed", "failed"), statuses(dir.resolve("out")));
        Map<String, FileTime> after = modified(dir.resolve("out"));
        written.remove("batch-report.json");
        after.remove("batch-report.json");
        assertEquals(written, after, "a rerun rewrites nothing");

        CliRun bvhOnly = spark(out, "--format", "bvh");
        assertEquals(ExitCode.PARTIAL, bvhOnly.exit(), bvhOnly.err());
        assertEquals(List.of("failed", "converted", "converted", "converted", "failed", "failed", "failed"), statuses(dir.resolve("out")));
        assertTrue(modified(dir.resolve("out")).keySet().stream().noneMatch(f -> f.endsWith(".fbx")), "the FBX files of the earlier options went");
    }

    @Test
    void anOutputFolderOnNoKnownFileSystemIsOneClearError() throws IOException {
        CliRun run = CliRun.of("batch", SAMPLE.toString(), "-o", "nofs://host/anim", "-q", "--engine", "spark", "--master", SPARK);
        assertEquals(ExitCode.OUTPUT_FAILED, run.exit(), run.err());
        assertEquals(1, run.err().lines().filter(l -> l.startsWith("mocap: error: ")).count(), run.err());
        assertTrue(run.err().contains("mocap: error: cannot write to the output folder nofs://host/anim: No FileSystem for scheme \"nofs\""),
                run.err());

        CliRun local = CliRun.of("batch", "@" + dir.resolve("list.txt"), "-o", dir.resolve("out").toString());
        assertEquals(ExitCode.USAGE, local.exit(), local.err());
    }

    private CliRun spark(String out, String... options) {
        List<String> args = new ArrayList<>(List.of("batch", uri(dir.resolve("in")) + "/*.mp4", "@" + uri(dir.resolve("videos.txt")),
                "-o", out, "-q", "--engine", "spark", "--master", SPARK));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static String uri(Path local) {
        return HdfsLikeFileSystem.SCHEME + "://" + local.toAbsolutePath();
    }

    private static JsonNode withoutVideoPath(JsonNode sidecar) {
        ObjectNode copy = sidecar.deepCopy();
        ((ObjectNode) copy.get("video")).remove("path");
        return copy;
    }
}
