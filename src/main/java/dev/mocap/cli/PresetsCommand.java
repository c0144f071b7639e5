package dev.mocap.cli;

import dev.mocap.ExitCode;
import dev.mocap.format.Format;
import dev.mocap.retarget.ExportPreset;
import dev.mocap.retarget.Presets;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.util.Locale;
import java.util.stream.Collectors;

/** {@code mocap presets}: the built-in export presets. */
final class PresetsCommand implements Command {

    @Override
    public String name() {
        return "presets";
    }

    @Override
    public String synopsis() {
        return "";
    }

    @Override
    public String summary() {
        return "list the export presets (--preset NAME on convert and export; a preset file works too)";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public ExitCode run(CommandLine line) {
        if (!line.getArgList().isEmpty()) {
            throw new IllegalArgumentException("presets takes no arguments");
        }
        for (ExportPreset p : Presets.builtIn()) {
            System.out.printf(Locale.ROOT, "  %-15s rig %-15s %-8s %s%n", p.name(), p.rig(),
                    p.formats().stream().map(Format::extension).collect(Collectors.joining(",")), p.description());
        }
        return ExitCode.OK;
    }
}
