package dev.mocap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.ExitCode;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.recover.TinyRegressor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `convert --recovery onnx:MODEL.onnx` as a user runs it, on the sample clip and the tracker's crops. */
class RegressorCommandTest {
    @TempDir
    Path dir;

    /** With nothing after recovery changing the motion, the BVH carries exactly the network's θ, window after window. */
    @Test
    void theNetworksMotionArrivesInTheBvh() throws IOException {
        Path model = dir.resolve("tiny.onnx");
        TinyRegressor.write(model, TinyRegressor.Spec.of(8, false, false));
        CliRun run = CliRun.of("convert", "-q", Path.of("samples", "walk_wave.mp4").toString(), "-o", dir.resolve("walk").toString(),
                "--recovery", "onnx:" + model, "--format", "bvh,fbx", "--smooth", "none", "--foot-lock", "off", "--keep-camera-frame",
                "--fit-smoothness", "0");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        JsonNode sidecar = new ObjectMapper().readTree(dir.resolve("walk.mocap.json").toFile());
        JsonNode segment = sidecar.path("segments").get(0);
        assertEquals(0, segment.path("interpolated_frames").asInt(), "the sample's person is seen in every frame");
        assertEquals(0, segment.path("start_s").asDouble(), 1e-9);
        assertEquals("onnx:" + model, sidecar.path("options").path("recovery").asText());
        Motion bvh = BvhReader.read(dir.resolve("walk.bvh"), 1);
        assertTrue(bvh.frameCount() >= 100, bvh.frameCount() + " frames");
        double worst = 0;
        Quat toYUp = Quat.axisAngle(Vec3.X, Math.PI);
        for (int f = 0; f < bvh.frameCount(); f++) {
            for (int j = 0; j < Smpl24.COUNT; j++) {
                Quat expected = j == 0 ? toYUp.times(TinyRegressor.rotation(f % 8, 0)) : TinyRegressor.rotation(f % 8, j);
                Quat written = bvh.rotations().get(f, bvh.skeleton().indexOf(Smpl24.NAMES.get(j)));
                worst = Math.max(worst, expected.conjugate().times(written).angle());
            }
        }
        assertTrue(worst < 1e-5, worst + " rad");
        assertTrue(Files.size(dir.resolve("walk.fbx")) > 10_000);
    }

    @Test
    void aModelOfOtherShapesIsOneErrorLine() throws IOException {
        Path model = dir.resolve("wide.onnx");
        TinyRegressor.write(model, TinyRegressor.Spec.of(8, false, false).withPoseWidth(75));
        CliRun run = CliRun.of("convert", "-q", Path.of("samples", "walk_wave.mp4").toString(), "-o", dir.resolve("w").toString(),
                "--recovery", "onnx:" + model);
        assertEquals(ExitCode.MODEL_MISSING, run.exit(), run.err());
        assertEquals(1, run.errorLines(), run.err());
        assertTrue(run.err().startsWith("mocap: error: wide.onnx is not a regressor the tool can run: ")
                && run.err().contains("'pose' [1, 8, 75]"), run.err());
        assertFalse(Files.exists(dir.resolve("w.bvh")));
    }
}
