package dev.mocap.cli;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.nn.ModelStore;
import dev.mocap.bench.AccuracyBenchmark;
import dev.mocap.bench.BatchBenchmark;
import dev.mocap.bench.ExportBenchmark;
import dev.mocap.bench.FilterBenchmark;
import dev.mocap.bench.LabelBenchmark;
import dev.mocap.bench.LandmarkBenchmark;
import dev.mocap.bench.RecoveryBenchmark;
import dev.mocap.bench.ConvertBenchmark;
import dev.mocap.pose.PoseOptions;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mocap bench landmarks|recovery|convert VIDEO}, {@code mocap bench filters [CMU_DIR]},
 * {@code mocap bench export [VIDEO|MOTION.bvh]}: speed and quality benchmarks.
 */
final class BenchCommand implements Command {
    private static final int DEFAULT_FRAMES = 150;
    private static final int DEFAULT_ROUNDS = 3;
    /** The CMU clips of the shared test data, seen from a checkout. */
    private static final String DEFAULT_CMU_DIR = "../shared/testdata/mocap/cmu";
    /** The training corpus, whose held-out clips the accuracy benchmark films. */
    private static final String DEFAULT_CORPUS_DIR = "../shared/mocap-corpus";
    /** The test clip the export benchmark converts when given nothing. */
    private static final String DEFAULT_EXPORT_INPUT = "../shared/testdata/video/tfjs/pose_1.mp4";
    /** The test clips the batch benchmark converts when given nothing. */
    private static final List<Path> DEFAULT_BATCH_INPUTS = List.of(Path.of(DEFAULT_EXPORT_INPUT),
            Path.of("../shared/testdata/video/tfjs/pose_squats.mp4"));

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String synopsis() {
        return "landmarks|recovery|convert VIDEO [--frames N] [--rounds N] [--model lite|full|heavy] [--regressor MODEL.onnx] | filters [CMU_DIR] | export [VIDEO|MOTION.bvh] | batch [DIR|VIDEOS...] | accuracy [CORPUS_DIR [CMU_DIR]] [--rendered DIR] [--lifter NAME=MODEL.onnx]... | labels [CORPUS_DIR] --rendered DIR";
    }

