package dev.mocap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.ExitCode;
import dev.mocap.body.Motion;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `mocap metrics`, and the post-processing options of `mocap convert`. */
class MetricsCommandTest {
    @TempDir
    Path dir;

    @Test
    void jsonHasEveryFigureWithAReference() throws IOException {
        Motion walk = TestMotions.walk(60, 30);
        Vec3[] shifted = walk.rootPositions().clone();
        for (int t = 0; t < shifted.length; t++) {
            shifted[t] = shifted[t].plus(new Vec3(0, 0, t % 2 == 0 ? 0.005 : -0.005));
        }
        Path motion = dir.resolve("walk.bvh"), reference = dir.resolve("truth.bvh");
        Exporters.defaults().write(new Motion(walk.skeleton(), 30, shifted, walk.rotations()), Format.BVH, motion);
        Exporters.defaults().write(walk, Format.BVH, reference);

        CliRun run = CliRun.of("metrics", motion.toString(), "--reference", reference.toString(), "--json");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        for (String key : new String[]{"accel_mm_per_frame2", "foot_sliding_mm_per_frame", "ground_penetration_mm", "mpjpe_mm",
                "pa_mpjpe_mm", "accel_error_mm_per_frame2"}) {
            assertTrue(json.has(key), key + " in " + run.out());
        }
        assertEquals(0, json.get("mpjpe_mm").asDouble(), 0.01, "a root-only shake does not change root-centred joints");
        assertEquals(0, json.get("accel_error_mm_per_frame2").asDouble(), 0.01);

        CliRun table = CliRun.of("metrics", motion.toString());
        assertEquals(ExitCode.OK, table.exit(), table.err());
        assertTrue(table.out().contains("foot sliding") && table.out().contains("mm/frame²") && !table.out().contains("mpjpe"),
                table.out());
    }

    @Test
    void badPostProcessingOptionsAreUsageErrors() {
        CliRun smooth = CliRun.of("convert", "a.mp4", "--smooth", "extreme");
        assertEquals(ExitCode.USAGE, smooth.exit());
        assertTrue(smooth.err().contains("unknown smoothing 'extreme'") && smooth.err().contains("one-euro"), smooth.err());
        CliRun lock = CliRun.of("convert", "a.mp4", "--foot-lock", "maybe");
        assertEquals(ExitCode.USAGE, lock.exit());
        assertTrue(lock.err().contains("--foot-lock is on or off"), lock.err());
    }
}
