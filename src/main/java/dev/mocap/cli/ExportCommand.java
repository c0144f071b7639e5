package dev.mocap.cli;

import dev.mocap.ExitCode;
import dev.mocap.export.ExportSettings;
import dev.mocap.format.Format;
import dev.mocap.filter.SmoothingPreset;
import dev.mocap.nn.ModelStore;
import dev.mocap.bench.CmuClips;
import dev.mocap.pipeline.ExportJob;
import dev.mocap.smpl.SmplAxes;
import dev.mocap.smpl.SmplParamsReader;
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
        return "MOTION.bvh|MOTION.npz [--format LIST] [-o OUT] [--input-unit m|cm|cmu|NUMBER] [--smooth PRESET] [--foot-lock on|off]"
                + " [--preset NAME] [--rig CHARACTER]";
    }

    @Override
    public String summary() {
        return "write a motion (a BVH from convert, any BVH, or SMPL parameters in an .npz) in other formats, or retargeted onto another rig";
    }

    @Override
    public Options options() {
        Options o = new Options();
        ExportCliOptions.addTo(o, "writes OUT.fbx, ...");
        ExportCliOptions.addRetargetTo(o);
        o.addOption(Option.builder().longOpt("input-unit").hasArg().argName("m|cm|cmu|METRES")
                .desc("length unit of the input BVH: m (default, what convert writes), cm, cmu (CMU mocap), or metres per unit").build());
        o.addOption(Option.builder().longOpt("smooth").hasArg().argName("PRESET")
                .desc("smoothing before writing (default none): " + ConvertCommand.presetList()).build());
        o.addOption(Option.builder().longOpt("foot-lock").hasArg().argName("on|off")
                .desc("find foot contacts and pin planted feet to the floor (SMPL-24 motions; default off)").build());
        o.addOption(Option.builder().longOpt("npz-axes").hasArg().argName("y-up|z-up|camera")
                .desc("world axes of an .npz's SMPL parameters (default: the layout's own; AMASS mocap is z-up, in-camera estimates camera)")
                .build());
        o.addOption(Option.builder().longOpt("fps").hasArg().argName("N").desc("frame rate of an .npz that names none (default 30)").build());
        return o;
    }

    @Override
    public ExitCode run(CommandLine line) {
        Path input = Arguments.single(line, "MOTION.bvh");
        ExportSettings settings = ExportCliOptions.settings(line);
        Path base = ExportCliOptions.outputBase(LandmarksCommand.stem(input).replaceFirst("\\.smpl$", ""), line.getOptionValue("output"));
        List<Path> planned = new ArrayList<>();
        for (Format f : settings.formats()) {
            planned.add(ExportJob.file(base, f));
        }
        if (planned.contains(input.toAbsolutePath().normalize()) || planned.contains(input)) {
            throw new IllegalArgumentException("the output " + input + " would replace the input; choose another -o");
        }
        ExportCliOptions.checkOutputs(line, planned);
        ExportJob.Result result = ExportJob.run(input, base, new ExportJob.Options(settings.formats(),
                inputUnit(line.getOptionValue("input-unit", "m")), settings.exporters(), settings.retargeting(), smplOptions(line, settings),
                SmoothingPreset.parse(line.getOptionValue("smooth", SmoothingPreset.NONE.cliName())).filter(ModelStore::locate),
                ConvertCommand.footLock(line, "off")));
        result.notes().forEach(System.out::println);
        System.out.println("wrote " + String.join(", ", result.files().stream().map(Path::toString).toList()));
        return ExitCode.OK;
    }

    private static SmplParamsReader.Options smplOptions(CommandLine line, ExportSettings settings) {
        SmplAxes axes = line.hasOption("npz-axes") ? SmplAxes.parse(line.getOptionValue("npz-axes")) : null;
        double fps = Double.NaN;
        if (line.hasOption("fps")) {
            String value = line.getOptionValue("fps");
            try {
                fps = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                fps = -1;
            }
            if (!(fps > 0 && fps < 1e5)) {
                throw new IllegalArgumentException("--fps needs a positive number, not '" + value + "'");
            }
        }
        return new SmplParamsReader.Options(axes, fps, settings.exporters().smplModel());
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
