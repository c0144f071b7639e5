package dev.mocap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mocap.ExitCode;
import dev.mocap.TestData;
import dev.mocap.nn.OnnxSession;
import dev.mocap.pose.PoseModelPool;
import dev.mocap.spark.TaskFaults;
import dev.mocap.video.BadInputCorpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mocap batch --engine spark} in Spark's local mode against {@code mocap batch} itself: the
 * same outputs byte for byte, the same report, reruns, bad files and task tries that die.
 */
class SparkBatchTest {
    private static final String SPARK = "local[2]";
    /** The sample clip the project makes itself: a person, without the shared test data. */
    private static final Path SAMPLE = Path.of("samples", "walk_wave.mp4");

    @TempDir
    Path dir;

    @AfterEach
    void noFaults() {
        TaskFaults.inject(null);
    }

    @Test
    void threeGoodAndTwoBadFilesGiveWhatBatchGivesAndARerunSkipsThem() throws IOException {
        Path in = corpus(Set.of("three frames.mp4", "portrait phone.mov", "variable frame rate.mp4", "notes.mp4", "zero bytes.mp4"));
        assertSameAsBatch(List.of(in.toString()), "bvh,fbx");

        Path out = dir.resolve("spark");
        Map<String, FileTime> written = modified(out);
        CliRun again = CliRun.of("batch", in.toString(), "-o", out.toString(), "--format", "bvh,fbx", "-q", "--engine", "spark",
                "--master", SPARK);
        assertEquals(ExitCode.PARTIAL, again.exit(), again.err());
        assertEquals(List.of("failed", "skipped", "skipped", "skipped", "failed"), statuses(out), "by path: notes, ..., zero bytes");
        Map<String, FileTime> after = modified(out);
        after.remove("batch-report.json");
        written.remove("batch-report.json");
        assertEquals(written, after, "a rerun rewrites nothing");
    }

    @Test
    void realClipsGiveWhatBatchGives() throws IOException {
        Path clip = TestData.file("video/tfjs/pose_1.mp4");
        Path squats = TestData.file("video/tfjs/pose_squats.mp4");
        Path notes = Files.writeString(dir.resolve("notes.mp4"), "not a video\n");
        assertSameAsBatch(List.of(clip.toString(), squats.toString(), SAMPLE.toString(), notes.toString(),
                dir.resolve("missing.mp4").toString()), "bvh,fbx,glb");
    }

    @Test
    void anExecutorOpensThePoseModelsOncePerTaskSlotAndKeepsThemForAllItsVideos() throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        for (String name : List.of("a", "b", "c", "d")) {
            Files.copy(SAMPLE, in.resolve(name + ".mp4"));
        }
        PoseModelPool pool = PoseModelPool.shared();
        pool.closeIdle(); // what earlier tests kept: every set this run uses is opened by it
        int opened = pool.opened(), lent = pool.lent(), sessions = OnnxSession.opened();
        Path spark = dir.resolve("spark");
        CliRun sparkRun = run(List.of(in.toString()), spark, "bvh", "--engine", "spark", "--master", SPARK);
        assertEquals(ExitCode.OK, sparkRun.exit(), sparkRun.err());
        int sets = pool.opened() - opened;
        assertEquals(4, pool.lent() - lent, "each video's conversion borrows a set of pose models");
        assertTrue(sets >= 1 && sets <= 2, sets + " sets of pose models opened for 4 videos on 2 task slots");
        assertEquals(2 * sets + 1, OnnxSession.opened() - sessions, "two networks a set, and the executor's lifting network once");
        String executor = "executor JVM " + ProcessHandle.current().pid() + "@";
        assertTrue(sparkRun.out().matches("(?s)(.*\\n)?" + Pattern.quote(executor) + "\\S+: 4 video\\(s\\); since it started it opened "
                + pool.opened() + " set\\(s\\) of pose models and " + OnnxSession.opened() + " ONNX session\\(s\\)\n.*"),
                "local mode: the one executor is this JVM\n" + sparkRun.out());

