package dev.mocap.pipeline;

import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Motion;
import dev.mocap.body.MotionMetrics;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import dev.mocap.export.Sidecar;
import dev.mocap.filter.FloorLevel;
import dev.mocap.filter.ImageEvidence;
import dev.mocap.filter.SmoothingPreset;
import dev.mocap.nn.ModelStore;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.pose.LandmarkStats;
import dev.mocap.pose.LandmarksJson;
import dev.mocap.pose.PeopleSequence;
import dev.mocap.pose.PoseOptions;
import dev.mocap.recover.MotionRecovery;
import dev.mocap.recover.Recovery;
import dev.mocap.recover.RecoveryOptions;
import dev.mocap.recover.Segment;
import dev.mocap.recover.StreamedRecovery;
import dev.mocap.recover.WindowedRecovery;
import dev.mocap.retarget.Retargeting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Video (or a landmarks file made earlier) → landmarks → recovered motion → smoothing, foot
 * contacts and foot locking → retargeting → animation files and the sidecar, for each person
 * selected. A clip that splits into several segments gives {@code NAME.bvh},
 * {@code NAME.part2.bvh}, … (and the same for each format asked for).
 */
public final class ConvertJob {
    /** What a conversion's output base is followed by in its sidecar's name. */
    public static final String SIDECAR_SUFFIX = ".mocap.json";

