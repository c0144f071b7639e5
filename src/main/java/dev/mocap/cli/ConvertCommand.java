package dev.mocap.cli;

import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.body.MotionMetrics;
import dev.mocap.body.Smpl24;
import dev.mocap.export.ExportSettings;
import dev.mocap.export.Sidecar;
import dev.mocap.filter.FloorLevel;
import dev.mocap.filter.ImageEvidence;
import dev.mocap.filter.SmoothingPreset;
import dev.mocap.nn.ModelStore;
import dev.mocap.pipeline.ConvertJob;
import dev.mocap.pipeline.Progress;
import dev.mocap.pose.PersonSelection;
import dev.mocap.pose.PoseOptions;
import dev.mocap.preview.PreviewInput;
import dev.mocap.preview.PreviewRenderer;
import dev.mocap.recover.RecoveryMethod;
import dev.mocap.recover.RecoveryOptions;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code mocap convert VIDEO}: the whole pipeline, video to animation file. */
final class ConvertCommand implements Command {

    @Override
    public String name() {
        return "convert";
    }

    @Override
    public String synopsis() {
        return "VIDEO|LANDMARKS.json [-o OUT] [options]";
    }

    @Override
    public String summary() {
        return "video to a world-grounded animation (BVH, FBX, GLB; SMPL-24 or retargeted) with a JSON sidecar";
    }

    @Override
    public Options options() {
        Options o = new Options();
        ExportCliOptions.addTo(o, "writes OUT.bvh (OUT.fbx, ...) and OUT.mocap.json");
        ExportCliOptions.addRetargetTo(o);
        o.addOption(Option.builder().longOpt("focal").hasArg().argName("PX").desc("camera focal length in pixels").build());
        o.addOption(Option.builder().longOpt("fov").hasArg().argName("DEG").desc("camera horizontal field of view in degrees").build());
        o.addOption(Option.builder().longOpt("height").hasArg().argName("M").desc("the subject's height in metres (fixes the scale)").build());
        o.addOption(Option.builder().longOpt("fps").hasArg().argName("N").desc("output frame rate (default: the video's)").build());
        o.addOption(Option.builder().longOpt("max-gap").hasArg().argName("S")
                .desc("fill gaps without the person up to this many seconds; longer gaps split the output (default 0.5)").build());
        o.addOption(Option.builder().longOpt("recovery").hasArg().argName("learned|fit|onnx:MODEL.onnx")
                .desc("where the body's depth comes from: 'learned' (default) the project's lifting network trained on motion "
                        + "capture and on rendered video (models/LIFTER.md); 'fit' the landmark model's world landmarks; "
                        + "'onnx:MODEL.onnx' your ONNX export of an image-based regressor of the TCMR family, run on the tracker's "
                        + "person crops (docs/REGRESSOR.md). Without --focal or --fov, 'learned' also estimates the focal length")
                .build());
        o.addOption(Option.builder().longOpt("fit-smoothness").hasArg().argName("W")
                .desc("weight of temporal smoothness in the skeleton fit (default 1, 0 = none)").build());
        o.addOption(Option.builder().longOpt("keep-camera-frame")
                .desc("keep the camera's axes instead of levelling the floor and starting at the origin facing +Z").build());
        o.addOption(Option.builder().longOpt("smooth").hasArg().argName("PRESET")
                .desc("smoothing after recovery (default 'default'): " + presetList()).build());
        o.addOption(Option.builder().longOpt("floor").hasArg().argName("auto|lowest|contacts")
                .desc("where the floor goes: " + floorList() + " (default auto)").build());
        o.addOption(Option.builder().longOpt("foot-lock").hasArg().argName("on|off")
                .desc("pin planted feet to the floor with leg IK (default on)").build());
        o.addOption(Option.builder("q").longOpt("quiet").desc("no progress display and no summary (warnings and errors still go to stderr)").build());
        o.addOption(Option.builder().longOpt("progress-lines")
                .desc("progress as plain lines 'progress DONE/TOTAL' on stderr, for programs that run mocap").build());
        o.addOption(Option.builder().longOpt("preview").hasArg().argName("FILE.mp4")
                .desc("also render the preview video of the first person: the input with the motion drawn on it beside the 3D mannequin "
                        + "(needs OpenGL)").build());
        PoseCliOptions.addTo(o);
        return o;
    }

