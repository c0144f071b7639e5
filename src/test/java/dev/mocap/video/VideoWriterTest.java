package dev.mocap.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesH264ThatReadsBackFrameForFrame() {
        Path out = dir.resolve("overlay.mp4");
        try (VideoWriter writer = VideoWriter.create(out, 320, 240, 25)) {
            assertEquals("libopenh264", writer.encoder());
            for (int i = 0; i < 12; i++) {
                writer.write(halfRedHalfBlue(320, 240));
            }
            assertFalse(Files.exists(out), "the video appears only when complete");
        }

        List<VideoFrame> frames = FfmpegVideoSourceTest.readAll(out);

        assertEquals(12, frames.size());
        VideoFrame last = frames.get(11);
        assertEquals(320, last.width());
        assertEquals(240, last.height());
        assertEquals(11 / 25.0, last.timestamp(), 1e-6);
        Rgb.assertNear(Rgb.RED, Rgb.at(last, 80, 120), "left half");
        Rgb.assertNear(Rgb.BLUE, Rgb.at(last, 240, 120), "right half");
        assertEquals(List.of(out), filesIn(dir));
    }

    @Test
    void padsOddSizesToEvenOnes() {
        Path out = dir.resolve("odd.mp4");
        try (VideoWriter writer = VideoWriter.create(out, 161, 121, 30)) {
            for (int i = 0; i < 5; i++) {
                writer.write(new VideoFrame(i, i / 30.0, 161, 121, TestClip.movingSquare(161, 121, i)));
            }
        }

        List<VideoFrame> frames = FfmpegVideoSourceTest.readAll(out);

        assertEquals(5, frames.size());
        VideoFrame last = frames.get(4);
        assertEquals(162, last.width());
        assertEquals(122, last.height());
        Rgb.assertNear(Rgb.RED, Rgb.at(last, 20, 60), "left quarter");
        Rgb.assertNear(Rgb.WHITE, Rgb.at(last, TestClip.squareLeft(161, 4) + TestClip.SQUARE / 2, 60), "square");
    }

    @Test
    void replacesAnOlderVideo() throws IOException {
        Path out = Files.writeString(dir.resolve("preview.mp4"), "old");
        try (VideoWriter writer = VideoWriter.create(out, 64, 48, 10)) {
            writer.write(halfRedHalfBlue(64, 48));
        }
        assertEquals(1, FfmpegVideoSourceTest.readAll(out).size());
        assertEquals(List.of(out), filesIn(dir));
    }

    @Test
    void abortLeavesNothingBehind() {
        Path out = dir.resolve("aborted.mp4");
        VideoWriter writer = VideoWriter.create(out, 64, 48, 10);
        writer.write(halfRedHalfBlue(64, 48));

        writer.abort();
        writer.close();

        assertEquals(List.of(), filesIn(dir));
        assertThrows(IllegalStateException.class, () -> writer.write(halfRedHalfBlue(64, 48)));
    }

    @Test
    void rejectsFramesOfAnotherSize() {
        try (VideoWriter writer = VideoWriter.create(dir.resolve("sized.mp4"), 64, 48, 10)) {
            assertThrows(IllegalArgumentException.class, () -> writer.write(halfRedHalfBlue(48, 64)));
        }
    }

    @Test
    void missingFolderIsCreated() {
        Path out = dir.resolve("not-there").resolve("preview.mp4");
        VideoWriter writer = VideoWriter.create(out, 64, 48, 10);
        writer.write(halfRedHalfBlue(64, 48));
        writer.close();
        assertTrue(Files.isRegularFile(out));
    }

    @Test
    void fileInPlaceOfTheFolderNamesIt() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        assertOutputFailed(notAFolder.resolve("preview.mp4"), notAFolder);
    }

    @Test
    void readOnlyFolderNamesTheFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeFalse(Files.isWritable(folder), "permissions do not bind this user (root)");
        assertOutputFailed(folder.resolve("preview.mp4"), folder);
    }

    private static void assertOutputFailed(Path out, Path folder) {
        MocapException e = assertThrows(MocapException.class, () -> VideoWriter.create(out, 64, 48, 10));
        assertEquals(ExitCode.OUTPUT_FAILED, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
    }

    private static BufferedImage halfRedHalfBlue(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, width / 2, height);
        graphics.setColor(Color.BLUE);
        graphics.fillRect(width / 2, 0, width - width / 2, height);
        graphics.dispose();
        return image;
    }

    private static List<Path> filesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