        Path local = dir.resolve("local");
        CliRun batch = run(List.of(in.toString()), local, "bvh", "--jobs", "2");
        assertEquals(ExitCode.OK, batch.exit(), batch.err());
        assertSameOutputs(local, spark, 4 * 2 + 1);
    }

    @Test
    void aTaskThatDiesIsRetriedWithoutLeftoversAndOneThatAlwaysDiesFailsAlone() throws Exception {
        Path in = corpus(Set.of("three frames.mp4", "portrait phone.mov", "variable frame rate.mp4"));
        Path out = dir.resolve("spark");
        Path deadPid = Path.of(Long.toString(deadProcess()));
        Map<String, List<Integer>> tries = new ConcurrentHashMap<>();
        TaskFaults.inject((location, attempt) -> {
            Path base = Path.of(location);
            String name = base.getFileName().toString();
            tries.computeIfAbsent(name, k -> new ArrayList<>()).add(attempt);
            if (name.equals("three frames") && attempt == 0) {
                // A try killed while writing: a half-written temporary, named as AtomicFiles names them.
                writeQuietly(base.resolveSibling("." + name + ".bvh." + deadPid + "-1.tmp"));
                throw new IllegalStateException("executor lost (on purpose)");
            }
            if (name.equals("portrait phone")) {
                throw new IllegalStateException("executor lost again (on purpose)");
            }
        });
        CliRun run = CliRun.of("batch", in.toString(), "-o", out.toString(), "-q", "--engine", "spark", "--master", SPARK);
        assertEquals(ExitCode.PARTIAL, run.exit(), run.err());
        assertEquals(List.of(0, 1), tries.get("three frames"), "retried once");
        assertEquals(List.of(0, 1, 2, 3), tries.get("portrait phone"), "tried four times");
        assertEquals(List.of("failed", "converted", "converted"), statuses(out));
        JsonNode failed = report(out).get("files").get(0);
        assertTrue(failed.get("error").asText().contains("its Spark task failed 4 times"), failed.toString());
        assertTrue(failed.get("error").asText().contains("executor lost again"), failed.toString());
        assertEquals(Set.of("batch-report.json", "three frames.bvh", "three frames.mocap.json", "variable frame rate.bvh",
                "variable frame rate.mocap.json"), modified(out).keySet(), "no temporary file, no duplicate output");

        TaskFaults.inject(null);
        Path local = dir.resolve("local");
        assertEquals(ExitCode.OK, CliRun.of("batch", in.toString(), "-o", local.toString(), "-q", "--jobs", "2").exit());
        for (String name : List.of("three frames.bvh", "three frames.mocap.json")) {
            assertArrayEquals(Files.readAllBytes(local.resolve(name)), Files.readAllBytes(out.resolve(name)), name);
        }
    }

    @Test
    void anUnwritableOutputAndAMissingInputAreClearErrors() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        CliRun unwritable = CliRun.of("batch", SAMPLE.toString(), "-o", file.resolve("out").toString(), "-q", "--engine", "spark");
        assertEquals(ExitCode.OUTPUT_FAILED, unwritable.exit(), unwritable.err());
        assertEquals(1, unwritable.errorLines(), unwritable.err());
        assertTrue(unwritable.err().startsWith("mocap: error: cannot create the output folder"), unwritable.err());

        Path out = dir.resolve("out");
        CliRun missing = CliRun.of("batch", dir.resolve("gone.mp4").toString(), "-o", out.toString(), "-q", "--engine", "spark",
                "--master", SPARK);
        assertEquals(ExitCode.PARTIAL, missing.exit(), missing.err());
        JsonNode entry = report(out).get("files").get(0);
        assertEquals(ExitCode.BAD_INPUT.status(), entry.get("exit_code").asInt(), entry.toString());
        assertTrue(entry.get("error").asText().startsWith("Video not found"), entry.toString());

        assertEquals(ExitCode.USAGE, CliRun.of("batch", SAMPLE.toString(), "-o", out.toString(), "--engine", "spark", "--jobs", "2").exit());
        assertEquals(ExitCode.USAGE, CliRun.of("batch", SAMPLE.toString(), "-o", out.toString(), "--master", SPARK).exit());
    }

    /** Runs {@code mocap batch} with two jobs and the Spark engine on two local cores; their outputs must be the same. */
    private void assertSameAsBatch(List<String> inputs, String formats) throws IOException {
        Path local = dir.resolve("local"), spark = dir.resolve("spark");
        CliRun batch = run(inputs, local, formats, "--jobs", "2");
        CliRun sparkRun = run(inputs, spark, formats, "--engine", "spark", "--master", SPARK);
        assertEquals(ExitCode.PARTIAL, batch.exit(), batch.err());
        assertEquals(ExitCode.PARTIAL, sparkRun.exit(), sparkRun.err());
        assertEquals(batch.err().replace(local.toString(), spark.toString()), sparkRun.err());
        assertSameOutputs(local, spark, 4);
    }

    /** The same files in both folders, byte for byte but for FBX creation times, and the same report but for times; at least {@code atLeast} files. */
    private static void assertSameOutputs(Path local, Path spark, int atLeast) throws IOException {
        Map<String, FileTime> files = modified(local);
        assertEquals(files.keySet(), modified(spark).keySet(), "the same files");
        assertTrue(files.size() >= atLeast, files.toString());
        for (String name : files.keySet()) {
            if (!name.equals("batch-report.json")) {
                assertArrayEquals(withoutCreationTime(Files.readAllBytes(local.resolve(name))),
                        withoutCreationTime(Files.readAllBytes(spark.resolve(name))), name);
            }
        }
        assertEquals(withoutTimes(report(local), local), withoutTimes(report(spark), spark));
    }

    /**
     * The file with the values of an FBX file's {@code CreationTimeStamp} zeroed: the one part of
     * the outputs that differs between any two runs (the time the file was written).
     */
    static byte[] withoutCreationTime(byte[] file) {
        byte[] name = "CreationTimeStamp".getBytes(StandardCharsets.US_ASCII);
        for (int i = 13; i + name.length <= file.length; i++) {
            if (Arrays.equals(file, i, i + name.length, name, 0, name.length)) {
                // An FBX 7.4 node record: end offset, property count, property bytes (uint32 each), name length, name.
                int end = ByteBuffer.wrap(file, i - 13, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                byte[] masked = file.clone();
                Arrays.fill(masked, i + name.length, end, (byte) 0);
                return masked;
            }
        }
        return file;
    }

    private static CliRun run(List<String> inputs, Path out, String formats, String... engine) {
        List<String> args = new ArrayList<>(List.of("batch"));
        args.addAll(inputs);
        args.addAll(List.of("-o", out.toString(), "--format", formats, "-q"));
        args.addAll(List.of(engine));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The clips of {@link BadInputCorpus} made from the sample clip's frames that are {@code names}. */
    private Path corpus(Set<String> names) throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        for (BadInputCorpus.Case c : BadInputCorpus.write(in, SAMPLE)) {
            if (!names.contains(c.file().getFileName().toString())) {
                Files.delete(c.file());
            }
        }
        return in;
    }

    /** The report without what depends on the run: times, speeds, the jobs, and the output folder's name. */
    private static JsonNode withoutTimes(JsonNode report, Path out) {
        ObjectNode copy = report.deepCopy();
        ((ObjectNode) copy.get("totals")).remove(List.of("seconds", "videos_per_minute", "frames_per_second", "jobs"));
        for (JsonNode f : copy.get("files")) {
            ((ObjectNode) f).remove(List.of("seconds", "fps_achieved"));
            ((ObjectNode) f).put("output", out.relativize(Path.of(f.get("output").asText())).toString());
        }
        return copy;
    }

    static JsonNode report(Path out) throws IOException {
        JsonNode root = new ObjectMapper().readTree(out.resolve("batch-report.json").toFile());
        assertEquals("mocap.batch/1", root.get("schema").asText());
        return root;
    }

    static List<String> statuses(Path out) throws IOException {
        List<String> statuses = new ArrayList<>();
        report(out).get("files").forEach(f -> statuses.add(f.get("status").asText()));
        return statuses;
    }

    /** Every file of the folder (hidden ones too) and when it was last written. */
    static Map<String, FileTime> modified(Path folder) throws IOException {
        Map<String, FileTime> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path f : list.toList()) {
                files.put(f.getFileName().toString(), Files.getLastModifiedTime(f));
            }
        }
        return files;
    }

    /** The id of a process that has ended. */
    private static long deadProcess() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private static void writeQuietly(Path file) {
        try {
            Files.writeString(file, "half a BVH");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