    /**
     * What a conversion needs to know; {@code floor} says where the floor goes after recovery;
     * {@code smoothing} runs on each recovered segment before foot contacts are found, then the
     * feet are locked if {@code footLock}; {@code retargeting} maps the result onto the target
     * rig just before it is written.
     */
    public record Options(PoseOptions pose, RecoveryOptions recovery, SmoothingPreset smoothing, boolean footLock,
                          Set<Format> formats, Exporters exporters, Retargeting retargeting, FloorLevel floor) {

        /** With the floor where recovery fitted it. */
        public Options(PoseOptions pose, RecoveryOptions recovery, SmoothingPreset smoothing, boolean footLock,
                       Set<Format> formats, Exporters exporters, Retargeting retargeting) {
            this(pose, recovery, smoothing, footLock, formats, exporters, retargeting, FloorLevel.AUTO);
        }
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
    private final WindowedRecovery recovery;

    /**
     * A conversion with the recovery that the options name (its model is loaded now, so a missing
     * one fails early), in windows on long videos, recovered while the video is tracked, so that
     * memory does not grow with their length.
     */
    public ConvertJob(ModelStore models, Options options) {
        this(models, options, options.recovery().create(models, options.pose().device(), options.pose().threads(),
                options.exporters().smplModel()));
    }

    /** A conversion handed its recovery (any {@link MotionRecovery}), which it runs window by window while the video is tracked. */
    public ConvertJob(ModelStore models, Options options, MotionRecovery recovery) {
        this.models = models;
        this.options = options;
        this.recovery = new WindowedRecovery(recovery);
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

    /** The files a conversion of the people {@code persons} to {@code base} writes for their first segments. */
    public static List<Path> plannedFiles(Path base, Set<Format> formats, List<Integer> persons) {
        List<Path> files = new ArrayList<>();
        for (int person : persons) {
            files.addAll(plannedFiles(personBase(base, person, persons.size()), formats));
        }
        return files;
    }

    /** Converts the people selected (the largest, by default); the first one's result. */
    public Result run(Path input, Path base, Progress progress) {
        return runAll(input, base, progress, files -> { }).get(0);
    }

    /**
     * Converts each person selected by the pose options: one person gives {@code NAME.bvh}, …;
     * several give {@code NAME.person2.bvh}, … (track ids). {@code checkOutputs} sees every
     * first-segment file before anything is written, once the people are known.
     */
    public List<Result> runAll(Path input, Path base, Progress progress, Consumer<List<Path>> checkOutputs) {
        long start = System.nanoTime();
        double landmarkSeconds;
        PeopleSequence people;
        List<Integer> persons;
        StreamedRecovery streamed = null;
        if (isLandmarksFile(input)) {
            people = readLandmarks(input);
            persons = options.pose().person().select(people);
            landmarkSeconds = (System.nanoTime() - start) / 1e9;
        } else {
            streamed = new StreamedRecovery(recovery, options.recovery(), options.pose().person(), options.pose().model().fileBase());
            LandmarksJob.Result r;
            try (BackgroundListener recovering = new BackgroundListener(streamed::frame, "recovery " + input.getFileName())) {
                r = new LandmarksJob(models, options.pose()).run(input, progress, recovering);
                // Models loaded and every frame tracked; recovery may still be catching up (its time is counted apart).
                landmarkSeconds = (System.nanoTime() - start) / 1e9;
                recovering.drain();
            }
            people = r.people();
            persons = r.selected();
        }
        List<Integer> converted = persons.isEmpty() ? List.of(PeopleSequence.NOBODY) : persons;
        if (streamed != null) {
            streamed.keepOnly(converted);
        }
        checkOutputs.accept(plannedFiles(base, options.formats(), converted));
        List<Result> results = new ArrayList<>();
        for (int person : converted) {
            LandmarkSequence landmarks = people.person(person);
            long recoveryStart = System.nanoTime();
            Recovery fitted = streamed == null ? recovery.recover(landmarks, options.recovery())
                    : streamed.finish(person, people.video(), landmarks.warnings());
            double recoverySeconds = streamed == null ? (System.nanoTime() - recoveryStart) / 1e9 : streamed.seconds(person);
            results.add(convert(landmarks, fitted, recoverySeconds, LandmarkStats.summarize(people, person),
                    personBase(base, person, converted.size()), landmarkSeconds));
        }
        return results;
    }

    private Result convert(LandmarkSequence landmarks, Recovery fitted, double recoverySeconds, Map<String, Object> summary, Path base,
                           double landmarkSeconds) {
        List<Segment> relabelled = fitted.segments().stream().map(segment -> ResampledFrames.relabel(segment, landmarks)).toList();
        double raise = relabelled.stream().max(Comparator.comparingInt(segment -> segment.motion().frameCount()))
                .map(longest -> options.floor().raise(longest, landmarks, fitted.camera())).orElse(0.0);
        Recovery recovery = raised(new Recovery(relabelled, fitted.camera(), fitted.skeleton(), fitted.warnings()), raise);
        List<Sidecar.Output> outputs = new ArrayList<>();
        List<MotionMetrics> recovered = new ArrayList<>();
        for (int i = 0; i < recovery.segments().size(); i++) {
            Segment segment = recovery.segments().get(i);
            recovered.add(MotionMetrics.of(segment.motion()));
            Motion motion = MotionFinishing.apply(segment.motion(), options.smoothing().filter(() -> models), options.footLock());
            Motion written = options.retargeting().apply(motion);
            List<Path> files = new ArrayList<>();
            for (Format format : options.formats()) {
                Path file = animationFile(base, i, format);
                options.exporters().write(format == Format.SMPL ? motion : written, format, file);
                files.add(file);
            }
            outputs.add(new Sidecar.Output(files, new Segment(motion, segment.startTime(), segment.interpolated()),
                    MotionMetrics.of(motion), ImageEvidence.of(motion, segment.startTime(), segment.interpolated(), landmarks,
                    recovery.camera()), written));
        }
        Path sidecar = sidecarFile(base);
        Sidecar.write(sidecar, landmarks.video(), recovery, outputs, summary,
                new Sidecar.Settings(options.recovery().recoveryName(), options.smoothing().cliName(), options.footLock(),
                        options.floor().cliName(), raise, options.retargeting(), ConversionSettings.of(options),
                        options.exporters().smplModel() == null ? null : options.exporters().smplModel().bodyFor(recovery.skeleton()).skeleton()));
        return new Result(recovery, outputs, recovered, sidecar, summary, landmarkSeconds, recoverySeconds,
                landmarks.frames().size());
    }

    /** The recovery moved up by {@code dy} metres, motions and camera together (--floor). */
    private static Recovery raised(Recovery r, double dy) {
        List<Segment> segments = r.segments().stream()
                .map(segment -> new Segment(FloorLevel.raised(segment.motion(), dy), segment.startTime(), segment.interpolated())).toList();
        return new Recovery(segments, FloorLevel.raised(r.camera(), dy), r.skeleton(), r.warnings());
    }

    static boolean isLandmarksFile(Path input) {
        return input.getFileName().toString().endsWith(".json");
    }

    private static PeopleSequence readLandmarks(Path input) {
        try {
            return LandmarksJson.read(input);
        } catch (IOException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot read landmarks file " + input + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** {@code base} itself for a single person, else {@code base.personID}. */
    private static Path personBase(Path base, int person, int people) {
        return people == 1 ? base : base.resolveSibling(base.getFileName() + ".person" + person);
    }

    private static Path animationFile(Path base, int segment, Format format) {
        return ExportJob.file(segment == 0 ? base : base.resolveSibling(base.getFileName() + ".part" + (segment + 1)), format);
    }

    static Path sidecarFile(Path base) {
        return base.resolveSibling(base.getFileName() + SIDECAR_SUFFIX);
    }
}
