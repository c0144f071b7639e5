package dev.mocap.cli;

import dev.mocap.ExitCode;
import dev.mocap.preview.SampleClip;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code mocap sample --out samples/}: renders the project's own sample clip and its ground truth. */
final class SampleCommand implements Command {

    @Override
    public String name() {
        return "sample";
    }

    @Override
    public String synopsis() {
        return "[--out FOLDER] [-f]";
    }

    @Override
    public String summary() {
        return "renders the sample clip (a mannequin that walks and waves) with its ground-truth BVH and camera (needs OpenGL)";
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("out").hasArg().argName("FOLDER").desc("where to write (default: samples)").build());
        o.addOption(Option.builder("f").longOpt("force").desc("overwrite existing files").build());
        return o;
    }

    @Override
    public ExitCode run(CommandLine line) {
        if (!line.getArgList().isEmpty()) {
            throw new IllegalArgumentException("sample takes no file arguments");
        }
        Path folder = Path.of(line.getOptionValue("out", "samples"));
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--out must be an existing folder: " + folder);
        }
        SampleClip.Files files = SampleClip.Files.in(folder);
        for (Path p : List.of(files.video(), files.groundTruth(), files.camera())) {
            if (!line.hasOption("force")) {
                LandmarksCommand.refuseExisting(p);
            }
        }
        SampleClip.write(folder);
        System.out.println("wrote " + files.video() + ", " + files.groundTruth() + ", " + files.camera());
        return ExitCode.OK;
    }
}
