package dev.mocap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Motion;
import dev.mocap.body.MotionMetrics;
import dev.mocap.body.PoseErrors;
import dev.mocap.format.bvh.BvhReader;
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
        return "jitter, foot sliding, foot height and contacts of an SMPL-24 BVH (metres), judged from the motion alone; "
                + "MPJPE, PA-MPJPE, accel error against a reference";
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
        figures.put("lowest_foot_mm", m.lowestFootMm());
        figures.put("lowest_foot_p90_mm", m.lowestFootP90Mm());
        figures.put("foot_contact_fraction", m.contactFraction());
        if (line.hasOption("reference")) {
            PoseErrors e = PoseErrors.of(motion, read(Path.of(line.getOptionValue("reference"))));
            figures.put("mpjpe_mm", e.mpjpe());
            figures.put("pa_mpjpe_mm", e.paMpjpe());
            figures.put("accel_error_mm_per_frame2", e.accelError());
        }
        m.warnings().forEach(w -> System.err.println("mocap: warning: " + w));
        if (line.hasOption("json")) {
            Map<String, Object> json = new LinkedHashMap<>(figures);
            json.put("warnings", m.warnings());
            System.out.println(json(json));
        } else {
            System.out.println(table(figures));
        }
        return ExitCode.OK;
    }

    private static Motion read(Path file) {
        try {
            return BvhReader.read(file, 1);
        } catch (IOException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    private static String json(Map<String, Object> figures) {
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
            String name = unit < 0 ? key : key.substring(0, unit);
            String suffix = unit < 0 ? "" : key.substring(unit + 1).replace("_per_", "/").replace("frame2", "frame²");
            s.append(String.format(Locale.ROOT, "%-20s %10.2f %s%n", name.replace('_', ' '), value, suffix));
        });
        return s.toString().stripTrailing();
    }
}
