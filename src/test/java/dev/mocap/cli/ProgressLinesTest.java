package dev.mocap.cli;

import dev.mocap.ExitCode;
import dev.mocap.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `convert --progress-lines`: what the Blender add-on and the Unity package read while the tool runs (besides warnings). */
class ProgressLinesTest {
    @TempDir
    Path dir;

    @Test
    void stderrHasOnlyProgressLinesCountingTheVideosFramesAndPlainWarnings() {
        Path video = TestData.file("video/tfjs/pose_1.mp4");
        CliRun run = CliRun.of("convert", video.toString(), "-o", dir.resolve("pose_1").toString(), "--format", "fbx", "--progress-lines");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        // Warnings are the other thing on stderr: the add-on and the Unity package pick them out by their prefix.
        List<String> lines = run.err().lines().filter(l -> !l.isBlank() && !l.startsWith("mocap: warning: ")).toList();
        assertFalse(lines.isEmpty(), "at least the first frame is reported");
        int previous = 0;
        for (String line : lines) {
            assertTrue(line.matches("progress \\d+/120"), "a plain progress line, no terminal codes: '" + line + "'");
            int done = Integer.parseInt(line.substring(9, line.indexOf('/')));
            assertTrue(done >= previous && done <= 120, line);
            previous = done;
        }
    }
}
