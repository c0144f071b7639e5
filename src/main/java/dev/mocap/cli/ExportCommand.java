package dev.mocap.cli;

import dev.mocap.ExitCode;
import dev.mocap.export.Format;
import dev.mocap.pipeline.CmuClips;
import dev.mocap.pipeline.ExportJob;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code mocap export MOTION.bvh --format fbx}: a motion the tool has, in other formats. */
final class ExportCommand implements Command {

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String synopsis() {
        return "MOTION.bvh [--format LIST] [-o OUT] [--input-unit m|cm|cmu|NUMBER] [--preset NAME] [--rig CHARACTER]";
    }

    @Override
    public String summary() {
        return "write a motion (a BVH from convert, or any BVH) in other formats, or retargeted onto another rig";
    }

    @Override
    public Options options() {
        Options o = new Options();
        ExportCliOptions.addTo(o, "writes OUT.fbx, ...");
        ExportCliOptions.addRetargetTo(o);
        o.addOption(Option.builder().longOpt("input-unit").hasArg().argName("m|cm|cmu|METRES")
                .desc("length unit of the input BVH: m (default, what convert writes), cm, cmu (CMU mocap), or metres per unit").build());
        return o;
    }

    @Override
    public ExitCode run(CommandLine line) {
        Path input = Arguments.single(line, "MOTION.bvh");
        ExportCliOptions.Settings settings = ExportCliOptions.settings(line);
        Path base = ExportCliOptions.outputBase(LandmarksCommand.stem(input), line.getOptionValue("output"));
        List<Path> planned = new ArrayList<>();
        for (Format f : settings.formats()) {
            planned.add(ExportJob.file(base, f));
        }
        if (planned.contains(input.toAbsolutePath().normalize()) || planned.contains(input)) {
            throw new IllegalArgumentException("the output " + input + " would replace the input; choose another -o");
        }
        ExportCliOptions.checkOutputs(line, planned);
        List<Path> written = ExportJob.run(input, base, new ExportJob.Options(settings.formats(),
                inputUnit(line.getOptionValue("input-unit", "m")), settings.exporters(), settings.retargeting()));
        System.out.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        return ExitCode.OK;
    }

    private static double inputUnit(String unit) {
        return switch (unit) {
            case "m" -> 1;
            case "cm" -> 0.01;
            case "cmu" -> CmuClips.CMU_UNIT;
            default -> {
                try {
                    double v = Double.parseDouble(unit);
                    if (v > 0 && Double.isFinite(v)) {
                        yield v;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                throw new IllegalArgumentException("unknown --input-unit '" + unit + "' (use m, cm, cmu or metres per unit)");
            }
        };
    }
}
