package dev.mocap.pipeline;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.FootContactDetector;
import dev.mocap.body.Motion;
import dev.mocap.body.MotionMetrics;
import dev.mocap.export.Exporters;
import dev.mocap.export.Format;
import dev.mocap.export.Sidecar;
import dev.mocap.nn.ModelStore;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.pose.LandmarkStats;
import dev.mocap.pose.LandmarksJson;
import dev.mocap.pose.PoseOptions;
import dev.mocap.recover.LandmarkRecovery;
import dev.mocap.recover.Recovery;
import dev.mocap.recover.RecoveryOptions;
import dev.mocap.recover.Segment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Video (or a landmarks file made earlier) → landmarks → recovered motion → animation files and
 * the sidecar. A clip that splits into several segments gives {@code NAME.bvh},
 * {@code NAME.part2.bvh}, … (and the same for each format asked for).
 */
public final class ConvertJob {

    /** What a conversion needs to know. */
    public record Options(PoseOptions pose, RecoveryOptions recovery, Set<Format> formats, Exporters exporters) {
    }

    /** What it produced. */
    public record Result(Recovery recovery, List<Sidecar.Output> outputs, Path sidecar, Map<String, Object> landmarkSummary,
                         double landmarkSeconds, double recoverySeconds, int videoFrames) {
    }

    private final ModelStore models;
    private final Options options;

    public ConvertJob(ModelStore models, Options options) {
        this.models = models;
        this.options = options;
    }

    /** The files a conversion to {@code base} writes for its first segment, for checks before it runs. */
    public static List<Path> plannedFiles(Path base, Set<Format> formats) {
        List<Path> files = new ArrayList<>();
        for (Format f : formats) {
            files.add(animationFile(base, 0, f));
        }
        files.add(sidecarFile(base));
        return files;
    }

    public Result run(Path input, Path base, Progress progress) {
        long start = System.nanoTime();
        LandmarkSequence landmarks;
        Map<String, Object> summary;
        if (isLandmarksFile(input)) {
            landmarks = readLandmarks(input);
            summary = LandmarkStats.summarize(landmarks);
        } else {
            LandmarksJob.Result r = new LandmarksJob(models, options.pose()).run(input, null, null, progress);
            landmarks = r.sequence();
            summary = r.summary();
        }
        long recoveryStart = System.nanoTime();
        Recovery recovery = new LandmarkRecovery().recover(landmarks, options.recovery());
        double recoverySeconds = (System.nanoTime() - recoveryStart) / 1e9;
        List<Sidecar.Output> outputs = new ArrayList<>();
        for (int i = 0; i < recovery.segments().size(); i++) {
            Segment segment = recovery.segments().get(i);
            Motion motion = segment.motion().withContacts(FootContactDetector.detect(segment.motion()));
            List<Path> files = new ArrayList<>();
            for (Format format : options.formats()) {
                Path file = animationFile(base, i, format);
                options.exporters().write(motion, format, file);
                files.add(file);
            }
            outputs.add(new Sidecar.Output(files, segment, MotionMetrics.of(motion)));
        }
        Path sidecar = sidecarFile(base);
        Sidecar.write(sidecar, landmarks.video(), recovery, outputs, summary);
        return new Result(recovery, outputs, sidecar, summary, (recoveryStart - start) / 1e9, recoverySeconds,
                landmarks.frames().size());
    }

    static boolean isLandmarksFile(Path input) {
        return input.getFileName().toString().endsWith(".json");
    }

    private static LandmarkSequence readLandmarks(Path input) {
        try {
            return LandmarksJson.read(input);
        } catch (IOException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot read landmarks file " + input + ": " + e.getMessage(), e);
        }
    }

    private static Path animationFile(Path base, int segment, Format format) {
        return ExportJob.file(segment == 0 ? base : base.resolveSibling(base.getFileName() + ".part" + (segment + 1)), format);
    }

    private static Path sidecarFile(Path base) {
        return base.resolveSibling(base.getFileName() + ".mocap.json");
    }
}