    @Override
    public String summary() {
        return "benchmarks: 'landmarks' (ms/frame per stage, fps at 1 and 2 threads, vs TFLite+XNNPACK), "
                + "'recovery' (recovery frames/s and end-to-end convert fps; --regressor also times --recovery onnx:MODEL.onnx), "
                + "'convert' (whole convert against inference alone, ONNX Runtime and TFLite+XNNPACK: fps, CPU ms/frame, ratios), "
                + "'filters' (smoothing presets on noisy CMU clips: accel error, MPJPE, time), "
                + "'export' (time to write 10 000 frames as BVH, FBX, GLB), "
                + "'batch' (videos/min and frames/s with --jobs 1 and 2), "
                + "'accuracy' (raw landmarks, --recovery fit and learned, and further lifting networks, against exact 3D truth "
                + "on held-out mocap), "
                + "'labels' (how often the landmark model exchanges left and right on the rendered held-out clips, and what the "
                + "swap repair does about it)";
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("frames").hasArg().argName("N")
                .desc("frames of the video to use (default " + DEFAULT_FRAMES + ")").build());
        o.addOption(Option.builder().longOpt("rounds").hasArg().argName("N")
                .desc("convert: rounds of the three measurements, taken in turn (default " + DEFAULT_ROUNDS + ")").build());
        o.addOption(Option.builder().longOpt("rendered").hasArg().argName("DIR")
                .desc("accuracy, labels: render the held-out clips as videos into DIR (kept for reruns) and measure them through the "
                        + "landmark model (needs OpenGL: xvfb-run on a server)").build());
        o.addOption(Option.builder().longOpt("lifter").hasArg().argName("NAME=MODEL.onnx")
                .desc("accuracy: also measure this lifting network (models/LIFTER.md's contract) as --recovery learned, in rows "
                        + "'lifter NAME', and its speed; repeatable").build());
        o.addOption(Option.builder().longOpt("regressor").hasArg().argName("MODEL.onnx")
                .desc("recovery: also time this ONNX regressor as --recovery onnx:MODEL.onnx (docs/REGRESSOR.md)").build());
        o.addOption(Option.builder().longOpt("model").hasArg().argName("lite|full|heavy")
                .desc("landmark model (default full)").build());
        return o;
    }

    @Override
    public ExitCode run(CommandLine line) {
        List<String> args = line.getArgList();
        if (line.hasOption("lifter") && (args.isEmpty() || !args.get(0).equals("accuracy"))) {
            throw new IllegalArgumentException("--lifter is an option of bench accuracy");
        }
        if (!args.isEmpty() && args.get(0).equals("filters") && args.size() <= 2) {
            new FilterBenchmark(ModelStore.locate(), System.out).run(Path.of(args.size() == 2 ? args.get(1) : DEFAULT_CMU_DIR));
            return ExitCode.OK;
        }
        if (!args.isEmpty() && args.get(0).equals("export") && args.size() <= 2) {
            new ExportBenchmark(ModelStore.locate(), System.out).run(Path.of(args.size() == 2 ? args.get(1) : DEFAULT_EXPORT_INPUT));
            return ExitCode.OK;
        }
        if (!args.isEmpty() && args.get(0).equals("accuracy") && args.size() <= 3) {
            try {
                new AccuracyBenchmark(ModelStore.locate(), System.out, lifters(line.getOptionValues("lifter"))).run(Path.of(args.size() > 1 ? args.get(1) : DEFAULT_CORPUS_DIR),
                        Path.of(args.size() > 2 ? args.get(2) : DEFAULT_CMU_DIR),
                        line.hasOption("rendered") ? Path.of(line.getOptionValue("rendered")) : null);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return ExitCode.OK;
        }
        if (!args.isEmpty() && args.get(0).equals("labels") && args.size() <= 2) {
            if (!line.hasOption("rendered")) {
                throw new IllegalArgumentException("bench labels needs --rendered DIR (where the held-out clips' videos are rendered)");
            }
            try {
                new LabelBenchmark(ModelStore.locate(), System.out).run(Path.of(args.size() > 1 ? args.get(1) : DEFAULT_CORPUS_DIR),
                        Path.of(line.getOptionValue("rendered")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return ExitCode.OK;
        }
        if (!args.isEmpty() && args.get(0).equals("batch")) {
            new BatchBenchmark(ModelStore.locate(), System.out)
                    .run(args.size() > 1 ? args.subList(1, args.size()).stream().map(Path::of).toList() : DEFAULT_BATCH_INPUTS);
            return ExitCode.OK;
        }
        if (args.size() != 2 || !List.of("landmarks", "recovery", "convert").contains(args.get(0))) {
            throw new IllegalArgumentException("expected: bench landmarks VIDEO, bench recovery VIDEO, bench convert VIDEO, bench filters [CMU_DIR], "
                    + "or bench export [VIDEO|MOTION.bvh]");
        }
        if (args.get(0).equals("recovery")) {
            new RecoveryBenchmark(ModelStore.locate(), System.out)
                    .run(Path.of(args.get(1)), line.hasOption("regressor") ? Path.of(line.getOptionValue("regressor")) : null);
            return ExitCode.OK;
        }
        if (args.get(0).equals("convert")) {
            int rounds = line.hasOption("rounds") ? PoseCliOptions.positiveInt("rounds", line.getOptionValue("rounds")) : DEFAULT_ROUNDS;
            PoseOptions pose = PoseOptions.defaults();
            new ConvertBenchmark(ModelStore.locate(), new PoseOptions(PoseCliOptions.landmarkModel(line.getOptionValue("model", "full")),
                    pose.device(), pose.threads(), pose.minDetectionScore(), pose.minPoseScore(), pose.person()), System.out)
                    .run(Path.of(args.get(1)), rounds);
            return ExitCode.OK;
        }
        int frames = line.hasOption("frames") ? PoseCliOptions.positiveInt("frames", line.getOptionValue("frames")) : DEFAULT_FRAMES;
        new LandmarkBenchmark(ModelStore.locate(), PoseCliOptions.landmarkModel(line.getOptionValue("model", "full")), System.out)
                .run(Path.of(args.get(1)), frames);
        return ExitCode.OK;
    }

    /** The {@code --lifter NAME=MODEL.onnx} values by name, in the order given. */
    static Map<String, Path> lifters(String[] values) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (String value : values == null ? new String[0] : values) {
            int eq = value.indexOf('=');
            if (eq <= 0 || eq == value.length() - 1) {
                throw new IllegalArgumentException("--lifter must be NAME=MODEL.onnx, not '" + value + "'");
            }
            Path file = Path.of(value.substring(eq + 1));
            if (!Files.isRegularFile(file)) {
                throw new MocapException(ExitCode.BAD_INPUT, "--lifter " + value + ": no such file");
            }
            if (out.put(value.substring(0, eq), file) != null) {
                throw new IllegalArgumentException("--lifter: the name " + value.substring(0, eq) + " is given twice");
            }
        }
        return out;
    }
}
