package dev.mocap.cli;

import dev.mocap.AtomicFiles;
import dev.mocap.export.Exporters;
import dev.mocap.export.Format;
import dev.mocap.export.bvh.BvhOptions;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    static Set<Format> formats(CommandLine line) {
        return Format.parseList(line.getOptionValue("format", "bvh"));
    }

    static Exporters exporters(CommandLine line) {
        BvhOptions.Unit unit = switch (line.getOptionValue("unit", "m")) {
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
