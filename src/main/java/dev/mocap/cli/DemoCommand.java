package dev.mocap.cli;

import dev.mocap.ExitCode;
import dev.mocap.body.PoseErrors;
import dev.mocap.body.Smpl24;
import dev.mocap.nn.ModelStore;
import dev.mocap.pipeline.DemoJob;
import dev.mocap.recover.RecoveryMethod;
import dev.mocap.recover.RecoveryOptions;
import dev.mocap.pipeline.Progress;
import dev.mocap.preview.SampleMotion;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** {@code mocap demo}: the sample clip converted end to end and measured against its ground truth. */
final class DemoCommand implements Command {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String synopsis() {
        return "[--out FOLDER] [--samples FOLDER]";
    }

    @Override
    public String summary() {
        return "converts the project's sample clip (samples/walk_wave.mp4) and prints its error against the ground truth";
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("out").hasArg().argName("FOLDER").desc("where the outputs go (default: out/demo)").build());
        o.addOption(Option.builder().longOpt("samples").hasArg().argName("FOLDER")
                .desc("the folder with the sample (default: the tool's samples folder)").build());
        o.addOption(Option.builder().longOpt("recovery").hasArg().argName("learned|fit")
                .desc("the recovery to measure (default learned)").build());
        o.addOption(Option.builder().longOpt("known-focal")
                .desc("give the recovery the sample camera's focal length instead of letting it guess").build());
        o.addOption(Option.builder("q").longOpt("quiet").desc("no progress display").build());
        return o;
    }

    @Override
    public ExitCode run(CommandLine line) {
        if (!line.getArgList().isEmpty()) {
            throw new IllegalArgumentException("demo takes no file arguments");
        }
        String home = System.getProperty("mocap.home", ".");
        Path samples = Path.of(line.getOptionValue("samples", Path.of(home, "samples").toString()));
        Path out = Path.of(line.getOptionValue("out", "out/demo"));
        DemoJob.Result r = DemoJob.run(ModelStore.locate(), samples, out, line.hasOption("known-focal"),
                RecoveryMethod.parse(line.getOptionValue("recovery", RecoveryOptions.defaults().method().cliName())),
                Progress.forTerminal("demo", line.hasOption("quiet")));
        PoseErrors e = r.errors();
        System.out.printf(Locale.ROOT, "sample %s: person in %.1f%% of %d frames; subject %.2f m tall (truth %.2f m); "
                        + "camera focal %.0f px %s (true %.0f px)%n", samples.resolve("walk_wave.mp4"),
                100 * (Double) r.conversion().landmarkSummary().get("detection_rate"), r.conversion().videoFrames(),
                Smpl24.standingHeight(r.conversion().recovery().skeleton()),
                Smpl24.standingHeight(SampleMotion.skeleton()), r.conversion().recovery().camera().focal(),
                line.hasOption("known-focal") ? "given" : "guessed", r.trueFocal());
        System.out.printf(Locale.ROOT, "error against the ground truth over %d frames, all 24 joints: MPJPE %.1f mm, PA-MPJPE %.1f mm, "
                + "root %.1f mm%n", r.comparedFrames(), e.mpjpe(), e.paMpjpe(), e.rootError());
        Integer[] order = new Integer[Smpl24.COUNT];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(e.mpjpePerJoint()[b], e.mpjpePerJoint()[a]));
        StringBuilder worst = new StringBuilder("largest joint errors:");
        for (int k = 0; k < 5; k++) {
            worst.append(String.format(Locale.ROOT, " %s %.0f mm", r.joints().get(order[k]), e.mpjpePerJoint()[order[k]]));
        }
        System.out.println(worst);
        System.out.println("wrote " + out + " (animation, sidecar); look at it: mocap preview " + r.conversion().sidecar() + " --video "
                + samples.resolve("walk_wave.mp4"));
        return ExitCode.OK;
    }
}
