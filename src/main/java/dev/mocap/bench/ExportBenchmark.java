package dev.mocap.bench;

import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Motion;
import dev.mocap.body.Smpl24;
import dev.mocap.format.BodyOption;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import dev.mocap.export.Sidecar;
import dev.mocap.filter.SmoothingPreset;
import dev.mocap.nn.ModelStore;
import dev.mocap.pipeline.ConvertJob;
import dev.mocap.pipeline.ExportJob;
import dev.mocap.pipeline.Progress;
import dev.mocap.pose.PoseOptions;
import dev.mocap.recover.RecoveryOptions;
import dev.mocap.retarget.Presets;
import dev.mocap.retarget.Retargeting;
import dev.mocap.smpl.SmplParamsReader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Time to write a 10 000-frame motion in each format: a motion converted from a video (or read
 * from a BVH file) played in a loop to 10 000 frames, written with each writer to a temporary
 * folder, median of five runs after one warm-up. Plain-text BVH, the simplest writer, is the
 * baseline the others are compared with. The SMPL-24 motion of a video is also written with the
 * mannequin, as SMPL parameters (written and read back), and retargeted onto the Mixamo rig
 * (retargeting timed on its own).
 */
public final class ExportBenchmark {
    private static final int FRAMES = 10_000, RUNS = 5;

    private record Case(String name, Format format, Exporters exporters, Motion motion) {
    }

    private final ModelStore models;
    private final PrintStream out;

    public ExportBenchmark(ModelStore models, PrintStream out) {
        this.models = models;
        this.out = out;
    }

    public void run(Path input) {
        Path dir = temporaryFolder();
        try {
            Motion motion = read(input, dir).looped(FRAMES);
            boolean smpl = motion.skeleton().names().equals(Smpl24.NAMES);
            Exporters bones = Exporters.defaults();
            List<Case> cases = new ArrayList<>(List.of(new Case("BVH (baseline)", Format.BVH, bones, motion),
                    new Case("FBX 7.4, bones", Format.FBX, bones, motion), new Case("GLB, bones", Format.GLB, bones, motion)));
            if (smpl) {
                cases.add(new Case("SMPL .npz", Format.SMPL, bones, motion));
                Exporters body = bones.withBody(BodyOption.MANNEQUIN);
                cases.add(new Case("FBX 7.4 + mannequin", Format.FBX, body, motion));
                cases.add(new Case("GLB + mannequin", Format.GLB, body, motion));
            }
            out.printf(Locale.ROOT, "export of %d frames (%d joints) from %s, median of %d runs%n", FRAMES, motion.skeleton().size(),
                    input.getFileName(), RUNS);
            out.printf(Locale.ROOT, "%-22s %10s %12s %10s %10s%n", "format", "time (ms)", "frames/s", "vs BVH", "size (MB)");
            double baseline = 0;
            for (Case c : cases) {
                Path file = dir.resolve("bench." + c.format().extension());
                double seconds = Timing.medianSeconds(() -> c.exporters().write(c.motion(), c.format(), file), 1, RUNS);
                baseline = baseline == 0 ? seconds : baseline;
                out.printf(Locale.ROOT, "%-22s %10.1f %12.0f %9.2f× %10.2f%n", c.name(), 1000 * seconds, FRAMES / seconds,
                        seconds / baseline, Files.size(file) / 1e6);
            }
            if (smpl) {
                Path npz = dir.resolve("bench." + Format.SMPL.extension());
                double read = Timing.medianSeconds(() -> ExportJob.readSmpl(npz, SmplParamsReader.Options.DEFAULT), 1, RUNS);
                out.printf(Locale.ROOT, "%-22s %10.1f %12.0f %9.2f×%n", "SMPL .npz, reading", 1000 * read, FRAMES / read, read / baseline);
                Retargeting mixamo = Retargeting.of(Presets.get("mixamo"));
                Motion[] retargeted = new Motion[1];
                double seconds = Timing.medianSeconds(() -> retargeted[0] = mixamo.apply(motion), 1, RUNS);
                out.printf(Locale.ROOT, "%-22s %10.1f %12.0f %9.2f×%n", "retarget to Mixamo", 1000 * seconds, FRAMES / seconds, seconds / baseline);
                Path file = dir.resolve("bench_mixamo.fbx");
                double write = Timing.medianSeconds(() -> bones.write(retargeted[0], Format.FBX, file), 1, RUNS);
                out.printf(Locale.ROOT, "%-22s %10.1f %12.0f %9.2f× %10.2f%n", "FBX 7.4, Mixamo rig", 1000 * write, FRAMES / write,
                        write / baseline, Files.size(file) / 1e6);
            }
        } catch (IOException e) {
            throw new MocapException(ExitCode.OUTPUT_FAILED, "benchmark output in " + dir + ": " + AtomicFiles.describe(e), e);
        } finally {
            deleteFolder(dir);
        }
    }

    /** A BVH file as it is; a video converted with the default settings. */
    private Motion read(Path input, Path dir) {
        if (input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bvh")) {
            return ExportJob.read(input, 1);
        }
        ConvertJob.Options options = new ConvertJob.Options(PoseOptions.defaults(), RecoveryOptions.defaults(), SmoothingPreset.DEFAULT,
                true, Set.of(), Exporters.defaults(), Retargeting.NONE);
        List<Sidecar.Output> outputs = new ConvertJob(models, options).run(input, dir.resolve("input"), Progress.silent()).outputs();
        if (outputs.isEmpty()) {
            throw new MocapException(ExitCode.BAD_INPUT, "no person found in " + input + ": nothing to export");
        }
        return outputs.get(0).segment().motion();
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("mocap-bench-export");
        } catch (IOException e) {
            throw new MocapException(ExitCode.OUTPUT_FAILED, "cannot create a temporary folder: " + AtomicFiles.describe(e), e);
        }
    }

    private static void deleteFolder(Path dir) {
        try (var files = Files.list(dir)) {
            files.forEach(AtomicFiles::deleteQuietly);
        } catch (IOException e) {
            // nothing left to clean up
        }
        AtomicFiles.deleteQuietly(dir);
    }
}
