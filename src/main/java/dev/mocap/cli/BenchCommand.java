package dev.mocap.cli;

import dev.mocap.ExitCode;
import dev.mocap.nn.ModelStore;
import dev.mocap.pipeline.LandmarkBenchmark;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Path;
import java.util.List;

/** {@code mocap bench landmarks VIDEO}: per-stage timings and fps against the TFLite baseline. */
final class BenchCommand implements Command {
    private static final int DEFAULT_FRAMES = 150;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String synopsis() {
        return "landmarks VIDEO [--frames N] [--model lite|full|heavy]";
    }

    @Override
    public String summary() {
        return "benchmark: ms/frame per stage and end-to-end fps at 1 and 2 threads, vs TFLite+XNNPACK";
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("frames").hasArg().argName("N")
                .desc("frames of the video to use (default " + DEFAULT_FRAMES + ")").build());
        o.addOption(Option.builder().longOpt("model").hasArg().argName("lite|full|heavy")
                .desc("landmark model (default full)").build());
        return o;
    }

    @Override
    public ExitCode run(CommandLine line) {
        List<String> args = line.getArgList();
        if (args.size() != 2 || !args.get(0).equals("landmarks")) {
            throw new IllegalArgumentException("expected: bench landmarks VIDEO");
        }
        int frames = line.hasOption("frames") ? PoseCliOptions.positiveInt("frames", line.getOptionValue("frames")) : DEFAULT_FRAMES;
        new LandmarkBenchmark(ModelStore.locate(), PoseCliOptions.landmarkModel(line.getOptionValue("model", "full")), System.out)
                .run(Path.of(args.get(1)), frames);
        return ExitCode.OK;
    }
}
