package dev.mocap.cli;

import dev.mocap.ExitCode;
import dev.mocap.nn.ModelStore;
import dev.mocap.pipeline.BatchDisplay;
import dev.mocap.pipeline.BatchEngine;
import dev.mocap.pipeline.BatchInputs;
import dev.mocap.pipeline.BatchJob;
import dev.mocap.pipeline.BatchReport;
import dev.mocap.pipeline.ConvertJob;
import dev.mocap.pose.PoseOptions;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code mocap batch DIR|FILES... -o OUTDIR}: {@code convert} for many videos, in parallel, resumable. */
final class BatchCommand implements Command {

    @Override
    public String name() {
        return "batch";
    }

    @Override
    public String synopsis() {
        return "DIR|FILES|@LIST... -o OUTDIR [--jobs N] [--recursive] [--engine spark [--master URL]] [convert options]";
    }

    @Override
    public String summary() {
        return "convert every video of folders or a list into OUTDIR; skips finished ones, reports all in batch-report.json";
    }

    @Override
    public Options options() {
        Options o = new ConvertCommand().options();
        o.addOption(Option.builder("o").longOpt("output").hasArg().argName("OUTDIR")
                .desc("folder for the outputs (made if missing; with --engine spark also a URI such as hdfs://NN/DIR or s3a://BUCKET/DIR): "
                        + "NAME.bvh, ..., NAME.mocap.json per video, and "
                        + BatchReport.FILE_NAME).build());
        o.addOption(Option.builder("j").longOpt("jobs").hasArg().argName("N")
                .desc("videos converted at the same time (default 1); the inference threads are shared out among them").build());
        o.addOption(Option.builder().longOpt("recursive").desc("also take the videos in sub-folders").build());
        o.addOption(Option.builder().longOpt("engine").hasArg().argName("local|spark")
                .desc("where the conversions run: 'local' (default) this process's threads, 'spark' an Apache Spark job "
                        + "(needs the Spark part of the build)").build());
        o.addOption(Option.builder().longOpt("master").hasArg().argName("URL")
                .desc("with --engine spark: local[N] (default local[*]: embedded, no set-up), spark://HOST:PORT, yarn, k8s://URL").build());
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
        String engineName = line.getOptionValue("engine", "local");
        if (!engineName.equals("local") && !engineName.equals("spark")) {
            throw new IllegalArgumentException("--engine is local or spark, not '" + engineName + "'");
        }
        if (line.hasOption("master") && !engineName.equals("spark")) {
            throw new IllegalArgumentException("--master is for --engine spark");
        }
        String output = line.getOptionValue("output");
        boolean onFileSystems = BatchEngine.onFileSystems(line.getArgList(), output);
        BatchReport report;
        String reportFile;
        if (engineName.equals("spark")) {
            if (line.hasOption("jobs")) {
                throw new IllegalArgumentException("--jobs is for the local engine; Spark runs as many conversions as its executors have cores");
            }
            ConvertCommand.jobOptions(line, PoseCliOptions.parse(line)); // its errors now, not on every worker
            if (onFileSystems) {
                BatchEngine engine = BatchEngine.spark(line.getOptionValue("master"));
                BatchEngine.Written written = engine.run(workerJob(line, engine), line.getArgList(), line.hasOption("recursive"), output,
                        found -> BatchDisplay.forTerminal(found, line.hasOption("quiet")));
                report = written.report();
                reportFile = written.file();
            } else {
                Path outputDir = Path.of(output);
                BatchJob.prepareOutputDir(outputDir);
                List<Path> inputs = findInputs(line);
                BatchEngine engine = BatchEngine.spark(line.getOptionValue("master"));
                report = engine.run(workerJob(line, engine), inputs, BatchJob.outputBases(inputs, outputDir), display(line, inputs));
                reportFile = writeReport(report, outputDir);
            }
        } else {
            if (BatchEngine.isUri(output) || line.getArgList().stream().anyMatch(a -> BatchEngine.isUri(a) || a.startsWith("@"))) {
                throw new IllegalArgumentException("URIs of Hadoop file systems and list files (@FILE) are for --engine spark");
            }
            BatchJob batch = batchJob(line, line.hasOption("jobs") ? PoseCliOptions.positiveInt("jobs", line.getOptionValue("jobs")) : 1);
            batch.prepareOutputDir();
            List<Path> inputs = findInputs(line);
            report = batch.run(inputs, display(line, inputs));
            reportFile = writeReport(report, Path.of(output));
        }
        if (!line.hasOption("quiet")) {
            System.out.println();
            report.printTable(System.out);
            System.out.println("wrote " + reportFile);
        }
        if (report.exitCode() != ExitCode.OK) {
            System.err.println("mocap: error: " + report.count(BatchReport.Status.FAILED) + " of " + report.entries().size()
                    + " files failed; their reasons are in " + reportFile);
        }
        return report.exitCode();
    }

    private static String writeReport(BatchReport report, Path outputDir) {
        Path file = outputDir.resolve(BatchReport.FILE_NAME);
        report.write(file);
        return file.toString();
    }

    /** What makes the batch job in a Spark worker's JVM: the command line again, with the engine's share of the threads. */
    private static BatchJob.Factory workerJob(CommandLine line, BatchEngine engine) {
        String[] arguments = arguments(line);
        int jobs = engine.parallelism();
        return () -> batchJob(arguments, jobs);
    }

    private static List<Path> findInputs(CommandLine line) {
        return BatchInputs.find(line.getArgList().stream().map(Path::of).toList(), line.hasOption("recursive"));
    }

    private static BatchDisplay display(CommandLine line, List<Path> inputs) {
        return BatchDisplay.forTerminal(inputs.size(), line.hasOption("quiet"));
    }

    /** The batch the command line asks for, {@code jobs} conversions at a time sharing the inference threads. */
    private static BatchJob batchJob(CommandLine line, int jobs) {
        PoseOptions pose = PoseCliOptions.parse(line);
        if (!line.hasOption("threads")) {
            pose = pose.withThreads(BatchJob.threadsPerJob(jobs));
        }
        ConvertJob.Options convert = ConvertCommand.jobOptions(line, pose);
        return BatchJob.of(ModelStore.locate(), convert,
                BatchJob.options(Path.of(line.getOptionValue("output")), jobs, line.hasOption("force"), convert));
    }

    /** The batch again from the command line's arguments, in a Spark worker's JVM. */
    private static BatchJob batchJob(String[] arguments, int jobs) {
        try {
            return batchJob(new DefaultParser().parse(new BatchCommand().options(), arguments), jobs);
        } catch (ParseException e) {
            throw new IllegalStateException("a worker cannot parse the batch's own arguments", e);
        }
    }

    /** The options and arguments of {@code line} as a command line again. */
    private static String[] arguments(CommandLine line) {
        List<String> arguments = new ArrayList<>();
        for (Option o : line.getOptions()) {
            arguments.add(o.getLongOpt() != null ? "--" + o.getLongOpt() : "-" + o.getOpt());
            if (o.hasArg()) {
                arguments.add(o.getValue());
            }
        }
        arguments.add("--");
        arguments.addAll(line.getArgList());
        return arguments.toArray(String[]::new);
    }
}
