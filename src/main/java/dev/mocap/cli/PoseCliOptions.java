package dev.mocap.cli;

import dev.mocap.nn.Device;
import dev.mocap.nn.PoseModel;
import dev.mocap.pose.PersonSelection;
import dev.mocap.pose.PoseOptions;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.util.Locale;

/** The landmark-estimation options shared by every command that runs BlazePose. */
final class PoseCliOptions {

    static void addTo(Options options) {
        PoseOptions d = PoseOptions.defaults();
        options.addOption(Option.builder().longOpt("model").hasArg().argName("lite|full|heavy")
                .desc("landmark model (default full; heavy is best for side views)").build());
        options.addOption(Option.builder().longOpt("device").hasArg().argName("cpu|cuda")
                .desc("where inference runs (default cpu; cuda needs a build with -Pcuda)").build());
        options.addOption(Option.builder().longOpt("threads").hasArg().argName("N")
                .desc("inference threads per model (default: the cores, up to 4; here " + d.threads() + ")").build());
        options.addOption(Option.builder().longOpt("min-detection-score").hasArg().argName("P")
                .desc("person detector threshold, 0..1 (default " + d.minDetectionScore() + ")").build());
        options.addOption(Option.builder().longOpt("min-pose-score").hasArg().argName("P")
                .desc("landmark-model presence threshold below which the person counts as lost (default "
                        + d.minPoseScore() + ")").build());
        options.addOption(Option.builder().longOpt("person").hasArg().argName("largest|all|ID")
                .desc("which tracked person to put out: largest (default: the one filling the most frames x area), "
                        + "all (one output each), or a track id as shown in the overlay and the landmarks JSON").build());
    }

    static PoseOptions parse(CommandLine line) {
        PoseOptions d = PoseOptions.defaults();
        return new PoseOptions(
                line.hasOption("model") ? landmarkModel(line.getOptionValue("model")) : d.model(),
                line.hasOption("device") ? Device.parse(line.getOptionValue("device")) : d.device(),
                line.hasOption("threads") ? positiveInt("threads", line.getOptionValue("threads")) : d.threads(),
                line.hasOption("min-detection-score") ? probability("min-detection-score", line.getOptionValue("min-detection-score")) : d.minDetectionScore(),
                line.hasOption("min-pose-score") ? probability("min-pose-score", line.getOptionValue("min-pose-score")) : d.minPoseScore(),
                line.hasOption("person") ? PersonSelection.parse(line.getOptionValue("person")) : d.person());
    }

    static PoseModel landmarkModel(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "lite" -> PoseModel.LITE;
            case "full" -> PoseModel.FULL;
            case "heavy" -> PoseModel.HEAVY;
            default -> throw new IllegalArgumentException("unknown model '" + name + "' (use lite, full or heavy)");
        };
    }

    static int positiveInt(String option, String value) {
        try {
            int v = Integer.parseInt(value);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--" + option + " needs a positive whole number, not '" + value + "'");
    }

    private static float probability(String option, String value) {
        try {
            float v = Float.parseFloat(value);
            if (v >= 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--" + option + " needs a number between 0 and 1, not '" + value + "'");
    }

    private PoseCliOptions() {
    }
}
