package dev.mocap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mocap.ExitCode;
import dev.mocap.spark.TaskFaults;
import dev.mocap.video.BadInputCorpus;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static dev.mocap.cli.SparkBatchTest.modified;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mocap batch --engine spark} from and to a real storage service that a subclass starts in
 * this JVM (HDFS, S3), against {@code mocap batch} on the same videos as local files.
 */
abstract class SparkOnStorageTest {
    private static final Path SAMPLE = Path.of("samples", "walk_wave.mp4");

    @TempDir
    static Path dir;

    /** The storage's client, at its root. */
    abstract FileSystem storage();

    /** The URI of the storage's root, without a slash at the end: {@code hdfs://HOST:PORT}, {@code s3a://BUCKET}. */
    abstract String root();

    @AfterEach
    void noFaults() {
        TaskFaults.inject(null);
    }

    @Test
    void videosThereGiveWhatBatchGivesAndARerunSkipsThem() throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        for (BadInputCorpus.Case c : BadInputCorpus.write(in, SAMPLE)) {
            String name = c.file().getFileName().toString();
            if (Set.of("three frames.mp4", "portrait phone.mov", "notes.mp4").contains(name)) {
                storage().copyFromLocalFile(new org.apache.hadoop.fs.Path(c.file().toUri()), new org.apache.hadoop.fs.Path("/in/" + name));
            } else {
                Files.delete(c.file());
            }
        }
        try (OutputStream list = storage().create(new org.apache.hadoop.fs.Path("/lists/takes.txt"))) {
            list.write("# relative to the list's folder\n../in/portrait phone.mov\n".getBytes(StandardCharsets.UTF_8));
        }
        Map<String, List<Integer>> tries = new ConcurrentHashMap<>();
        TaskFaults.inject((base, attempt) -> {
            tries.computeIfAbsent(base.substring(base.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(attempt);
            if (base.endsWith("/three frames") && attempt == 0) {
                throw new IllegalStateException("executor lost (on purpose)");
            }
        });
        List<String> args = List.of("batch", root() + "/in/*.mp4", "@" + root() + "/lists/takes.txt", "-o", root() + "/out",
                "--format", "bvh,fbx", "-q", "--engine", "spark", "--master", "local[2]");
        CliRun spark = CliRun.of(args.toArray(String[]::new));
        assertEquals(ExitCode.PARTIAL, spark.exit(), spark.err());
        assertEquals(List.of(0, 1), tries.get("three frames"), "the try that died was retried");
        assertEquals(List.of("failed", "converted", "converted"), statuses(), "notes.mp4, three frames.mp4, portrait phone.mov");

        Path local = dir.resolve("local");
        CliRun batch = CliRun.of("batch", in.resolve("notes.mp4").toString(), in.resolve("three frames.mp4").toString(),
                in.resolve("portrait phone.mov").toString(), "-o", local.toString(), "--format", "bvh,fbx", "-q", "--jobs", "2");
        assertEquals(ExitCode.PARTIAL, batch.exit(), batch.err());
        Map<String, Long> written = outputs();
        assertEquals(modified(local).keySet(), written.keySet(), "the same files, and no temporary one");
        for (String name : written.keySet()) {
            byte[] expected = Files.readAllBytes(local.resolve(name)), actual = read("/out/" + name);
            if (name.endsWith(".mocap.json")) {
                JsonNode sidecar = new ObjectMapper().readTree(actual);
                String path = sidecar.get("video").get("path").asText();
                assertEquals(root() + "/in/" + sidecar.get("video").get("file").asText(), path, "the sidecar names the video where it is");
                assertEquals(withoutVideoPath(new ObjectMapper().readTree(expected)), withoutVideoPath(sidecar), name);
            } else if (!name.equals("batch-report.json")) {
                assertArrayEquals(SparkBatchTest.withoutCreationTime(expected), SparkBatchTest.withoutCreationTime(actual), name);
            }
        }

        CliRun again = CliRun.of(args.toArray(String[]::new));
        assertEquals(ExitCode.PARTIAL, again.exit(), again.err());
        assertEquals(List.of("failed", "skipped", "skipped"), statuses());
        Map<String, Long> after = outputs();
        written.remove("batch-report.json");
        after.remove("batch-report.json");
        assertEquals(written, after, "a rerun rewrites nothing there");
    }

    /** The output folder's files (hidden ones too) and when each was last written. */
    private Map<String, Long> outputs() throws IOException {
        Map<String, Long> files = new TreeMap<>();
        for (FileStatus f : storage().listStatus(new org.apache.hadoop.fs.Path("/out"))) {
            files.put(f.getPath().getName(), f.getModificationTime());
        }
        return files;
    }

    private byte[] read(String path) throws IOException {
        try (var in = storage().open(new org.apache.hadoop.fs.Path(path))) {
            return in.readAllBytes();
        }
    }

    private List<String> statuses() throws IOException {
        JsonNode report = new ObjectMapper().readTree(read("/out/batch-report.json"));
        assertEquals("mocap.batch/1", report.get("schema").asText());
        return report.get("files").findValuesAsText("status");
    }

    private static JsonNode withoutVideoPath(JsonNode sidecar) {
        ObjectNode copy = sidecar.deepCopy();
        ((ObjectNode) copy.get("video")).remove("path");
        return copy;
    }
}