    @Override
    public ExitCode run(CommandLine line) {
        ConvertJob.Options options = jobOptions(line, PoseCliOptions.parse(line));
        Path input = Arguments.single(line, "VIDEO");
        Path base = ExportCliOptions.outputBase(LandmarksCommand.stem(input).replaceFirst("\\.landmarks$", ""), line.getOptionValue("output"));
        AtomicFiles.removeStaleTemporaries(base.toAbsolutePath().getParent());
        Path preview = line.hasOption("preview") ? Path.of(line.getOptionValue("preview")) : null;
        List<Path> planned = new ArrayList<>(options.pose().person().kind() != PersonSelection.Kind.ALL
                // known before the landmarks are made: fail now rather than after them
                ? ConvertJob.plannedFiles(base, options.formats()) : List.of());
        if (preview != null) {
            planned.add(preview);
        }
        ExportCliOptions.checkOutputs(line, planned);
        Progress progress = line.hasOption("progress-lines") ? Progress.asLines()
                : Progress.forTerminal(input.getFileName().toString(), line.hasOption("quiet"));
        List<ConvertJob.Result> results = new ConvertJob(ModelStore.locate(), options)
                .runAll(input, base, progress, files -> ExportCliOptions.checkOutputs(line, files));
        for (ConvertJob.Result r : results) {
            r.recovery().warnings().forEach(w -> System.err.println("mocap: warning: " + w));
            r.outputs().forEach(o -> o.warnings().forEach(w -> System.err.println("mocap: warning: " + w)));
            if (!line.hasOption("quiet")) {
                report(input, r);
            }
        }
        if (preview != null) {
            renderPreview(input, results.get(0), preview, line.hasOption("quiet"));
        }
        return ExitCode.OK;
    }

    /** The conversion the command line asks for (also what {@code mocap batch} does to each file). */
    static ConvertJob.Options jobOptions(CommandLine line, PoseOptions pose) {
        ExportSettings settings = ExportCliOptions.settings(line);
        return new ConvertJob.Options(pose, recoveryOptions(line),
                SmoothingPreset.parse(line.getOptionValue("smooth", SmoothingPreset.DEFAULT.cliName())), footLock(line, "on"),
                settings.formats(), settings.exporters(), settings.retargeting(), FloorLevel.parse(line.getOptionValue("floor", "auto")));
    }

    /** The first segment's preview, beside the video it came from (not beside a landmarks file). */
    private static void renderPreview(Path input, ConvertJob.Result r, Path out, boolean quiet) {
        Sidecar.Output first = r.outputs().get(0);
        Path video = input.getFileName().toString().endsWith(".json") ? null : input;
        PreviewInput preview = new PreviewInput(first.segment().motion(), video, r.recovery().camera(), first.segment().startTime());
        PreviewRenderer.Stats s = new PreviewRenderer(preview, 720).renderVideo(out);
        if (!quiet) {
            System.out.printf(Locale.ROOT, "wrote preview %s (%d frames, %.1f frames/s)%n", out, s.frames(), s.fps());
        }
    }

    static String presetList() {
        StringBuilder s = new StringBuilder();
        for (SmoothingPreset p : SmoothingPreset.values()) {
            s.append(s.isEmpty() ? "" : "; ").append(p.cliName()).append(" = ").append(p.description());
        }
        return s.toString();
    }

    private static String floorList() {
        StringBuilder s = new StringBuilder();
        for (FloorLevel f : FloorLevel.values()) {
            s.append(s.isEmpty() ? "" : "; ").append(f.cliName()).append(" = ").append(f.description());
        }
        return s.toString();
    }

    static boolean footLock(CommandLine line, String fallback) {
        String value = line.getOptionValue("foot-lock", fallback);
        if (!value.equals("on") && !value.equals("off")) {
            throw new IllegalArgumentException("--foot-lock is on or off, not '" + value + "'");
        }
        return value.equals("on");
    }

