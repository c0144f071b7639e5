package dev.mocap.cli;

import dev.mocap.ExitCode;
import dev.mocap.body.Motion;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.smpl.NpyArray;
import dev.mocap.smpl.Npz;
import dev.mocap.smpl.SyntheticSmplModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SMPL parameters out of `convert` and into `export`, as a user runs them. */
class SmplCommandTest {
    @TempDir
    Path dir;

    /** convert --format bvh,smpl, then export OUT.smpl.npz --format bvh: the same joints within 1 mm. */
    @Test
    void smplParametersRoundTripToTheSameJoints() throws IOException {
        Path video = Path.of("samples", "walk_wave.mp4");
        CliRun convert = CliRun.of("convert", "-q", video.toString(), "-o", dir.resolve("walk").toString(), "--format", "bvh,smpl");
        assertEquals(ExitCode.OK, convert.exit(), convert.err());
        Path npz = dir.resolve("walk.smpl.npz");
        Map<String, NpyArray> arrays = Npz.read(npz);
        Motion converted = BvhReader.read(dir.resolve("walk.bvh"), 1);
        assertArrayEquals(new int[]{converted.frameCount(), 72}, arrays.get("poses").shape());
        assertEquals(converted.fps(), arrays.get("mocap_framerate").scalar(), 1e-9);

        CliRun export = CliRun.of("export", npz.toString(), "-o", dir.resolve("back").toString(), "--format", "bvh,fbx,glb");
        assertEquals(ExitCode.OK, export.exit(), export.err());
        assertTrue(export.out().contains("AMASS layout, y-up axes"), export.out());
        Motion back = BvhReader.read(dir.resolve("back.bvh"), 1);
        assertEquals(converted.frameCount(), back.frameCount());
        double worst = 0;
        for (int f = 0; f < back.frameCount(); f++) {
            Vec3[] a = converted.jointPositions(f), b = back.jointPositions(f);
            for (int j = 0; j < a.length; j++) {
                worst = Math.max(worst, a[j].distance(b[j]));
            }
        }
        System.out.printf("SMPL round trip: %d frames, largest joint difference %.4f mm%n", back.frameCount(), 1000 * worst);
        assertTrue(worst < 0.001, worst + " m");
        assertTrue(Files.size(dir.resolve("back.fbx")) > 10_000 && Files.size(dir.resolve("back.glb")) > 10_000);
    }

    /** The export pipeline applies: smoothing and foot locking on SMPL parameters with no skeleton of their own. */
    @Test
    void foreignParametersAreSmoothedAndFootLocked() throws IOException {
        int frames = 60;
        double[] poses = new double[frames * 72];
        double[] trans = new double[frames * 3];
        java.util.Random random = new java.util.Random(5);
        for (int f = 0; f < frames; f++) {
            poses[f * 72 + 3 * 4] = 0.3 + 0.02 * random.nextGaussian();   // left knee, jittering
            trans[3 * f + 2] = 0.01 * f;
        }
        Path npz = dir.resolve("gvhmr.npz");
        Npz.write(npz, Map.of("pose_world", NpyArray.of(poses, frames, 72), "trans_world", NpyArray.of(trans, frames, 3),
                "betas", NpyArray.of(new double[frames * 10], frames, 10)));
        CliRun run = CliRun.of("export", npz.toString(), "-o", dir.resolve("out").toString(), "--format", "bvh", "--smooth", "default",
                "--foot-lock", "on", "--fps", "25");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertTrue(run.out().contains("WHAM (world) layout") && run.out().contains("default adult proportions"), run.out());
        Motion out = BvhReader.read(dir.resolve("out.bvh"), 1);
        assertEquals(25, out.fps(), 1e-6);
        double jitterIn = 0, jitterOut = 0;
        for (int f = 1; f < frames - 1; f++) {
            jitterIn += Math.abs(poses[(f + 1) * 72 + 12] - 2 * poses[f * 72 + 12] + poses[(f - 1) * 72 + 12]);
            jitterOut += Math.abs(out.rotations().get(f + 1, 4).angle() - 2 * out.rotations().get(f, 4).angle() + out.rotations().get(f - 1, 4).angle());
        }
        assertTrue(jitterOut < 0.5 * jitterIn, jitterIn + " → " + jitterOut);
    }

