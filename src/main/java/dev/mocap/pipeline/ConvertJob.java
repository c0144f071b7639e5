package dev.mocap.pipeline;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.FootContactDetector;
import dev.mocap.body.FootContacts;
import dev.mocap.body.Motion;
import dev.mocap.body.MotionMetrics;
import dev.mocap.export.Exporters;
import dev.mocap.export.Format;
import dev.mocap.export.Sidecar;
import dev.mocap.filter.FootLock;
import dev.mocap.filter.SmoothingPreset;
import dev.mocap.nn.ModelStore;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.pose.LandmarkStats;
import dev.mocap.pose.LandmarksJson;
import dev.mocap.pose.PoseOptions;
import dev.mocap.recover.LandmarkRecovery;
import dev.mocap.recover.Recovery;
import dev.mocap.recover.RecoveryOptions;
import dev.mocap.recover.Segment;
import dev.mocap.retarget.Retargeting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Video (or a landmarks file made earlier) → landmarks → recovered motion → smoothing, foot
 * contacts and foot locking → retargeting → animation files and the sidecar. A clip that splits into several segments gives {@code NAME.bvh},
 * {@code NAME.part2.bvh}, … (and the same for each format asked for).
 */
public final class ConvertJob {

    /**
     * What a conversion needs to know; {@code smoothing} runs on each recovered segment before
     * foot contacts are found, then the feet are locked if {@code footLock}; {@code retargeting}
     * maps the result onto the target rig just before it is written.
     */
    public record Options(PoseOptions pose, RecoveryOptions recovery, SmoothingPreset smoothing, boolean footLock,
                          Set<Format> formats, Exporters exporters, Retargeting retargeting) {
    }

    /**
     * What it produced; {@code recovered} holds each output's figures before smoothing and foot
     * locking (the outputs' own are after).
     */
    public record Result(Recovery recovery, List<Sidecar.Output> outputs, List<MotionMetrics> recovered, Path sidecar,
                         Map<String, Object> landmarkSummary, double landmarkSeconds, double recoverySeconds, int videoFrames) {
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
        List<MotionMetrics> recovered = new ArrayList<>();
        for (int i = 0; i < recovery.segments().size(); i++) {
            Segment segment = recovery.segments().get(i);
            recovered.add(MotionMetrics.of(segment.motion()));
            Motion motion = postProcess(segment.motion());
            Motion written = options.retargeting().apply(motion);
            List<Path> files = new ArrayList<>();
            for (Format format : options.formats()) {
                Path file = animationFile(base, i, format);
                options.exporters().write(written, format, file);
                files.add(file);
            }
            outputs.add(new Sidecar.Output(files, new Segment(motion, segment.startTime(), segment.interpolated()),
                    MotionMetrics.of(motion), written));
        }
        Path sidecar = sidecarFile(base);
        Sidecar.write(sidecar, landmarks.video(), recovery, outputs, summary,
                new Sidecar.Settings(options.smoothing().cliName(), options.footLock(), options.retargeting()));
        return new Result(recovery, outputs, recovered, sidecar, summary, (recoveryStart - start) / 1e9, recoverySeconds,
                landmarks.frames().size());
    }

    private Motion postProcess(Motion recovered) {
        Motion smooth = options.smoothing().filter().apply(recovered);
        Motion withContacts = smooth.withContacts(FootContactDetector.detect(smooth));
        if (!options.footLock()) {
            return withContacts;
        }
        // Pulled down to the floor, a foot can look planted on more frames than before: lock those too.
        FootContacts after = FootContactDetector.detect(FootLock.DEFAULT.apply(withContacts));
        return FootLock.DEFAULT.apply(smooth.withContacts(withContacts.contacts().or(after)));
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
