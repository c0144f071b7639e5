package dev.mocap.spark;

import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.pipeline.BatchDisplay;
import dev.mocap.pipeline.BatchJob;
import dev.mocap.pipeline.BatchReport;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * One video of a Spark batch, run on an executor. With a local input and output folder (seen
 * alike by every node): {@link BatchJob#convertOne}, as {@code mocap batch} runs it, so the
 * outputs are the same and are written the same way (each file under a temporary name first, the
 * sidecar last; complete outputs are skipped). With either on a Hadoop file system: the same
 * through a local staging folder ({@link StagedVideo}). Local paths are absolute, as the
 * executors' working folders are not the driver's.
 *
 * @param name the name of the video's outputs in {@code outputDir}
 */
record VideoTask(String batchId, BatchJob.Factory job, Broadcast<SerializableConfiguration> conf, String input, String outputDir,
                 String name) implements Serializable {
    /**
     * Each executor JVM's batch job (presets, rigs and the recovery's network loaded), made by its first
     * task and kept for the rest; the pose models its tasks borrow from the JVM's {@link dev.mocap.pose.PoseModelPool}.
     */
    private static final Map<String, BatchJob> JOBS = new ConcurrentHashMap<>();
    private static final BatchDisplay SILENT = new BatchDisplay(new PrintStream(OutputStream.nullOutputStream()), null, 1);

    /** Where tests make a try die: called with the output base and the try's number (0 first) before converting. */
    static volatile BiConsumer<String, Integer> beforeConvert = (base, attempt) -> { };

    /**
     * What the executor sends back: the sidecar's bytes, from which the driver reads the figures
     * without having to see the output folder, and what the executor's JVM has opened so far.
     */
    record Outcome(BatchReport.Status status, byte[] sidecar, double seconds, String error, ExitCode exitCode,
                   ExecutorTally.Sample executor) implements Serializable {
        static Outcome of(BatchReport.Entry e) {
            if (e.status() == BatchReport.Status.FAILED) {
                return failed(e.exitCode(), e.error(), e.seconds());
            }
            try {
                return new Outcome(e.status(), Files.readAllBytes(e.sidecar()), e.seconds(), null, null, null);
            } catch (IOException x) {
                return failed(ExitCode.OUTPUT_FAILED, "cannot read back the sidecar " + e.sidecar() + ": " + AtomicFiles.describe(x), e.seconds());
            }
        }

        static Outcome failed(ExitCode exitCode, String error, double seconds) {
            return new Outcome(BatchReport.Status.FAILED, null, seconds, error, exitCode, null);
        }

        Outcome on(ExecutorTally.Sample jvm) {
            return new Outcome(status, sidecar, seconds, error, exitCode, jvm);
        }
    }

    Outcome run() throws IOException {
        return convert().on(ExecutorTally.Sample.here());
    }

    private Outcome convert() throws IOException {
        BundledModels.useUnlessGiven();
        BatchJob batch = JOBS.computeIfAbsent(batchId, id -> job.create());
        TaskContext task = TaskContext.get();
        String base = Locations.child(outputDir, name);
        Runnable fault = () -> beforeConvert.accept(base, task == null ? 0 : task.attemptNumber());
        if (Locations.isUri(input) || Locations.isUri(outputDir)) {
            String tag = batchId + "-" + (task == null ? 0 : task.taskAttemptId());
            return new StagedVideo(batch, conf.value().value(), input, outputDir, name, tag).run(fault);
        }
        fault.run();
        return Outcome.of(batch.convertOne(Path.of(input), Path.of(base), SILENT));
    }
}
