package dev.mocap.cli;

import dev.mocap.AtomicFiles;
import dev.mocap.export.Exporters;
import dev.mocap.export.Format;
import dev.mocap.export.bvh.BvhOptions;
import dev.mocap.retarget.LoadedRig;
import dev.mocap.retarget.Preset;
import dev.mocap.retarget.Presets;
import dev.mocap.retarget.Retargeting;
import dev.mocap.retarget.RigFiles;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Output options shared by the commands that write animation files: formats, units, names. */
final class ExportCliOptions {

    static void addTo(Options o, String outputNote) {
        o.addOption(Option.builder("o").longOpt("output").hasArg().argName("OUT")
                .desc("output name without extension, or an existing folder (default: the input's name in the current folder); "
                        + outputNote).build());
        o.addOption(Option.builder().longOpt("format").hasArg().argName("LIST")
                .desc("animation formats, comma-separated: " + Format.names() + " (default bvh)").build());
        o.addOption(Option.builder().longOpt("unit").hasArg().argName("m|cm")
                .desc("length unit of the BVH (default m; FBX is always centimetres with its unit declared)").build());
        o.addOption(Option.builder("f").longOpt("force").desc("overwrite existing output files").build());
    }

    /** The retargeting options: a preset, a character's rig, and bone names the automatic map gets wrong. */
    static void addRetargetTo(Options o) {
        o.addOption(Option.builder().longOpt("preset").hasArg().argName("NAME|FILE.json")
                .desc("export preset: " + String.join(", ", Presets.BUILT_IN) + " (see: mocap presets), or a preset file; "
                        + "sets the rig, default formats, BVH unit, frame rate and root motion").build());
        o.addOption(Option.builder().longOpt("rig").hasArg().argName("CHARACTER.glb|.gltf|.bvh")
                .desc("retarget onto this character's skeleton (bone names and rest pose; bones mapped by name)").build());
        o.addOption(Option.builder().longOpt("bone-map").hasArg().argName("FILE.json")
                .desc("with --rig: JSON {\"bone name\": \"smpl joint\" or null} for bones the automatic map misses").build());
    }

    /** The --preset, or null. */
    static Preset preset(CommandLine line) {
        return line.hasOption("preset") ? Presets.get(line.getOptionValue("preset")) : null;
    }

    /** The preset's retargeting, its rig replaced by --rig; prints the bone map of a --rig and the rig file's warnings. */
    static Retargeting retargeting(CommandLine line, Preset preset) {
        Retargeting base = preset == null ? Retargeting.NONE : Retargeting.of(preset);
        if (!line.hasOption("rig")) {
            if (line.hasOption("bone-map")) {
                throw new IllegalArgumentException("--bone-map goes with --rig");
            }
            return base;
        }
        Map<String, String> overrides = line.hasOption("bone-map") ? RigFiles.readBoneMap(Path.of(line.getOptionValue("bone-map"))) : Map.of();
        LoadedRig loaded = RigFiles.load(Path.of(line.getOptionValue("rig")), overrides);
        loaded.warnings().forEach(w -> System.err.println("mocap: warning: rig " + line.getOptionValue("rig") + ": " + w));
        System.out.println("bone map of " + loaded.rig().name() + " (bone -> SMPL joint):");
        loaded.rig().map().describe(loaded.rig().names()).forEach(l -> System.out.println("  " + l));
        return base.withRig(loaded.rig());
    }

    static Set<Format> formats(CommandLine line) {
        return formats(line, null);
    }

    /** --format, else the preset's formats, else BVH. */
    static Set<Format> formats(CommandLine line, Preset preset) {
        return line.hasOption("format") || preset == null ? Format.parseList(line.getOptionValue("format", "bvh")) : preset.formats();
    }

    static Exporters exporters(CommandLine line) {
        return exporters(line, null);
    }

    /** --unit, else the preset's BVH unit, else metres. */
    static Exporters exporters(CommandLine line, Preset preset) {
        String fallback = preset != null && preset.bvhUnit() == BvhOptions.Unit.CENTIMETRES ? "cm" : "m";
        BvhOptions.Unit unit = switch (line.getOptionValue("unit", fallback)) {
            case "m" -> BvhOptions.Unit.METRES;
            case "cm" -> BvhOptions.Unit.CENTIMETRES;
            default -> throw new IllegalArgumentException("unknown --unit '" + line.getOptionValue("unit") + "' (use m or cm)");
        };
        return Exporters.defaults().withBvh(BvhOptions.DEFAULT.withUnit(unit));
    }

    /** OUT without a known animation extension; inside OUT when it is a folder; else {@code stem} here. */
    static Path outputBase(String stem, String output) {
        if (output == null) {
            return Path.of(stem);
        }
        Path out = Path.of(output);
        if (Files.isDirectory(out)) {
            return out.resolve(stem);
        }
        String name = out.getFileName().toString();
        for (Format f : Format.values()) {
            if (name.endsWith("." + f.extension())) {
                return out.resolveSibling(name.substring(0, name.length() - f.extension().length() - 1));
            }
        }
        return out;
    }

    /** Refuses (unless --force) to replace existing files, and checks now that each can be written. */
    static void checkOutputs(CommandLine line, List<Path> files) {
        for (Path out : files) {
            if (!line.hasOption("force")) {
                LandmarksCommand.refuseExisting(out);
            }
            AtomicFiles.checkWritable(out);
        }
    }

    private ExportCliOptions() {
    }
}
