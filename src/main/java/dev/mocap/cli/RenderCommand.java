package dev.mocap.cli;

import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.preview.PreviewInput;
import dev.mocap.preview.PreviewRenderer;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Path;
import java.util.Locale;

/** {@code mocap render FILE -o OUT.mp4|OUT.png}: the preview rendered offscreen. */
final class RenderCommand implements Command {

    @Override
    public String name() {
        return "render";
    }

    @Override
    public String synopsis() {
        return "MOTION.bvh|MOTION.glb|OUT.mocap.json -o OUT.mp4|OUT.png [options]";
    }

    @Override
    public String summary() {
        return "the preview without a window: an MP4 of the whole motion or a PNG of one frame (needs OpenGL; xvfb-run on servers)";
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE").required()
                .desc("OUT.mp4 (every frame) or OUT.png (one frame)").build());
        o.addOption(Option.builder().longOpt("frame").hasArg().argName("N").desc("the frame a PNG shows (default 0)").build());
        o.addOption(Option.builder().longOpt("height").hasArg().argName("PX").desc("picture height in pixels (default 720)").build());
        o.addOption(Option.builder().longOpt("video").hasArg().argName("FILE")
                .desc("the source video, shown beside the 3D view (default: the video the sidecar names, beside it or where it was converted from)").build());
        o.addOption(Option.builder("f").longOpt("force").desc("overwrite an existing output file").build());
        return o;
    }

    @Override
    public ExitCode run(CommandLine line) {
        Path input = Arguments.single(line, "MOTION");
        Path out = Path.of(line.getOptionValue("output"));
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".mp4") && !name.endsWith(".png")) {
            throw new IllegalArgumentException("-o must name a .mp4 or .png file, not '" + out + "'");
        }
        if (!line.hasOption("force")) {
            LandmarksCommand.refuseExisting(out);
        }
        AtomicFiles.checkWritable(out);
        Path video = line.hasOption("video") ? Path.of(line.getOptionValue("video")) : null;
        PreviewRenderer renderer = new PreviewRenderer(PreviewInput.read(input, video), integer(line, "height", 720));
        if (name.endsWith(".png")) {
            renderer.renderPicture(out, integer(line, "frame", 0));
            System.out.println("wrote " + out);
        } else {
            PreviewRenderer.Stats s = renderer.renderVideo(out);
            System.out.printf(Locale.ROOT, "wrote %s: %d frames in %.1f s (%.1f frames/s)%n", out, s.frames(), s.seconds(), s.fps());
        }
        return ExitCode.OK;
    }

    static int integer(CommandLine line, String option, int fallback) {
        String value = line.getOptionValue(option);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + " needs a whole number, not '" + value + "'");
        }
    }
}
