package dev.mocap.spark;

import dev.mocap.ExitCode;
import dev.mocap.pipeline.BatchDisplay;
import dev.mocap.pipeline.BatchJob;
import dev.mocap.pipeline.BatchReport;
import org.apache.spark.TaskContext;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * One video of a Spark batch, run on an executor: {@link BatchJob#convertOne}, as {@code mocap
 * batch} runs it, so the outputs are the same and are written the same way (each file under a
 * temporary name first, the sidecar last; complete outputs are skipped). Paths are absolute, as
 * the executors' working folders are not the driver's.
 */
record VideoTask(String batchId, BatchJob.Factory job, String input, String base) implements Serializable {
    /** Each executor JVM's batch job (and with it the models), made by its first task and kept for the rest. */
    private static final Map<String, BatchJob> JOBS = new ConcurrentHashMap<>();
    private static final BatchDisplay SILENT = new BatchDisplay(new PrintStream(OutputStream.nullOutputStream()), null, 1);

    /** Where tests make a try die: called with the output base and the try's number (0 first) before converting. */
    static volatile BiConsumer<Path, Integer> beforeConvert = (base, attempt) -> { };

    /** What the executor sends back; the driver reads the figures from the sidecar. */
    record Outcome(BatchReport.Status status, String sidecar, double seconds, String error, ExitCode exitCode) implements Serializable {
        BatchReport.Entry entry(Path input, Path base) {
            return BatchReport.Entry.reread(input, base, status, sidecar == null ? null : Path.of(sidecar), seconds, error, exitCode);
        }
    }

    Outcome run() {
        BundledModels.useUnlessGiven();
        BatchJob batch = JOBS.computeIfAbsent(batchId, id -> job.create());
        TaskContext task = TaskContext.get();
        beforeConvert.accept(Path.of(base), task == null ? 0 : task.attemptNumber());
        BatchReport.Entry e = batch.convertOne(Path.of(input), Path.of(base), SILENT);
        Path sidecar = e.sidecar();
        return new Outcome(e.status(), sidecar == null ? null : sidecar.toString(), e.seconds(), e.error(), e.exitCode());
    }
}
