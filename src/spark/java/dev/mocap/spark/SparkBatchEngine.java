package dev.mocap.spark;

import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.pipeline.BatchDisplay;
import dev.mocap.pipeline.BatchEngine;
import dev.mocap.pipeline.BatchJob;
import dev.mocap.pipeline.BatchReport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
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
        long start = System.nanoTime();
        String batchId = UUID.randomUUID().toString();
        try {
            List<JavaFutureAction<List<VideoTask.Outcome>>> pending = new ArrayList<>();
            for (Path input : inputs) {
                VideoTask task = new VideoTask(batchId, job, input.toAbsolutePath().toString(), bases.get(input).toAbsolutePath().toString());
                spark.setJobDescription(input.getFileName().toString());
                pending.add(spark.parallelize(List.of(task), 1).map(VideoTask::run).collectAsync());
            }
            List<BatchReport.Entry> entries = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                BatchReport.Entry entry = entry(inputs.get(i), bases.get(inputs.get(i)), pending.get(i));
                display.finished(entry);
                entries.add(entry);
            }
            return new BatchReport(entries, (System.nanoTime() - start) / 1e9, spark.defaultParallelism());
        } finally {
            display.close();
            spark.stop();
            // What the tries that died left behind: nothing runs any more, so every temporary is stale.
            Set<Path> folders = new LinkedHashSet<>();
            bases.values().forEach(b -> folders.add(b.toAbsolutePath().getParent()));
            folders.forEach(AtomicFiles::removeStaleTemporaries);
        }
    }

    private static BatchReport.Entry entry(Path input, Path base, JavaFutureAction<List<VideoTask.Outcome>> result) {
        try {
            return result.get().get(0).entry(input, base);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MocapException(ExitCode.FAILURE, "batch interrupted", e);
        } catch (ExecutionException e) {
            return BatchReport.Entry.reread(input, base, BatchReport.Status.FAILED, null, 0, "its Spark task failed " + TASK_TRIES
                    + " times: " + firstLine(e.getCause()), ExitCode.FAILURE);
        }
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
