package dev.mocap.bench;

import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import dev.mocap.filter.SmoothingPreset;
import dev.mocap.nn.ModelStore;
import dev.mocap.pipeline.BatchDisplay;
import dev.mocap.pipeline.BatchInputs;
import dev.mocap.pipeline.BatchJob;
import dev.mocap.pipeline.BatchReport;
import dev.mocap.pipeline.ConvertJob;
import dev.mocap.pipeline.Progress;
import dev.mocap.pose.PoseOptions;
import dev.mocap.recover.RecoveryOptions;
import dev.mocap.retarget.Retargeting;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Batch throughput: the same videos converted (default settings, BVH) with one job and with two
 * jobs at a time, in one run, each job with its share of the inference threads; videos per
 * minute, video frames per second, and the ratio. One conversion of the first video warms up
 * first (JIT, model checks), untimed; then the two settings take turns, {@value #ROUNDS} rounds,
 * and the ratio compares the best round of each, so that a burst of other work on the machine
 * weighs less.
 */
public final class BatchBenchmark {
    private static final int[] JOBS = {1, 2};
    private static final int ROUNDS = 2;

    private final ModelStore models;
    private final PrintStream out;

    public BatchBenchmark(ModelStore models, PrintStream out) {
        this.models = models;
        this.out = out;
    }

    public void run(List<Path> arguments) {
        List<Path> videos = BatchInputs.find(arguments, false);
        Path dir = BenchFolder.create("mocap-bench-batch");
        try {
            new ConvertJob(models, options(PoseOptions.defaultThreads())).run(videos.get(0), dir.resolve("warm-up"), Progress.silent());
            out.printf(Locale.ROOT, "batch of %d videos (%s), %d cores; default settings, BVH%n", videos.size(),
                    String.join(", ", videos.stream().map(v -> v.getFileName().toString()).toList()),
                    Runtime.getRuntime().availableProcessors());
            double[] best = new double[JOBS.length];
            for (int round = 0; round < ROUNDS * JOBS.length; round++) {
                int i = round % JOBS.length, jobs = JOBS[i], threads = BatchJob.threadsPerJob(jobs);
                ConvertJob.Options convert = options(threads);
                BatchJob batch = BatchJob.of(models, convert, BatchJob.options(dir.resolve("jobs" + jobs), jobs, true, convert));
                batch.prepareOutputDir();
                BatchReport report = batch.run(videos, new BatchDisplay(new PrintStream(OutputStream.nullOutputStream()), null, videos.size()));
                double framesPerSecond = report.framesConverted() / report.seconds();
                best[i] = Math.max(best[i], framesPerSecond);
                out.printf(Locale.ROOT, "--jobs %d (%d inference thread(s) each): %d converted, %d failed, %d frames in %.1f s: "
                                + "%.2f videos/min, %.1f frames/s%n", jobs, threads, report.count(BatchReport.Status.CONVERTED),
                        report.count(BatchReport.Status.FAILED), report.framesConverted(), report.seconds(),
                        report.count(BatchReport.Status.CONVERTED) / report.seconds() * 60, framesPerSecond);
            }
            out.printf(Locale.ROOT, "best rounds: --jobs 1 %.1f frames/s, --jobs 2 %.1f frames/s: --jobs 2 gives %.2f× the throughput%n",
                    best[0], best[1], best[1] / best[0]);
        } finally {
            BenchFolder.delete(dir);
        }
    }

    private static ConvertJob.Options options(int threads) {
        return new ConvertJob.Options(PoseOptions.defaults().withThreads(threads),
                RecoveryOptions.defaults(), SmoothingPreset.DEFAULT, true, Set.of(Format.BVH), Exporters.defaults(), Retargeting.NONE);
    }
}
