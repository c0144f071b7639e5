package dev.mocap.cli;

import dev.mocap.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `mocap render` and `mocap preview` refuse bad input with one clear line, before any OpenGL is needed. */
class RenderCommandTest {
    @TempDir
    Path dir;

    @Test
    void theOutputMustBeAnMp4OrAPng() {
        CliRun run = CliRun.of("render", "samples/walk_wave.bvh", "-o", dir.resolve("out.gif").toString());
        assertEquals(ExitCode.USAGE, run.exit());
        assertTrue(run.err().contains(".mp4 or .png"), run.err());
    }

    @Test
    void aMotionThatIsNotSmpl24IsBadInput() throws IOException {
        Path bvh = dir.resolve("one_joint.bvh");
        Files.writeString(bvh, "HIERARCHY\nROOT hips\n{\n OFFSET 0 0 0\n CHANNELS 3 Xposition Yposition Zposition\n"
                + " End Site\n {\n  OFFSET 0 1 0\n }\n}\nMOTION\nFrames: 1\nFrame Time: 0.033333\n0 1 0\n");
        Path png = dir.resolve("out.png");
        CliRun run = CliRun.of("render", bvh.toString(), "-o", png.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exit(), run.err());
        assertEquals(1, run.errorLines(), run.err());
        assertTrue(run.err().contains("SMPL-24"), run.err());
        assertFalse(Files.exists(png));
    }

    @Test
    void aMissingMotionFileIsBadInput() {
        CliRun run = CliRun.of("preview", dir.resolve("missing.bvh").toString());
        assertEquals(ExitCode.BAD_INPUT, run.exit(), run.err());
        assertEquals(1, run.errorLines(), run.err());
    }
}
