package dev.mocap.pipeline;

import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.format.Format;
import dev.mocap.nn.ModelStore;
import dev.mocap.pose.PoseOptions;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Converts many files into one folder, {@code jobs} at a time, each as {@link ConvertJob} does
 * one. A file whose conversion fails is reported and the batch goes on. A file whose outputs are
 * already complete and made with the same settings (see {@link ConvertedFiles#complete}) is skipped
 * unless {@code force}; an incomplete earlier attempt, or one made with other settings, is converted
 * again, and the earlier files that the new conversion no longer writes (another format, another
 * segment count) are removed, so that a folder never mixes the outputs of two settings.
 */
public final class BatchJob {

    /** Converts one file to the outputs named by {@code base}; returns the sidecar it wrote. */
    public interface Converter {
        Path convert(Path input, Path base, Progress progress);
    }

    /**
     * Makes, in whichever JVM converts a video, the batch job that converts it: serializable, so
     * that a cluster's workers each make their own (and load the models once).
     */
    public interface Factory extends Serializable {
        BatchJob create();
    }

    /**
     * @param formats  what each conversion writes, to recognise complete earlier outputs
     * @param settings the conversions' choices as their sidecars record them ({@link ConversionSettings})
     */
    public record Options(Path outputDir, int jobs, boolean force, Set<Format> formats, Map<String, String> settings) {
        public Options {
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
            }
        }
    }

    private final Converter converter;
    private final Options options;

    public BatchJob(Converter converter, Options options) {
        this.converter = converter;
        this.options = options;
    }

    /** The batch of {@link ConvertJob}s with these options, all loading models from {@code models}. */
    public static BatchJob of(ModelStore models, ConvertJob.Options convert, Options options) {
        ConvertJob job = new ConvertJob(models, convert);
        return new BatchJob((input, base, progress) -> job.run(input, base, progress).sidecar(), options);
    }

    /** The options of a batch that converts as {@code convert} says. */
    public static Options options(Path outputDir, int jobs, boolean force, ConvertJob.Options convert) {
        return new Options(outputDir, jobs, force, convert.formats(), ConversionSettings.of(convert));
    }

    /**
     * Inference threads for each of {@code jobs} parallel conversions: the default share of the
     * cores, so that parallel jobs do not oversubscribe them.
     */
    public static int threadsPerJob(int jobs) {
        return Math.max(1, PoseOptions.defaultThreads() / jobs);
    }

    /**
     * Creates the output folder, checks it can be written, and removes temporary files that an
     * earlier, killed run left there.
     *
     * @throws MocapException (OUTPUT_FAILED) when the folder cannot be made or written
     */
    public void prepareOutputDir() {
        prepareOutputDir(options.outputDir());
    }

    /** As {@link #prepareOutputDir()}, for a batch that runs elsewhere (see {@link BatchEngine}). */
    public static void prepareOutputDir(Path outputDir) {
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new MocapException(ExitCode.OUTPUT_FAILED, "cannot create the output folder " + outputDir + ": "
                    + AtomicFiles.describe(e), e);
        }
        AtomicFiles.checkWritable(outputDir.resolve(BatchReport.FILE_NAME));
        AtomicFiles.removeStaleTemporaries(outputDir);
    }

    /** Where each input's outputs go: the output folder and the input's name there, without extension. */
    public static Map<Path, Path> outputBases(List<Path> inputs, Path outputDir) {
        Map<Path, Path> bases = new HashMap<>();
        OutputNames.assign(inputs).forEach((input, name) -> bases.put(input, outputDir.resolve(name)));
        return bases;
    }

    /** Converts every input; never throws for one input's failure. */
    public BatchReport run(List<Path> inputs, BatchDisplay display) {
        long start = System.nanoTime();
        Map<Path, Path> bases = outputBases(inputs, options.outputDir());
        AtomicInteger worker = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.jobs(), inputs.size())), task -> {
            Thread t = new Thread(task, "batch-" + worker.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<BatchReport.Entry>> pending = new ArrayList<>();
            for (Path input : inputs) {
                pending.add(pool.submit(() -> convertOne(input, bases.get(input), display)));
            }
            List<BatchReport.Entry> entries = new ArrayList<>();
            for (Future<BatchReport.Entry> f : pending) {
                entries.add(f.get());
            }
            return new BatchReport(entries, (System.nanoTime() - start) / 1e9, options.jobs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MocapException(ExitCode.FAILURE, "batch interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a batch worker failed outside its conversion", e.getCause());
        } finally {
            pool.shutdownNow();
            display.close();
        }
    }

    /** The name each input's outputs get in the output folder (see {@link #outputBases}). */
    public static Map<Path, String> outputNames(List<Path> inputs) {
        return OutputNames.assign(inputs);
    }

    /**
     * For an engine that fetches each input only when it must be converted: the entry of an input
     * that last changed at {@code inputModified} and whose outputs at {@code base} are complete,
     * as {@link #convertOne} skips it; empty when it must be converted (always with force).
     */
    public Optional<BatchReport.Entry> completeEarlier(Path input, FileTime inputModified, Path base) {
        return options.force() ? Optional.empty()
                : ConvertedFiles.complete(inputModified, base, options.formats(), options.settings())
                .map(done -> BatchReport.Entry.skipped(input, base, done));
    }

    /** Converts {@code input} to {@code base} without looking for earlier outputs; never throws for the input's own failure. */
    public BatchReport.Entry convertNow(Path input, Path base) {
        return convert(input, base, Progress.silent());
    }

    /** One input: skipped when its outputs are complete, else converted; never throws for the input's own failure. */
    public BatchReport.Entry convertOne(Path input, Path base, BatchDisplay display) {
        BatchReport.Entry entry = options.force() ? null
                : ConvertedFiles.complete(input, base, options.formats(), options.settings())
                .map(done -> BatchReport.Entry.skipped(input, base, done))
                .orElse(null);
        if (entry == null) {
            display.started(input);
            entry = convert(input, base, Progress.reportingTo((done, total) -> display.frames(input, done, total)));
        }
        display.finished(entry);
        return entry;
    }

    /** The animation files that the sidecar of the conversion to {@code base} lists; empty without a readable sidecar. */
    public static List<Path> filesOf(Path base) {
        return ConvertedFiles.earlier(base).map(ConvertedFiles::files).orElse(List.of());
    }

    private BatchReport.Entry convert(Path input, Path base, Progress progress) {
        long start = System.nanoTime();
        List<Path> before = filesOf(base);
        try {
            Path sidecar = converter.convert(input, base, progress);
            ConvertedFiles files = ConvertedFiles.read(sidecar);
            before.stream().filter(f -> !files.files().contains(f)).forEach(AtomicFiles::deleteQuietly);
            return BatchReport.Entry.converted(input, base, files, seconds(start));
        } catch (MocapException e) {
            return BatchReport.Entry.failed(input, base, e.exitCode(), e.getMessage(), seconds(start));
        } catch (IOException e) {
            return BatchReport.Entry.failed(input, base, ExitCode.OUTPUT_FAILED, "cannot read back the sidecar of " + base + ": "
                    + AtomicFiles.describe(e), seconds(start));
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // A bug met on one file must not cost the rest of the batch; the report names it.
            return BatchReport.Entry.failed(input, base, ExitCode.FAILURE, "internal error: " + e, seconds(start));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
