package dev.mocap.pipeline;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Runs a batch elsewhere than on this process's threads: on Apache Spark. The Spark engine is
 * built as a part of its own ({@code src/spark}, with Spark's jars beside the tool's, not among
 * them), so it is looked up on the class path only when asked for.
 */
public interface BatchEngine {
    String SPARK_CLASS = "dev.mocap.spark.SparkBatchEngine";
    /** A scheme of two letters or more, then {@code :/}. */
    Pattern URI_FORM = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:/.*");
    Pattern GLOB = Pattern.compile(".*[*?\\[{].*");

    /**
     * Converts every input as {@link BatchJob#convertOne} does, each where the engine puts it;
     * never throws for one input's failure.
     *
     * @param job   makes the batch job in each JVM that converts videos
     * @param bases where each input's outputs go (see {@link BatchJob#outputBases})
     */
    BatchReport run(BatchJob.Factory job, List<Path> inputs, Map<Path, Path> bases, BatchDisplay display);

    /**
     * As {@link #run}, for arguments and an output folder that may name more than local files
     * and folders (see {@link #onFileSystems}): the engine finds the videos, prepares the output
     * folder and writes the report into it.
     *
     * @param display makes the display for the number of inputs found
     * @return the report and where it was written
     */
    Written run(BatchJob.Factory job, List<String> arguments, boolean recursive, String outputDir, IntFunction<BatchDisplay> display);

    /** A report and where it went. */
    record Written(BatchReport report, String file) {
    }

    /** Concurrent conversions the engine runs, for the report and to share out inference threads. */
    int parallelism();

    /** Whether {@code location} is a URI ({@code hdfs://…}, {@code s3a://…}, {@code file:/…}); a Windows drive is none. */
    static boolean isUri(String location) {
        return URI_FORM.matcher(location).matches();
    }

    /**
     * Whether a batch names videos or its output folder in ways only the Spark engine reads: URIs
     * of Hadoop file systems, list files ({@code @FILE}), or globs that name no file as they are.
     */
    static boolean onFileSystems(List<String> arguments, String outputDir) {
        return isUri(outputDir) || arguments.stream().anyMatch(a -> isUri(a) || a.startsWith("@") && a.length() > 1
                || GLOB.matcher(a).matches() && !Files.exists(Path.of(a)));
    }

    /**
     * The Spark engine on {@code master} ({@code local[N]}, {@code spark://…}, {@code yarn},
     * {@code k8s://…}; null: what spark-submit set).
     *
     * @throws MocapException (DEVICE_UNAVAILABLE) when the Spark part is not on the class path
     */
    static BatchEngine spark(String master) {
        try {
            return (BatchEngine) Class.forName(SPARK_CLASS).getConstructor(String.class).newInstance(master);
        } catch (ClassNotFoundException | LinkageError e) {
            throw notBuilt(e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof LinkageError missing) {
                throw notBuilt(missing); // the engine's classes without Spark's jars
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start " + SPARK_CLASS, e);
        }
    }

    private static MocapException notBuilt(Throwable e) {
        return new MocapException(ExitCode.DEVICE_UNAVAILABLE, "--engine spark: the Spark engine is not on the class path; build it "
                + "with 'mvn -Dmaven.test.skip=true package' (not -DskipSpark) and run ./mocap, or spark-submit target/mocap-spark.jar", e);
    }
}
