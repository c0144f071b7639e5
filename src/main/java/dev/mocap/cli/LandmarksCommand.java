package dev.mocap.cli;

import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.nn.ModelStore;
import dev.mocap.pipeline.LandmarksJob;
import dev.mocap.pipeline.Progress;
import dev.mocap.pose.PeopleSequence;
import dev.mocap.pose.PoseOptions;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code mocap landmarks VIDEO}: per-frame BlazePose landmarks as JSON, and an overlay video. */
final class LandmarksCommand implements Command {

    @Override
    public String name() {
        return "landmarks";
    }

    @Override
    public String synopsis() {
        return "VIDEO [-o OUT.json] [--overlay OUT.mp4] [options]";
    }

    @Override
    public String summary() {
        return "per-frame 2D + metric 3D body landmarks of the tracked people (JSON), optional overlay video with their ids";
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE")
                .desc("landmarks JSON to write (default: VIDEO_NAME.landmarks.json in the current folder)").build());
        o.addOption(Option.builder().longOpt("overlay").hasArg().argName("FILE.mp4")
                .desc("also write the video with the detected skeleton drawn on it").build());
        o.addOption(Option.builder("f").longOpt("force").desc("overwrite existing output files").build());
        o.addOption(Option.builder("q").longOpt("quiet").desc("no progress display and no summary (warnings and errors still go to stderr)").build());
        PoseCliOptions.addTo(o);
        return o;
    }

    @Override
    public ExitCode run(CommandLine line) {
        Path video = Arguments.single(line, "VIDEO");
        Path json = Path.of(line.getOptionValue("output", stem(video) + ".landmarks.json"));
        Path overlay = line.hasOption("overlay") ? Path.of(line.getOptionValue("overlay")) : null;
        PoseOptions options = PoseCliOptions.parse(line);
        for (Path out : overlay == null ? List.of(json) : List.of(json, overlay)) {
            if (!line.hasOption("force")) {
                refuseExisting(out);
            }
            AtomicFiles.checkWritable(out);
        }
        LandmarksJob.Result r = new LandmarksJob(ModelStore.locate(), options)
                .run(video, json, overlay, Progress.forTerminal(video.getFileName().toString(), line.hasOption("quiet")));
        r.sequence().warnings().forEach(w -> System.err.println("mocap: warning: " + w));
        if (!line.hasOption("quiet")) {
            report(r, json, overlay);
        }
        return ExitCode.OK;
    }

    private static void report(LandmarksJob.Result r, Path json, Path overlay) {
        Map<String, Object> s = r.summary();
        PeopleSequence people = r.people();
        System.out.printf(Locale.ROOT, "%s: %d frames, %d %s tracked, %.1f fps%n", people.video().file().getFileName(),
                people.frames().size(), people.persons().size(), people.persons().size() == 1 ? "person" : "people", r.fps());
        for (int id : people.persons()) {
            System.out.printf(Locale.ROOT, "  person %d: %d frames%s%n", id, people.frameCount(id), r.selected().contains(id) ? ", written" : "");
        }
        if (!r.selected().isEmpty()) {
            System.out.printf(Locale.ROOT, "person %d in %s frames (%.1f%%)%n", r.selected().get(0), s.get("frames_with_person"),
                    100 * r.sequence().detectionRate());
        }
        System.out.println("mean visibility: " + s.get("mean_visibility"));
        System.out.println("hip jitter (median second difference): " + s.get("hip_jitter_median_px") + " px = "
                + s.get("hip_jitter_percent_of_torso") + " % of torso");
        System.out.println("wrote " + json + (overlay != null ? " and " + overlay : ""));
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static void refuseExisting(Path out) {
        if (Files.exists(out)) {
            throw new MocapException(ExitCode.OUTPUT_FAILED, out + " already exists (use --force to overwrite)");
        }
    }
}
