package dev.mocap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Motion;
import dev.mocap.body.MotionMetrics;
import dev.mocap.body.PoseErrors;
import dev.mocap.export.bvh.BvhReader;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code mocap metrics MOTION.bvh [--reference REF.bvh] [--json]}: quality figures of a motion. */
final class MetricsCommand implements Command {

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public String synopsis() {
        return "MOTION.bvh [--reference REF.bvh] [--json]";
    }

    @Override
    public String summary() {
        return "jitter, foot sliding and ground penetration of an SMPL-24 BVH (metres); MPJPE, PA-MPJPE, accel error against a reference";
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder("r").longOpt("reference").hasArg().argName("REF.bvh")
                .desc("ground truth in metres with the motion's joint names and frame rate: adds MPJPE, PA-MPJPE and acceleration error").build());
        o.addOption(Option.builder().longOpt("json").desc("print one JSON object instead of a table").build());
        return o;
    }

    @Override
    public ExitCode run(CommandLine line) {
        Motion motion = read(Arguments.single(line, "MOTION.bvh"));
        MotionMetrics m = MotionMetrics.of(motion);
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("accel_mm_per_frame2", m.accelMmPerFrame2());
        figures.put("foot_sliding_mm_per_frame", m.footSlidingMmPerFrame());
        figures.put("ground_penetration_mm", m.groundPenetrationMm());
        if (line.hasOption("reference")) {
            PoseErrors e = PoseErrors.of(motion, read(Path.of(line.getOptionValue("reference"))));
            figures.put("mpjpe_mm", e.mpjpe());
            figures.put("pa_mpjpe_mm", e.paMpjpe());
            figures.put("accel_error_mm_per_frame2", e.accelError());
        }
        System.out.println(line.hasOption("json") ? json(figures) : table(figures));
        return ExitCode.OK;
    }

    private static Motion read(Path file) {
        try {
            return BvhReader.read(file, 1);
        } catch (IOException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    private static String json(Map<String, Double> figures) {
        try {
            return new ObjectMapper().writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String table(Map<String, Double> figures) {
        StringBuilder s = new StringBuilder();
        figures.forEach((key, value) -> {
            int unit = key.lastIndexOf("_mm");
            s.append(String.format(Locale.ROOT, "%-20s %10.2f %s%n", key.substring(0, unit).replace('_', ' '), value,
                    key.substring(unit + 1).replace("_per_", "/").replace("frame2", "frame²")));
        });
        return s.toString().stripTrailing();
    }
}
