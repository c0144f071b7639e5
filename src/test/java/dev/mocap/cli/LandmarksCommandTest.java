package dev.mocap.cli;

import dev.mocap.ExitCode;
import dev.mocap.pose.PeopleSequence;
import dev.mocap.pose.LandmarksJson;
import dev.mocap.video.TestClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The landmarks command on bad input: one clear line, a non-zero exit, and no files left behind. */
class LandmarksCommandTest {
    @TempDir
    Path dir;

    @Test
    void missingFile() {
        assertFailsCleanly(ExitCode.BAD_INPUT, "not found", dir.resolve("nowhere.mp4").toString());
    }

    @Test
    void zeroByteFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        assertFailsCleanly(ExitCode.BAD_INPUT, "empty", empty.toString());
    }

    @Test
    void textFileNamedMp4() throws IOException {
        Path text = Files.writeString(dir.resolve("readme.mp4"), "not a video\n".repeat(100));
        assertFailsCleanly(ExitCode.BAD_INPUT, "Not a video", text.toString());
    }

    @Test
    void truncatedMp4() throws IOException {
        Path whole = TestClip.of(160, 120).frames(20).writeTo(dir.resolve("whole.mp4"));
        Path cut = TestClip.cut(whole, "cut.mp4", 0.6);
        Files.delete(whole);
        assertFailsCleanly(ExitCode.BAD_INPUT, "cut.mp4", cut.toString());
    }

    @Test
    void audioOnlyFile() throws IOException {
        Path audio = TestClip.writeAudioOnly(dir.resolve("song.m4a"));
        assertFailsCleanly(ExitCode.BAD_INPUT, "No video stream", audio.toString());
    }

    @Test
    void outputFolderThatCannotExist() throws IOException {
        Path video = TestClip.of(96, 64).frames(3).writeTo(dir.resolve("clip.mp4"));
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a folder");
        CliRun run = CliRun.of("landmarks", "-q", video.toString(), "-o", blocker.resolve("out.json").toString());
        assertEquals(ExitCode.OUTPUT_FAILED, run.exit(), run.err());
        assertEquals(1, run.errorLines(), run.err());
        assertOnly(List.of("blocker", "clip.mp4"));
    }

    @Test
    void readOnlyOutputFolder() throws IOException {
        Path video = TestClip.of(96, 64).frames(3).writeTo(dir.resolve("clip.mp4"));
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeTrue(!Files.isWritable(locked), "permissions do not bind this user (root)");
        CliRun run = CliRun.of("landmarks", "-q", video.toString(), "-o", locked.resolve("out.json").toString(),
                "--overlay", locked.resolve("out.mp4").toString());
        assertEquals(ExitCode.OUTPUT_FAILED, run.exit(), run.err());
        assertEquals(1, run.errorLines(), run.err());
        try (Stream<Path> left = Files.list(locked)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void existingOutputNeedsForce() throws IOException {
        Path video = TestClip.of(96, 64).frames(3).writeTo(dir.resolve("clip.mp4"));
        Path out = Files.writeString(dir.resolve("out.json"), "keep me");
        CliRun run = CliRun.of("landmarks", "-q", video.toString(), "-o", out.toString());
        assertEquals(ExitCode.OUTPUT_FAILED, run.exit());
        assertTrue(run.err().contains("--force"), run.err());
        assertEquals("keep me", Files.readString(out));
    }

    @Test
    void videoWithoutPersonSucceedsWithAWarning() throws IOException {
        Path video = TestClip.of(320, 240).frames(12).writeTo(dir.resolve("squares.mp4"));
        Path json = dir.resolve("squares.json");
        CliRun run = CliRun.of("landmarks", "-q", video.toString(), "-o", json.toString());
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertTrue(run.err().contains("warning: no person found"), run.err());
        PeopleSequence people = LandmarksJson.read(json);
        assertEquals(12, people.frames().size());
        assertEquals(List.of(), people.persons());
        assertEquals(List.of("no person found in squares.mp4"), people.warnings());
    }

    @Test
    void usageErrors() {
        assertEquals(ExitCode.USAGE, CliRun.of("landmarks").exit());
        assertEquals(ExitCode.USAGE, CliRun.of("landmarks", "a.mp4", "--model", "huge").exit());
        assertEquals(ExitCode.USAGE, CliRun.of("landmarks", "a.mp4", "--threads", "0").exit());
        assertEquals(ExitCode.USAGE, CliRun.of("landmarks", "a.mp4", "--person", "0").exit());
        assertEquals(ExitCode.USAGE, CliRun.of("landmarks", "a.mp4", "--person", "everybody").exit());
        assertEquals(ExitCode.USAGE, CliRun.of("nonsense").exit());
        CliRun help = CliRun.of("landmarks", "--help");
        assertEquals(ExitCode.OK, help.exit());
        assertTrue(help.out().contains("--overlay") && help.out().contains("--person"), help.out());
    }

    @Test
    void cudaWithoutGpuBuildIsOneClearError() throws IOException {
        Path video = TestClip.of(96, 64).frames(2).writeTo(dir.resolve("clip.mp4"));
        CliRun run = CliRun.of("landmarks", "-q", video.toString(), "-o", dir.resolve("o.json").toString(), "--device", "cuda");
        assumeTrue(run.exit() != ExitCode.OK, "a CUDA build with a GPU is present");
        assertEquals(ExitCode.DEVICE_UNAVAILABLE, run.exit(), run.err());
        assertEquals(1, run.errorLines(), run.err());
        assertFalse(Files.exists(dir.resolve("o.json")));
    }

    private void assertFailsCleanly(ExitCode expected, String mention, String video) {
        List<String> before = names();
        Path out = dir.resolve("result.json");
        CliRun run = CliRun.of("landmarks", "-q", video, "-o", out.toString(), "--overlay", dir.resolve("result.mp4").toString());
        assertEquals(expected, run.exit(), run.err());
        assertEquals(1, run.errorLines(), run.err());
        assertTrue(run.err().contains(mention), run.err());
        assertEquals(before, names(), "nothing written");
    }

    private void assertOnly(List<String> expected) {
        assertEquals(expected, names());
    }

    private List<String> names() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
