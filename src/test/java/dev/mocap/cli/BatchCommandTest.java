package dev.mocap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.ExitCode;
import dev.mocap.TestData;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.video.BadInputCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `mocap batch` as a studio runs it: real clips plus a folder of bad and awkward inputs. */
class BatchCommandTest {
    @TempDir
    Path dir;

    @Test
    void convertsEveryGoodFileListsEveryBadOneAndResumes() throws IOException {
        Path clip = TestData.file("video/tfjs/pose_1.mp4");
        Path squats = TestData.file("video/tfjs/pose_squats.mp4");
        Path corpusDir = Files.createDirectory(dir.resolve("footage"));
        List<BadInputCorpus.Case> corpus = BadInputCorpus.write(corpusDir, squats);
        Path out = dir.resolve("out");

        CliRun first = CliRun.of("batch", clip.toString(), squats.toString(), corpusDir.toString(), "-o", out.toString(),
                "--jobs", "2", "--format", "bvh,fbx");
        assertEquals(ExitCode.PARTIAL, first.exit(), first.err());
        assertEquals(1, first.errorLines(), first.err());
        Map<String, JsonNode> report = report(out);
        assertEquals(corpus.size() + 2, report.size(), "one entry per input");
        for (String good : List.of(clip.toString(), squats.toString())) {
            assertEquals("converted", report.get(good).get("status").asText(), good);
        }
        assertEquals(120, BvhReader.read(out.resolve("pose_1.bvh"), 1).frameCount());
        assertTrue(Files.size(out.resolve("pose_squats.fbx")) > 10_000);
        for (BadInputCorpus.Case c : corpus) {
            JsonNode entry = report.get(c.file().toString());
            if (c.converts()) {
                assertEquals("converted", entry.get("status").asText(), c.file() + ": " + entry);
                assertTrue(entry.get("frames").asInt() > 0, entry.toString());
                assertEquals(1, entry.get("persons").asInt());
                assertTrue(entry.get("fps_achieved").asDouble() > 0, entry.toString());
                for (JsonNode f : entry.get("files")) {
                    assertTrue(Files.size(out.resolve(f.asText())) > 0, f.asText());
                }
            } else {
                assertEquals("failed", entry.get("status").asText(), c.file() + ": " + entry);
                assertEquals(ExitCode.BAD_INPUT.status(), entry.get("exit_code").asInt(), entry.toString());
                assertTrue(entry.get("error").asText().contains(c.reason()), entry.toString());
                assertFalse(entry.get("error").asText().contains("\n"), entry.toString());
                assertTrue(first.out().contains("FAILED " + c.file() + ": "), "a line for " + c.file());
            }
        }
        assertEquals(3, report.get(corpusDir.resolve("4k.mp4").toString()).get("frames").asInt());
        assertEquals(12, report.get(corpusDir.resolve("variable frame rate.mp4").toString()).get("frames").asInt());
        JsonNode upright = sidecarVideo(out, "three frames"), phone = sidecarVideo(out, "portrait phone");
        assertEquals(List.of(upright.get("width").asInt(), upright.get("height").asInt()),
                List.of(phone.get("width").asInt(), phone.get("height").asInt()), "the rotated phone clip is seen upright");
        assertTrue(first.out().contains("failed"), "the table at the end");
        assertTrue(noTemporaryFiles(out), "no temporary files left");

        CliRun again = CliRun.of("batch", clip.toString(), squats.toString(), corpusDir.toString(), "-o", out.toString(),
                "--format", "bvh,fbx", "-q");
        assertEquals(ExitCode.PARTIAL, again.exit(), again.err());
        Map<String, JsonNode> resumed = report(out);
        long converting = corpus.stream().filter(BadInputCorpus.Case::converts).count() + 2;
        assertEquals(converting, resumed.values().stream().filter(e -> e.get("status").asText().equals("skipped")).count(),
                "complete outputs are skipped");
        assertEquals(120, resumed.get(clip.toString()).get("frames").asInt(), "figures of a skipped file come from its sidecar");

        CliRun forced = CliRun.of("batch", clip.toString(), out.resolve("missing.mp4").toString(), "-o", out.toString(),
                "--format", "bvh", "--force", "-q");
        assertEquals(ExitCode.PARTIAL, forced.exit(), forced.err());
        Map<String, JsonNode> redone = report(out);
        assertEquals("converted", redone.get(clip.toString()).get("status").asText());
        assertTrue(redone.get(out.resolve("missing.mp4").toString()).get("error").asText().contains("not found"));
    }

    @Test
    void inputsSharingANameGetDistinctOutputs() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a")), b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve("take.mp4"), "text");
        Files.writeString(b.resolve("take.mp4"), "text");
        Files.writeString(b.resolve("take.mov"), "text");
        CliRun run = CliRun.of("batch", a.toString(), b.toString(), "-o", dir.resolve("out").toString(), "-q");
        assertEquals(ExitCode.PARTIAL, run.exit(), run.err());
        List<String> outputs = new ArrayList<>();
        report(dir.resolve("out")).values().forEach(e -> outputs.add(e.get("output").asText()));
        assertEquals(3, outputs.stream().distinct().count(), outputs.toString());
    }

    @Test
    void anUnwritableOutputFolderStopsTheBatchBeforeItStarts() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        CliRun run = CliRun.of("batch", dir.toString(), "-o", file.resolve("out").toString(), "-q");
        assertEquals(ExitCode.OUTPUT_FAILED, run.exit(), run.err());
        assertEquals(1, run.errorLines(), run.err());
        assertTrue(run.err().contains("cannot create the output folder"), run.err());
    }

    @Test
    void aFolderWithoutVideosIsBadInputAndAMissingOutputIsUsage() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("nothing"));
        CliRun none = CliRun.of("batch", empty.toString(), "-o", dir.resolve("out").toString());
        assertEquals(ExitCode.BAD_INPUT, none.exit(), none.err());
        assertTrue(none.err().contains("no video files"), none.err());
        assertEquals(ExitCode.USAGE, CliRun.of("batch", empty.toString()).exit());
        assertEquals(ExitCode.USAGE, CliRun.of("batch", empty.toString(), "-o", "x", "--jobs", "0").exit());
        for (String[] onFileSystems : List.of(new String[]{"hdfs://nn/shoot", "-o", "x"}, new String[]{"@list.txt", "-o", "x"},
                new String[]{empty.toString(), "-o", "s3a://bucket/anim"})) {
            List<String> args = new ArrayList<>(List.of("batch"));
            args.addAll(List.of(onFileSystems));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(ExitCode.USAGE, run.exit(), run.err());
            assertTrue(run.err().contains("are for --engine spark"), run.err());
        }
    }

    private static Map<String, JsonNode> report(Path out) throws IOException {
        JsonNode root = new ObjectMapper().readTree(out.resolve("batch-report.json").toFile());
        assertEquals("mocap.batch/1", root.get("schema").asText());
        Map<String, JsonNode> byInput = new HashMap<>();
        root.get("files").forEach(f -> byInput.put(f.get("input").asText(), f));
        return byInput;
    }

    private static JsonNode sidecarVideo(Path out, String name) throws IOException {
        return new ObjectMapper().readTree(out.resolve(name + ".mocap.json").toFile()).get("video");
    }

    private static boolean noTemporaryFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp"));
        }
    }
}
