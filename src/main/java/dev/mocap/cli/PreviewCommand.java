package dev.mocap.cli;

import dev.mocap.ExitCode;
import dev.mocap.preview.PreviewInput;
import dev.mocap.preview.PreviewWindow;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Path;

/** {@code mocap preview FILE}: the motion in a 3D window. */
final class PreviewCommand implements Command {

    @Override
    public String name() {
        return "preview";
    }

    @Override
    public String synopsis() {
        return "MOTION.bvh|MOTION.glb|OUT.mocap.json [--video FILE]";
    }

    @Override
    public String summary() {
        return "plays a motion on the mannequin in a 3D window (with the source video when known); keys on screen";
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("video").hasArg().argName("FILE")
                .desc("the source video, shown in a corner (default: the video the sidecar names, beside it or where it was converted from)").build());
        o.addOption(Option.builder().longOpt("size").hasArg().argName("WxH").desc("window size (default 1280x720)").build());
        return o;
    }

    @Override
    public ExitCode run(CommandLine line) {
        Path input = Arguments.single(line, "MOTION");
        Path video = line.hasOption("video") ? Path.of(line.getOptionValue("video")) : null;
        String size = line.getOptionValue("size", "1280x720");
        String[] wh = size.split("x");
        if (wh.length != 2) {
            throw new IllegalArgumentException("--size is WIDTHxHEIGHT, e.g. 1280x720, not '" + size + "'");
        }
        int width, height;
        try {
            width = Integer.parseInt(wh[0]);
            height = Integer.parseInt(wh[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--size is WIDTHxHEIGHT, e.g. 1280x720, not '" + size + "'");
        }
        PreviewWindow.show(PreviewInput.read(input, video), width, height);
        return ExitCode.OK;
    }
}
