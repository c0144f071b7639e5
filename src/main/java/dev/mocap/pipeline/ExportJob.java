package dev.mocap.pipeline;

import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Motion;
import dev.mocap.export.Exporters;
import dev.mocap.export.Format;
import dev.mocap.export.bvh.BvhReader;
import dev.mocap.retarget.Retargeting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An existing motion (a BVH file: one the tool wrote, or any other) written in other formats. */
public final class ExportJob {

    /** Formats and their settings; {@code inputUnit} is the BVH's length unit in metres; {@code retargeting} is applied before writing. */
    public record Options(Set<Format> formats, double inputUnit, Exporters exporters, Retargeting retargeting) {
        public Options(Set<Format> formats, double inputUnit, Exporters exporters) {
            this(formats, inputUnit, exporters, Retargeting.NONE);
        }
    }

    public static Motion read(Path input, double inputUnit) {
        if (!input.getFileName().toString().toLowerCase().endsWith(".bvh")) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot export " + input + ": only BVH files are read (.bvh)");
        }
        try {
            return BvhReader.read(input, inputUnit);
        } catch (IOException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot read " + input + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** Writes {@code base.EXT} for each format; returns the files written. */
    public static List<Path> run(Path input, Path base, Options options) {
        Motion motion = options.retargeting().apply(read(input, options.inputUnit()));
        List<Path> written = new ArrayList<>();
        for (Format format : options.formats()) {
            Path file = file(base, format);
            options.exporters().write(motion, format, file);
            written.add(file);
        }
        return written;
    }

    public static Path file(Path base, Format format) {
        return base.resolveSibling(base.getFileName() + "." + format.extension());
    }

    private ExportJob() {
    }
}
