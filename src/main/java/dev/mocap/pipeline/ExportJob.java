package dev.mocap.pipeline;

import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Motion;
import dev.mocap.body.Smpl24;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.filter.MotionFilter;
import dev.mocap.retarget.Retargeting;
import dev.mocap.smpl.Npz;
import dev.mocap.smpl.SmplParamsReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An existing motion (a BVH file: one the tool wrote, or any other; or SMPL parameters in an
 * {@code .npz}) written in other formats, optionally smoothed and with the feet locked first.
 */
public final class ExportJob {

    /**
     * Formats and their settings; {@code inputUnit} is the BVH's length unit in metres; {@code smpl}
     * how an {@code .npz} is read; {@code smoothing} (a preset's filter) and {@code footLock} as in {@code convert};
     * {@code retargeting} is applied before writing.
     */
    public record Options(Set<Format> formats, double inputUnit, Exporters exporters, Retargeting retargeting,
                          SmplParamsReader.Options smpl, MotionFilter smoothing, boolean footLock) {
        public Options(Set<Format> formats, double inputUnit, Exporters exporters, Retargeting retargeting) {
            this(formats, inputUnit, exporters, retargeting, SmplParamsReader.Options.DEFAULT, MotionFilter.NONE, false);
        }

        public Options(Set<Format> formats, double inputUnit, Exporters exporters) {
            this(formats, inputUnit, exporters, Retargeting.NONE);
        }
    }

    /** The files written, and what reading the input found worth telling (an .npz's layout, assumptions). */
    public record Result(List<Path> files, List<String> notes) {
    }

    public static Motion read(Path input, double inputUnit) {
        if (!input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bvh")) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot export " + input + ": only BVH files (.bvh) and SMPL parameters (.npz) are read");
        }
        try {
            return BvhReader.read(input, inputUnit);
        } catch (IOException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot read " + input + ": " + AtomicFiles.describe(e), e);
        }
    }

    public static SmplParamsReader.Result readSmpl(Path input, SmplParamsReader.Options options) {
        try {
            return SmplParamsReader.read(Npz.read(input), input.toString(), options);
        } catch (IOException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot read " + (e.getMessage().startsWith(input.toString()) ? "" : input + ": ")
                    + e.getMessage(), e);
        }
    }

    /** Writes {@code base.EXT} for each format. */
    public static Result run(Path input, Path base, Options options) {
        List<String> notes = new ArrayList<>();
        Motion motion;
        if (isSmpl(input)) {
            SmplParamsReader.Result r = readSmpl(input, options.smpl());
            notes.add(String.format(Locale.ROOT, "%s: %s layout, %s axes, %d frames at %.4g fps", input.getFileName(), r.layout(),
                    r.axes().cliName(), r.motion().frameCount(), r.motion().fps()));
            notes.addAll(r.notes());
            motion = r.motion();
        } else {
            motion = read(input, options.inputUnit());
        }
        Motion finished = finish(motion, options);
        Motion retargeted = options.retargeting().apply(finished);
        List<Path> written = new ArrayList<>();
        for (Format format : options.formats()) {
            Path file = file(base, format);
            options.exporters().write(format == Format.SMPL ? finished : retargeted, format, file);
            written.add(file);
        }
        return new Result(written, notes);
    }

    /** Smoothing, and on the SMPL-24 skeleton foot contacts and foot locking; nothing when neither is asked for. */
    private static Motion finish(Motion motion, Options options) {
        if (options.smoothing() == MotionFilter.NONE && !options.footLock()) {
            return motion;
        }
        if (!motion.skeleton().names().equals(Smpl24.NAMES)) {
            if (options.footLock()) {
                throw new MocapException(ExitCode.BAD_INPUT, "--foot-lock needs the SMPL-24 skeleton; this motion has "
                        + motion.skeleton().size() + " joints (first '" + motion.skeleton().name(0) + "')");
            }
            return options.smoothing().apply(motion);
        }
        return MotionFinishing.apply(motion, options.smoothing(), options.footLock());
    }

    public static boolean isSmpl(Path input) {
        return input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz");
    }

    public static Path file(Path base, Format format) {
        return base.resolveSibling(base.getFileName() + "." + format.extension());
    }

    private ExportJob() {
    }
}