    private static RecoveryOptions recoveryOptions(CommandLine line) {
        RecoveryOptions d = RecoveryOptions.defaults();
        String recovery = line.getOptionValue("recovery", d.method().cliName());
        double fov = number(line, "fov", d.fovDegrees());
        if (line.hasOption("fov") && fov >= 180) {
            throw new IllegalArgumentException("--fov is a horizontal field of view in degrees, above 0 and below 180, not '"
                    + line.getOptionValue("fov") + "'");
        }
        return new RecoveryOptions(number(line, "focal", d.focalPx()), fov,
                number(line, "height", d.subjectHeight()), number(line, "fps", d.fps()), line.hasOption("keep-camera-frame"),
                number(line, "max-gap", d.maxGapSeconds()), number(line, "fit-smoothness", d.smoothness()),
                recovery.startsWith(RecoveryOptions.ONNX) ? d.method() : RecoveryMethod.parse(recovery),
                recovery.startsWith(RecoveryOptions.ONNX) ? Path.of(recovery.substring(RecoveryOptions.ONNX.length())) : null);
    }

    private static double number(CommandLine line, String option, double fallback) {
        if (!line.hasOption(option)) {
            return fallback;
        }
        String value = line.getOptionValue(option);
        try {
            double v = Double.parseDouble(value);
            if (v >= 0 && Double.isFinite(v) && (v > 0 || option.equals("fit-smoothness") || option.equals("max-gap"))) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--" + option + " needs a positive number, not '" + value + "'");
    }

    private static void report(Path input, ConvertJob.Result r) {
        Object person = r.landmarkSummary().get("person");
        System.out.printf(Locale.ROOT, "%s: %d video frames, person%s in %s%% of them, landmarks in %.1f s%n",
                input.getFileName(), r.videoFrames(), person == null ? "" : " " + person, percent(r.landmarkSummary().get("detection_rate")),
                r.landmarkSeconds());
        System.out.printf(Locale.ROOT, "recovery: %.2f s; subject %.2f m tall; camera focal %.0f px, %.1f m from the start position%n",
                r.recoverySeconds(), Smpl24.standingHeight(r.recovery().skeleton()), r.recovery().camera().focal(),
                r.recovery().camera().position().length());
        for (int i = 0; i < r.outputs().size(); i++) {
            Sidecar.Output o = r.outputs().get(i);
            MotionMetrics before = r.recovered().get(i), m = o.metrics();
            double[] c = o.segment().motion().confidence();
            System.out.printf(Locale.ROOT, "%s: %d frames at %.3g fps (%d filled in), mean confidence %.2f%n",
                    String.join(", ", o.files().stream().map(Path::toString).toList()), o.segment().motion().frameCount(),
                    o.segment().motion().fps(), o.segment().interpolatedCount(), java.util.Arrays.stream(c).average().orElse(0));
            ImageEvidence e = o.evidence();
            System.out.printf(Locale.ROOT, "  recovered → written: jitter %.1f → %.1f mm/frame², ground penetration %.1f → %.1f mm%n",
                    before.accelMmPerFrame2(), m.accelMmPerFrame2(), before.groundPenetrationMm(), m.groundPenetrationMm());
            System.out.printf(Locale.ROOT, "  foot sliding %.1f mm/frame where a foot is still in the image or carries the body (%.1f from the motion alone); "
                            + "lowest foot %.0f mm above the floor (median; %.0f in the worst tenth)%n", e.footSlidingMmPerFrame(),
                    m.footSlidingMmPerFrame(), m.lowestFootMm(), m.lowestFootP90Mm());
            System.out.printf(Locale.ROOT, "  feet planted in %.0f %% of foot-frames, still in the image in %.0f %%; reprojection error %s%n",
                    100 * m.contactFraction(), 100 * e.stillFootFraction(), reprojection(e));
        }
        System.out.println("wrote " + r.sidecar());
    }

    private static String reprojection(ImageEvidence e) {
        StringBuilder s = new StringBuilder();
        e.reprojectionPx().forEach((limb, px) -> s.append(s.isEmpty() ? "" : ", ").append(limb.replace('_', ' ')).append(' ')
                .append(Double.isFinite(px) ? String.format(Locale.ROOT, "%.1f", px) : "-"));
        return s.append(" px").toString();
    }

    private static String percent(Object rate) {
        return rate instanceof Double d ? String.format(Locale.ROOT, "%.1f", 100 * d) : "?";
    }
}
