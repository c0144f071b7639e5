package dev.mocap.cli;

import dev.mocap.ExitCode;
import dev.mocap.nn.ModelStore;
import dev.mocap.pipeline.BatchDisplay;
import dev.mocap.pipeline.BatchInputs;
import dev.mocap.pipeline.BatchJob;
import dev.mocap.pipeline.BatchReport;
import dev.mocap.pipeline.ConvertJob;
import dev.mocap.pose.PoseOptions;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Path;
import java.util.List;

/** {@code mocap batch DIR|FILES... -o OUTDIR}: {@code convert} for many videos, in parallel, resumable. */
final class BatchCommand implements Command {

    @Override
    public String name() {
        return "batch";
    }

    @Override
    public String synopsis() {
        return "DIR|FILES... -o OUTDIR [--jobs N] [--recursive] [convert options]";
    }

    @Override
    public String summary() {
        return "convert every video of folders or a list into OUTDIR; skips finished ones, reports all in batch-report.json";
    }

    @Override
    public Options options() {
        Options o = new ConvertCommand().options();
        o.addOption(Option.builder("o").longOpt("output").hasArg().argName("OUTDIR")
                .desc("folder for the outputs (made if missing): NAME.bvh, ..., NAME.mocap.json per video, and "
                        + BatchReport.FILE_NAME).build());
        o.addOption(Option.builder("j").longOpt("jobs").hasArg().argName("N")
                .desc("videos converted at the same time (default 1); the inference threads are shared out among them").build());
        o.addOption(Option.builder().longOpt("recursive").desc("also take the videos in sub-folders").build());
        o.addOption(Option.builder("f").longOpt("force").desc("convert again the videos whose outputs are already complete").build());
        return o;
    }

    @Override
    public ExitCode run(CommandLine line) {
        if (line.getArgList().isEmpty()) {
            throw new IllegalArgumentException("missing DIR or FILES");
        }
        if (!line.hasOption("output")) {
            throw new IllegalArgumentException("missing -o OUTDIR");
        }
        if (line.hasOption("progress-lines")) {
            throw new IllegalArgumentException("--progress-lines is for convert; batch prints one line per finished file");
        }
        if (line.hasOption("preview")) {
            throw new IllegalArgumentException("--preview is for convert; render a batch result with: mocap render OUT.mocap.json -o OUT.mp4");
        }
        int jobs = line.hasOption("jobs") ? PoseCliOptions.positiveInt("jobs", line.getOptionValue("jobs")) : 1;
        PoseOptions pose = PoseCliOptions.parse(line);
        if (!line.hasOption("threads")) {
            pose = pose.withThreads(BatchJob.threadsPerJob(jobs));
        }
        ConvertJob.Options convert = ConvertCommand.jobOptions(line, pose);
        Path outputDir = Path.of(line.getOptionValue("output"));
        BatchJob batch = BatchJob.of(ModelStore.locate(), convert,
                BatchJob.options(outputDir, jobs, line.hasOption("force"), convert));
        batch.prepareOutputDir();
        List<Path> inputs = BatchInputs.find(line.getArgList().stream().map(Path::of).toList(), line.hasOption("recursive"));
        BatchReport report = batch.run(inputs, BatchDisplay.forTerminal(inputs.size(), line.hasOption("quiet")));
        Path reportFile = outputDir.resolve(BatchReport.FILE_NAME);
        report.write(reportFile);
        if (!line.hasOption("quiet")) {
            System.out.println();
            report.printTable(System.out);
            System.out.println("wrote " + reportFile);
        }
        if (report.exitCode() != ExitCode.OK) {
            System.err.println("mocap: error: " + report.count(BatchReport.Status.FAILED) + " of " + inputs.size()
                    + " files failed; their reasons are in " + reportFile);
        }
        return report.exitCode();
    }
}
