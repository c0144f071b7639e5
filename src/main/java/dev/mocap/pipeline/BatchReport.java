package dev.mocap.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The outcome of a batch: one entry per input, in input order, and the totals. */
public record BatchReport(List<Entry> entries, double seconds, int jobs) {
    public static final String SCHEMA = "mocap.batch/1";
    public static final String FILE_NAME = "batch-report.json";

    public enum Status { CONVERTED, SKIPPED, FAILED }

    /**
     * One input: what became of it. {@code input} and {@code output} (the output base) are local
     * paths or, with the Spark engine, URIs of Hadoop file systems. {@code converted} is null for a
     * failure; {@code seconds} is the time its conversion took (0 when skipped); {@code error} and
     * {@code exitCode} only for failures.
     */
    public record Entry(String input, String output, Status status, ConvertedFiles converted, double seconds, String error,
                        ExitCode exitCode) {

        static Entry converted(Path input, Path output, ConvertedFiles files, double seconds) {
            return new Entry(input.toString(), output.toString(), Status.CONVERTED, files, seconds, null, null);
        }

        static Entry skipped(Path input, Path output, ConvertedFiles files) {
            return new Entry(input.toString(), output.toString(), Status.SKIPPED, files, 0, null, null);
        }

        static Entry failed(Path input, Path output, ExitCode exitCode, String error, double seconds) {
            return failed(input.toString(), output.toString(), exitCode, error, seconds);
        }

        public static Entry failed(String input, String output, ExitCode exitCode, String error, double seconds) {
            return new Entry(input, output, Status.FAILED, null, seconds, error, exitCode);
        }

        /**
         * The entry that another JVM (a cluster's worker) made, rebuilt from its parts: the
         * figures are read again from the sidecar it left in the shared output folder (or a copy).
         */
        public static Entry reread(String input, String output, Status status, Path sidecar, double seconds, String error,
                                   ExitCode exitCode) {
            if (status == Status.FAILED) {
                return failed(input, output, exitCode, error, seconds);
            }
            try {
                ConvertedFiles files = ConvertedFiles.read(sidecar);
                return new Entry(input, output, status, files, status == Status.SKIPPED ? 0 : seconds, null, null);
            } catch (IOException e) {
                return failed(input, output, ExitCode.OUTPUT_FAILED, "cannot read back the sidecar " + sidecar + ": "
                        + AtomicFiles.describe(e), seconds);
            }
        }

        /** The input's file name: what follows the last separator. */
        public String inputName() {
            return fileName(input);
        }

        /** The sidecar the figures come from; null for a failure. */
        public Path sidecar() {
            return converted == null ? null : converted.sidecar();
        }

        /** Video frames per second of wall time, for a file converted in this run; else NaN. */
        public double fps() {
            return status == Status.CONVERTED && seconds > 0 ? converted.frames() / seconds : Double.NaN;
        }

        /** Animated persons: each conversion animates one. */
        public int persons() {
            return converted == null ? 0 : 1;
        }
    }

    public long count(Status status) {
        return entries.stream().filter(e -> e.status() == status).count();
    }

    /** Video frames converted in this run (skipped files not counted). */
    public long framesConverted() {
        return entries.stream().filter(e -> e.status() == Status.CONVERTED).mapToLong(e -> e.converted().frames()).sum();
    }

    public ExitCode exitCode() {
        return count(Status.FAILED) > 0 ? ExitCode.PARTIAL : ExitCode.OK;
    }

    /** Writes the report as JSON ({@value #SCHEMA}). */
    public void write(Path file) {
        AtomicFiles.write(file, this::writeTo);
    }

