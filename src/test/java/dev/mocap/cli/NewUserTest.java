package dev.mocap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.ExitCode;
import dev.mocap.preview.PreviewInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What a new user met in their first hour (issue 15): each command gives one clear line or does what was asked. */
class NewUserTest {
    private static final Path SAMPLE = Path.of("samples/walk_wave.mp4");

    @TempDir
    Path dir;

    @Test
    void everyCommandShowsItsHelpEvenWithoutItsRequiredOptions() {
        for (String command : List.of("render", "convert", "batch", "export", "metrics", "landmarks", "preview")) {
            CliRun run = CliRun.of(command, "--help");
            assertEquals(ExitCode.OK, run.exit(), command + ": " + run.err());
            assertTrue(run.out().startsWith("usage: mocap " + command), run.out());
        }
        assertTrue(CliRun.of("render", "--help").out().contains("--frame"));
    }

    @Test
    void aFieldOfViewOutsideZeroTo180DegreesIsAUsageError() {
        for (String fov : List.of("200", "180", "0", "-5")) {
            CliRun run = CliRun.of("convert", SAMPLE.toString(), "--fov", fov, "-o", dir.resolve("x").toString());
            assertEquals(ExitCode.USAGE, run.exit(), fov + ": " + run.err());
            assertEquals(1, run.errorLines(), run.err());
        }
        assertTrue(CliRun.of("convert", SAMPLE.toString(), "--fov", "200").err().contains("below 180"));
        assertFalse(Files.exists(dir.resolve("x.mocap.json")));
    }

    @Test
    void aMissingInputSaysItDoesNotExist() {
        String missing = dir.resolve("nonexistent").toString();
        for (String[] args : List.of(new String[]{"export", missing + ".bvh", "--format", "fbx", "-o", dir.resolve("e").toString()},
                new String[]{"metrics", missing + ".bvh"}, new String[]{"render", missing + ".mocap.json", "-o", dir.resolve("r.png").toString()},
                new String[]{"convert", missing + ".landmarks.json", "-o", dir.resolve("c").toString()})) {
            CliRun run = CliRun.of(args);
            assertEquals(ExitCode.BAD_INPUT, run.exit(), args[0] + ": " + run.err());
            assertEquals(1, run.errorLines(), run.err());
            assertTrue(run.err().contains(missing) && run.err().trim().endsWith("does not exist"), run.err());
        }
    }

    @Test
    void anOutputFolderThatCannotBeMadeSaysSo() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc (Linux), where no folder can be made");
        CliRun run = CliRun.of("export", "samples/walk_wave.bvh", "--format", "bvh", "-o", "/proc/nope/x");
        assertEquals(ExitCode.OUTPUT_FAILED, run.exit(), run.err());
        assertEquals("mocap: error: cannot write to folder /proc/nope: it does not exist and cannot be created", run.err().trim());
    }

    /**
     * -q prints nothing; at twice the video's frame rate every other frame is resampled, not
     * filled in; the sidecar keeps the floor chosen and the quality figures; render finds the
     * video through the sidecar although it is not beside it.
     */
    @Test
    void quietResampledConversionThatRenderFindsTheVideoOf() throws IOException {
        Path base = dir.resolve("walk");
        CliRun run = CliRun.of("convert", "-q", SAMPLE.toString(), "-o", base.toString(), "--fps", "60", "--floor", "contacts");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertEquals("", run.out());
        JsonNode sidecar = new ObjectMapper().readTree(dir.resolve("walk.mocap.json").toFile());
        assertEquals("contacts", sidecar.get("processing").get("floor").asText(), "the sidecar says which floor was used");
        assertEquals("contacts", sidecar.get("options").get("floor").asText());
        JsonNode segment = sidecar.get("segments").get(0);
        for (String figure : new String[]{"foot_sliding_mm_per_frame", "foot_sliding_support_mm_per_frame", "lowest_foot_mm",
                "still_foot_fraction", "foot_contact_fraction", "reprojection_px"}) {
            assertTrue(segment.get("quality").has(figure), figure + " in " + segment.get("quality"));
        }
        assertEquals(60, segment.get("fps").asDouble(), 1e-9);
        assertTrue(segment.get("frames").asInt() > 230, segment.get("frames").toString());
        assertEquals(0, segment.get("interpolated_frames").asInt(), "frames between two seen video frames are no gaps");
        double mean = 0;
        for (JsonNode c : segment.get("confidence")) {
            mean += c.asDouble() / segment.get("confidence").size();
        }
        assertTrue(mean > 0.5, "mean confidence " + mean);
        assertEquals(SAMPLE.toAbsolutePath().normalize(), PreviewInput.read(dir.resolve("walk.mocap.json"), null).video());
    }
}
