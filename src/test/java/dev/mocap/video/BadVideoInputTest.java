package dev.mocap.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.bytedeco.ffmpeg.global.avcodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input that is not a readable video ends with one line naming the file. */
class BadVideoInputTest {
    @TempDir
    Path dir;

    @Test
    void missingFile() {
        assertBadInput(dir.resolve("missing.mp4"), "not found");
    }

    @Test
    void folder() throws IOException {
        assertBadInput(Files.createDirectory(dir.resolve("clips.mp4")), "folder");
    }

    @Test
    void emptyFile() throws IOException {
        assertBadInput(Files.createFile(dir.resolve("empty.mp4")), "empty");
    }

    @Test
    void textFileNamedLikeAVideo() throws IOException {
        assertBadInput(Files.writeString(dir.resolve("notes.mp4"), "These are notes, not a video.\n".repeat(50)),
                "Not a video");
    }

    @Test
    void mp4CutBeforeItsIndex() throws IOException {
        Path complete = TestClip.of(160, 120).frames(20).writeTo(dir.resolve("complete.mp4"));
        assertBadInput(TestClip.cut(complete, "cut.mp4", 0.7), "Not a video");
    }

    @Test
    void fileCutBeforeItsFirstFrame() throws IOException {
        Path complete = TestClip.of(320, 240).frames(20).pixels(TestClip::noise)
                .container("matroska", avcodec.AV_CODEC_ID_H264).writeTo(dir.resolve("complete.mkv"));
        assertBadInput(TestClip.cut(complete, "cut.mkv", 0.02), "No video frame");
    }

    @Test
    void audioOnly() throws IOException {
        assertBadInput(TestClip.writeAudioOnly(dir.resolve("voice.m4a")), "No video stream");
    }

    @Test
    void unreadableFile() throws IOException {
        Path clip = TestClip.of(64, 48).frames(2).writeTo(dir.resolve("private.mp4"));
        Files.setPosixFilePermissions(clip, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(clip), "permissions do not bind this user (root)");
        assertBadInput(clip, "cannot be read");
    }

    private static void assertBadInput(Path file, String problem) {
        MocapException e = assertThrows(MocapException.class, () -> VideoSource.open(file).close());
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