    /** Writes the report as JSON ({@value #SCHEMA}) to {@code out}, which stays open. */
    public void writeTo(OutputStream out) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("files", entries.size());
        for (Status s : Status.values()) {
            totals.put(s.name().toLowerCase(Locale.ROOT), count(s));
        }
        totals.put("jobs", jobs);
        totals.put("seconds", round(seconds, 100));
        totals.put("videos_per_minute", round(count(Status.CONVERTED) / Math.max(seconds, 1e-9) * 60, 100));
        totals.put("frames_per_second", round(framesConverted() / Math.max(seconds, 1e-9), 100));
        root.put("totals", totals);
        List<Object> files = new ArrayList<>();
        entries.forEach(e -> files.add(json(e)));
        root.put("files", files);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, root);
    }

    /** A table for people: one row per input, then the totals. */
    public void printTable(PrintStream out) {
        int width = Math.max(4, entries.stream().mapToInt(e -> e.inputName().length()).max().orElse(4));
        String row = "%-" + width + "s  %-9s %7s %7s %6s %5s %8s %8s  %s%n";
        out.printf(Locale.ROOT, row, "file", "status", "frames", "persons", "fps", "conf", "jitter", "sliding", "notes");
        for (Entry e : entries) {
            ConvertedFiles c = e.converted();
            String notes = e.status() == Status.FAILED ? e.error()
                    : c.warnings().isEmpty() ? "" : c.warnings().size() + " warning(s): " + c.warnings().get(0);
            out.printf(Locale.ROOT, row, e.inputName(), e.status().name().toLowerCase(Locale.ROOT),
                    c == null ? "-" : c.frames(), e.persons(), Double.isNaN(e.fps()) ? "-" : String.format(Locale.ROOT, "%.1f", e.fps()),
                    c == null ? "-" : String.format(Locale.ROOT, "%.2f", c.quality().meanConfidence()),
                    c == null ? "-" : String.format(Locale.ROOT, "%.1f", c.quality().accelMmPerFrame2()),
                    c == null ? "-" : String.format(Locale.ROOT, "%.1f", c.quality().footSlidingMmPerFrame()), notes);
        }
        out.printf(Locale.ROOT, "%d files: %d converted, %d skipped (already complete), %d failed; %.1f s with %d job(s), "
                        + "%.2f videos/min, %.1f frames/s%n", entries.size(), count(Status.CONVERTED), count(Status.SKIPPED),
                count(Status.FAILED), seconds, jobs, count(Status.CONVERTED) / Math.max(seconds, 1e-9) * 60,
                framesConverted() / Math.max(seconds, 1e-9));
        out.println("(jitter: mean acceleration, mm/frame²; sliding: foot sliding where a foot is still in the image or carries the body, mm/frame)");
    }

    private static Map<String, Object> json(Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", e.input());
        m.put("output", e.output());
        m.put("status", e.status().name().toLowerCase(Locale.ROOT));
        if (e.status() == Status.FAILED) {
            m.put("exit_code", e.exitCode().status());
            m.put("error", e.error());
            m.put("seconds", round(e.seconds(), 100));
            return m;
        }
        ConvertedFiles c = e.converted();
        m.put("frames", c.frames());
        m.put("animation_frames", c.animationFrames());
        m.put("persons", e.persons());
        if (e.status() == Status.CONVERTED) {
            m.put("seconds", round(e.seconds(), 100));
            m.put("fps_achieved", round(e.fps(), 100));
        }
        m.put("files", c.files().stream().map(p -> p.getFileName().toString()).toList());
        m.put("sidecar", c.sidecar().getFileName().toString());
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("detection_rate", c.detectionRate());
        q.put("mean_confidence", round(c.quality().meanConfidence(), 1000));
        q.put("accel_mm_per_frame2", round(c.quality().accelMmPerFrame2(), 100));
        q.put("foot_sliding_mm_per_frame", round(c.quality().footSlidingMmPerFrame(), 100));
        q.put("ground_penetration_mm", round(c.quality().groundPenetrationMm(), 100));
        m.put("quality", q);
        m.put("warnings", c.warnings());
        return m;
    }

    /** What follows the last separator of a local path or a URI. */
    static String fileName(String location) {
        return location.substring(Math.max(location.lastIndexOf('/'), location.lastIndexOf(File.separatorChar)) + 1);
    }

    private static double round(double v, double precision) {
        return Math.round(v * precision) / precision;
    }
}
