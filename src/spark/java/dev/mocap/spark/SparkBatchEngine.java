package dev.mocap.spark;

import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.pipeline.BatchDisplay;
import dev.mocap.pipeline.BatchEngine;
import dev.mocap.pipeline.BatchJob;
import dev.mocap.pipeline.BatchReport;
import dev.mocap.pipeline.ConvertJob;
import dev.mocap.pose.PoseModelPool;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mocap batch --engine spark}: every video a Spark job of one task, so that Spark spreads
 * them over the executors and retries a task whose executor died, and a video whose task fails
 * every try is reported alone instead of aborting the others. The workers write into the shared
 * output folder as {@code mocap batch} does (see {@link VideoTask}); the driver gathers the report.
 */
public final class SparkBatchEngine implements BatchEngine {
    /** Tries per task in local mode too: Spark's default on a cluster, where local mode gives one. */
    static final int TASK_TRIES = 4;
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\d+|\\*)])?");

    private final JavaSparkContext spark;

    /** @param master Spark's master URL, or null for the one spark-submit set (else {@code local[*]}) */
    public SparkBatchEngine(String master) {
        String url = master != null ? master : System.getProperty("spark.master", "local[*]");
        boolean embedded = LOCAL.matcher(url).matches();
        if (embedded) {
            quietLogging(); // before Spark's first log line, when Spark sets up its logging
        }
        SparkConf conf = new SparkConf().setAppName("mocap batch").setMaster(withRetries(url));
        if (embedded) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        long start = System.nanoTime();
        try {
            spark = new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            throw new MocapException(ExitCode.DEVICE_UNAVAILABLE, "--engine spark: cannot start Spark on " + url + ": " + e.getMessage(), e);
        }
        spark.setLogLevel("WARN");
        System.out.printf(Locale.ROOT, "Spark %s on %s: started in %.1f s%n", spark.version(), spark.master(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * Warnings and errors only, where no logging configuration was given: embedded in the command,
     * Spark's start-up would otherwise fill the terminal. (A root level other than log4j's default
     * also keeps Spark from putting its own INFO configuration in place.)
     */
    private static void quietLogging() {
        if (LoggerContext.getContext(false).getConfiguration() instanceof DefaultConfiguration) {
            Configurator.setRootLevel(Level.WARN);
            Configurator.setLevel("org.apache.hadoop.util.NativeCodeLoader", Level.ERROR);
        }
    }

    /** {@code local[N]} as {@code local[N,TRIES]}; other masters as they are. */
    static String withRetries(String master) {
        Matcher m = LOCAL.matcher(master);
        return m.matches() ? "local[" + (m.group(1) == null ? "1" : m.group(1)) + "," + TASK_TRIES + "]" : master;
    }

    @Override
    public int parallelism() {
        return spark.sc().isLocal() ? spark.defaultParallelism() : spark.getConf().getInt("spark.executor.cores", 1);
    }

    @Override
    public BatchReport run(BatchJob.Factory job, List<Path> inputs, Map<Path, Path> bases, BatchDisplay display) {
        String batchId = UUID.randomUUID().toString();
        Broadcast<SerializableConfiguration> conf = spark.broadcast(new SerializableConfiguration(spark.hadoopConfiguration()));
        List<VideoTask> tasks = new ArrayList<>();
        for (Path input : inputs) {
            Path base = bases.get(input).toAbsolutePath();
            tasks.add(new VideoTask(batchId, job, conf, input.toAbsolutePath().toString(), base.getParent().toString(),
                    base.getFileName().toString()));
        }
        try {
            return convert(tasks, inputs.stream().map(Path::toString).toList(), inputs.stream().map(i -> bases.get(i).toString()).toList(),
                    Collections.nCopies(inputs.size(), null), display);
        } finally {
            // What the tries that died left behind: nothing runs any more, so every temporary is stale.
            Set<Path> folders = new LinkedHashSet<>();
            bases.values().forEach(b -> folders.add(b.toAbsolutePath().getParent()));
            folders.forEach(AtomicFiles::removeStaleTemporaries);
        }
    }

    @Override
    public Written run(BatchJob.Factory job, List<String> arguments, boolean recursive, String outputDir, IntFunction<BatchDisplay> display) {
        String batchId = UUID.randomUUID().toString();
        Configuration hadoop = spark.hadoopConfiguration();
        OutputFolder folder = outputFolder(outputDir, hadoop, batchId);
        List<FileSystemInputs.Input> inputs;
        try {
            inputs = FileSystemInputs.find(arguments, recursive, hadoop);
        } catch (RuntimeException e) {
            spark.stop();
            throw e;
        }
        Map<Path, String> names = BatchJob.outputNames(inputs.stream().map(i -> Path.of(Locations.namingPath(i.location()))).toList());
        Broadcast<SerializableConfiguration> conf = spark.broadcast(new SerializableConfiguration(hadoop));
        String dir = BatchEngine.isUri(outputDir) ? outputDir : Path.of(outputDir).toAbsolutePath().toString();
        List<VideoTask> tasks = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        for (FileSystemInputs.Input input : inputs) {
            String location = BatchEngine.isUri(input.location()) ? input.location() : Path.of(input.location()).toAbsolutePath().toString();
            String name = names.get(Path.of(Locations.namingPath(input.location())));
            tasks.add(new VideoTask(batchId, job, conf, location, dir, name));
            bases.add(Locations.child(outputDir, name));
        }
        BatchReport report;
        try {
            report = convert(tasks, inputs.stream().map(FileSystemInputs.Input::location).toList(), bases,
                    inputs.stream().map(FileSystemInputs.Input::error).toList(), display.apply(inputs.size()));
        } finally {
            removeTemporaries(folder, batchId, outputDir);
        }
        String file = Locations.child(outputDir, BatchReport.FILE_NAME);
        if (BatchEngine.isUri(outputDir)) {
            try {
                folder.write(BatchReport.FILE_NAME, batchId, report::writeTo);
            } catch (IOException e) {
                throw new MocapException(ExitCode.OUTPUT_FAILED, "cannot write " + file + ": " + Locations.describe(e), e);
            }
        } else {
            report.write(Path.of(file));
        }
        return new Written(report, file);
    }

    /** The output folder, made and checked; a local one as {@code mocap batch} prepares it. */
    private OutputFolder outputFolder(String outputDir, Configuration hadoop, String batchId) {
        try {
            if (!BatchEngine.isUri(outputDir)) {
                BatchJob.prepareOutputDir(Path.of(outputDir));
            }
            OutputFolder folder = OutputFolder.at(outputDir, hadoop);
            folder.prepare(batchId);
            return folder;
        } catch (IOException | RuntimeException e) {
            spark.stop();
            throw e instanceof MocapException m ? m : new MocapException(ExitCode.OUTPUT_FAILED, "cannot write to the output folder "
                    + outputDir + ": " + Locations.describe(e), e);
        }
    }

    private static void removeTemporaries(OutputFolder folder, String batchId, String outputDir) {
        try {
            folder.removeTemporaries(batchId);
        } catch (IOException e) {
            System.err.println("mocap: warning: cannot remove the temporary files of tries that died from " + outputDir + ": "
                    + Locations.describe(e));
        }
        if (!BatchEngine.isUri(outputDir)) {
            AtomicFiles.removeStaleTemporaries(Path.of(outputDir));
        }
    }

    /**
     * Runs each task as a Spark job of its own, the ones with an error (inputs that failed before
     * any conversion) not at all, and gathers their entries in order; stops Spark.
     */
    private BatchReport convert(List<VideoTask> tasks, List<String> inputs, List<String> bases, List<String> errors, BatchDisplay display) {
        long start = System.nanoTime();
        try {
            List<JavaFutureAction<List<VideoTask.Outcome>>> pending = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                spark.setJobDescription(tasks.get(i).name());
                pending.add(errors.get(i) != null ? null : spark.parallelize(List.of(tasks.get(i)), 1).map(VideoTask::run).collectAsync());
            }
            Path sidecars = Files.createTempDirectory("mocap-sidecars");
            try {
                List<BatchReport.Entry> entries = new ArrayList<>();
                ExecutorTally executors = new ExecutorTally();
                for (int i = 0; i < tasks.size(); i++) {
                    BatchReport.Entry entry = pending.get(i) == null
                            ? BatchReport.Entry.failed(inputs.get(i), bases.get(i), ExitCode.BAD_INPUT, errors.get(i), 0)
                            : entry(inputs.get(i), bases.get(i), pending.get(i), sidecars.resolve(tasks.get(i).name() + ConvertJob.SIDECAR_SUFFIX),
                            executors);
                    display.finished(entry);
                    entries.add(entry);
                }
                System.out.print(executors.summary());
                return new BatchReport(entries, (System.nanoTime() - start) / 1e9, spark.defaultParallelism());
            } finally {
                BundledModels.deleteQuietly(sidecars);
            }
        } catch (IOException e) {
            throw new MocapException(ExitCode.FAILURE, "cannot make a temporary folder: " + AtomicFiles.describe(e), e);
        } finally {
            display.close();
            spark.stop();
            PoseModelPool.shared().closeIdle(); // in local mode the executors ran in this JVM, and their models are no longer needed
        }
    }

    /** The entry of a task: from the sidecar it sent back, copied to {@code sidecar} to be read; its executor's counts go to {@code executors}. */
    private static BatchReport.Entry entry(String input, String base, JavaFutureAction<List<VideoTask.Outcome>> result, Path sidecar,
                                           ExecutorTally executors) throws IOException {
        VideoTask.Outcome outcome;
        try {
            outcome = result.get().get(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MocapException(ExitCode.FAILURE, "batch interrupted", e);
        } catch (ExecutionException e) {
            return BatchReport.Entry.failed(input, base, ExitCode.FAILURE, "its Spark task failed " + TASK_TRIES
                    + " times: " + firstLine(e.getCause()), 0);
        }
        executors.add(outcome.executor());
        if (outcome.sidecar() != null) {
            Files.write(sidecar, outcome.sidecar());
        }
        return BatchReport.Entry.reread(input, base, outcome.status(), sidecar, outcome.seconds(), outcome.error(), outcome.exitCode());
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
