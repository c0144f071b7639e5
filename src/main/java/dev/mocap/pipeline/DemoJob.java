package dev.mocap.pipeline;

import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.JointRotations;
import dev.mocap.body.Motion;
import dev.mocap.body.PoseErrors;
import dev.mocap.body.Vec3;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.filter.SmoothingPreset;
import dev.mocap.nn.ModelStore;
import dev.mocap.pose.PoseOptions;
import dev.mocap.preview.SampleClip;
import dev.mocap.recover.RecoveryMethod;
import dev.mocap.recover.RecoveryOptions;
import dev.mocap.retarget.Retargeting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * The README's first command: converts the project's sample clip with the normal pipeline and
 * default settings (the camera unknown to it, as for any video, unless asked) and measures the recovered motion
 * against the sample's ground truth.
 */
public final class DemoJob {

    /** The conversion and its errors against the ground truth (frames the recovery kept; per joint in {@code joints}' order). */
    public record Result(ConvertJob.Result conversion, PoseErrors errors, List<String> joints, int comparedFrames, double trueFocal) {
    }

    /** With {@code knownFocal} the recovery is given the sample camera's focal length instead of guessing it. */
    public static Result run(ModelStore models, Path samples, Path outFolder, boolean knownFocal, RecoveryMethod method,
                             Progress progress) {
        SampleClip.Files sample = SampleClip.Files.in(samples);
        for (Path p : new Path[]{sample.video(), sample.groundTruth(), sample.camera()}) {
            if (!Files.isRegularFile(p)) {
                throw new MocapException(ExitCode.BAD_INPUT, "sample file " + p + " is missing (regenerate with: mocap sample --out " + samples + ")");
            }
        }
        try {
            Files.createDirectories(outFolder);
        } catch (IOException e) {
            throw new MocapException(ExitCode.OUTPUT_FAILED, "cannot create " + outFolder + ": " + e.getMessage(), e);
        }
        double trueFocal = SampleClip.readCamera(sample.camera()).focal();
        RecoveryOptions d = RecoveryOptions.defaults();
        RecoveryOptions recovery = (knownFocal ? d.withFocal(trueFocal) : d).withMethod(method);
        ConvertJob.Options options = new ConvertJob.Options(PoseOptions.defaults(), recovery,
                SmoothingPreset.DEFAULT, true, EnumSet.of(Format.BVH), Exporters.defaults(), Retargeting.NONE);
        ConvertJob.Result r = new ConvertJob(models, options).run(sample.video(), outFolder.resolve(SampleClip.NAME), progress);
        Motion truth = read(sample.groundTruth());
        Motion recovered = r.outputs().get(0).segment().motion();
        int skipped = (int) Math.round(r.outputs().get(0).segment().startTime() * truth.fps());
        Motion truthPart = frames(truth, skipped, Math.min(recovered.frameCount(), truth.frameCount() - skipped));
        PoseErrors errors = PoseErrors.of(recovered, truthPart);
        return new Result(r, errors, truth.skeleton().names(), truthPart.frameCount(), trueFocal);
    }

    private static Motion frames(Motion m, int from, int count) {
        Vec3[] root = Arrays.copyOfRange(m.rootPositions(), from, from + count);
        JointRotations rotations = m.rotations().range(from, from + count);
        return new Motion(m.skeleton(), m.fps(), root, rotations);
    }

    private static Motion read(Path bvh) {
        try {
            return BvhReader.read(bvh, 1);
        } catch (IOException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot read " + bvh + ": " + AtomicFiles.describe(e), e);
        }
    }

    private DemoJob() {
    }
}