    /**
     * With the user's model (here a synthetic one of SMPL's shapes): the files carry the body's
     * skeleton, J(β) of the betas written, and export with the model gives the same joints back.
     */
    @Test
    void theUsersModelGivesItsSkeleton() throws IOException {
        Path model = dir.resolve("model.npz");
        SyntheticSmplModel synthetic = new SyntheticSmplModel();
        synthetic.write(model);
        Path video = Path.of("samples", "walk_wave.mp4");
        CliRun convert = CliRun.of("convert", "-q", video.toString(), "-o", dir.resolve("walk").toString(), "--format", "bvh,glb,smpl",
                "--smpl-model", model.toString());
        assertEquals(ExitCode.OK, convert.exit(), convert.err());
        Map<String, NpyArray> params = Npz.read(dir.resolve("walk.smpl.npz"));
        Vec3[] joints = synthetic.joints(params.get("betas").numbers());
        Motion bvh = BvhReader.read(dir.resolve("walk.bvh"), 1);
        for (int j = 1; j < joints.length; j++) {
            int inBvh = bvh.skeleton().indexOf(Smpl24.NAMES.get(j));
            Vec3 expected = joints[j].minus(joints[Smpl24.parents()[j]]);
            assertEquals(0, bvh.skeleton().offset(inBvh).distance(expected), 1e-5, Smpl24.NAMES.get(j));
        }
        com.fasterxml.jackson.databind.JsonNode sidecar = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("walk.mocap.json").toFile());
        // The sidecar's skeleton is the files' (the model's body); the one measured from the video is kept beside it.
        com.fasterxml.jackson.databind.JsonNode written = sidecar.path("skeleton").path("rest_offsets_m");
        for (int j = 1; j < joints.length; j++) {
            com.fasterxml.jackson.databind.JsonNode o = written.get(j);
            Vec3 expected = joints[j].minus(joints[Smpl24.parents()[j]]);
            assertEquals(0, new Vec3(o.get(0).asDouble(), o.get(1).asDouble(), o.get(2).asDouble()).distance(expected), 2e-5,
                    "sidecar " + Smpl24.NAMES.get(j));
        }
        com.fasterxml.jackson.databind.JsonNode measured = sidecar.path("measured_skeleton").path("rest_offsets_m");
        double sum = 0;
        for (int j = 1; j < joints.length; j++) {
            com.fasterxml.jackson.databind.JsonNode o = measured.get(j);
            double length = new Vec3(o.get(0).asDouble(), o.get(1).asDouble(), o.get(2).asDouble()).length();
            double e = joints[j].distance(joints[Smpl24.parents()[j]]) - length;
            sum += e * e;
        }
        System.out.printf("betas fitted to the sample's measured skeleton (synthetic model): %s, bone-length error RMS %.1f mm%n",
                java.util.Arrays.toString(params.get("betas").numbers()), 1000 * Math.sqrt(sum / 23));
        CliRun export = CliRun.of("export", dir.resolve("walk.smpl.npz").toString(), "-o", dir.resolve("back").toString(),
                "--smpl-model", model.toString());
        assertEquals(ExitCode.OK, export.exit(), export.err());
        Motion back = BvhReader.read(dir.resolve("back.bvh"), 1);
        double worst = 0;
        for (int f = 0; f < back.frameCount(); f++) {
            Vec3[] a = bvh.jointPositions(f), b = back.jointPositions(f);
            for (int j = 0; j < a.length; j++) {
                worst = Math.max(worst, a[j].distance(b[j]));
            }
        }
        System.out.printf("SMPL round trip with the model: largest joint difference %.4f mm%n", 1000 * worst);
        assertTrue(worst < 0.001, worst + " m");
    }

    @Test
    void anUnknownLayoutIsOneClearError() throws IOException {
        Path npz = dir.resolve("odd.npz");
        Npz.write(npz, Map.of("thetas", NpyArray.of(new double[72], 1, 72)));
        CliRun run = CliRun.of("export", npz.toString(), "-o", dir.resolve("odd").toString());
        assertEquals(ExitCode.BAD_INPUT, run.exit(), run.err());
        assertEquals(1, run.errorLines(), run.err());
        assertTrue(run.err().startsWith("mocap: error: cannot read " + npz + ": unknown key 'thetas' (1, 72)"), run.err());
    }
}
