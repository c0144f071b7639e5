package dev.mocap.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.pipeline.BatchJob;
import dev.mocap.pipeline.BatchReport;
import dev.mocap.pipeline.ConvertJob;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One video whose input or output folder is on a Hadoop file system, converted on an executor in
 * a local staging folder, since the decoder reads local files: the outputs that an earlier run
 * left for it (its sidecar and the files that lists) are copied in, so that {@link BatchJob}
 * judges them as {@code mocap batch} does; the video is copied in only when it must be converted;
 * then the new files go to the output folder, each under a temporary name and renamed, the
 * sidecar last, and earlier files that the new conversion no longer writes are removed there.
 */
final class StagedVideo {
    private final BatchJob batch;
    private final Configuration conf;
    private final String input;
    private final OutputFolder folder;
    private final String outputDir;
    private final String name;
    private final String tag;

    /** @param tag what this try's temporary files are marked with: the batch and the try */
    StagedVideo(BatchJob batch, Configuration conf, String input, String outputDir, String name, String tag) throws IOException {
        this.batch = batch;
        this.conf = conf;
        this.input = input;
        this.folder = OutputFolder.at(outputDir, conf);
        this.outputDir = outputDir;
        this.name = name;
        this.tag = tag;
    }

    VideoTask.Outcome run(Runnable beforeConvert) throws IOException {
        java.nio.file.Path stage = Files.createTempDirectory("mocap-video");
        try {
            java.nio.file.Path out = Files.createDirectory(stage.resolve("out"));
            java.nio.file.Path base = out.resolve(name);
            List<String> earlier = copyEarlierOutputs(out);
            FileStatus remote = null;
            FileTime modified;
            if (Locations.isUri(input)) {
                Path path = new Path(input);
                try {
                    remote = Locations.fileSystem(path, conf).getFileStatus(path);
                } catch (IOException e) {
                    return VideoTask.Outcome.failed(ExitCode.BAD_INPUT, "cannot read " + input + ": " + Locations.describe(e), 0);
                }
                modified = FileTime.fromMillis(remote.getModificationTime());
            } else {
                java.nio.file.Path local = java.nio.file.Path.of(input);
                modified = Files.isRegularFile(local) ? Files.getLastModifiedTime(local) : null;
            }
            java.nio.file.Path local = remote == null ? java.nio.file.Path.of(input)
                    : Files.createDirectory(stage.resolve("in")).resolve(remote.getPath().getName());
            Optional<BatchReport.Entry> done = modified == null ? Optional.empty() : batch.completeEarlier(local, modified, base);
            if (done.isPresent()) {
                return VideoTask.Outcome.of(done.get());
            }
            if (remote != null) {
                try {
                    OutputFolder.copyToLocal(Locations.fileSystem(remote.getPath(), conf), remote, local);
                } catch (IOException e) {
                    return VideoTask.Outcome.failed(ExitCode.BAD_INPUT, "cannot read " + input + ": " + Locations.describe(e), 0);
                }
            }
            beforeConvert.run();
            BatchReport.Entry converted = batch.convertNow(local, base);
            if (converted.status() == BatchReport.Status.FAILED) {
                return VideoTask.Outcome.failed(converted.exitCode(), converted.error()
                        .replace(local.toString(), input).replace(base.toString(), Locations.child(outputDir, name)), converted.seconds());
            }
            if (remote != null) {
                recordInput(converted.sidecar());
            }
            try {
                publish(out, converted.sidecar(), earlier);
            } catch (IOException e) {
                return VideoTask.Outcome.failed(ExitCode.OUTPUT_FAILED, "cannot write " + folder.location(name) + ": " + Locations.describe(e), converted.seconds());
            }
            return VideoTask.Outcome.of(converted);
        } finally {
            BundledModels.deleteQuietly(stage);
        }
    }

    /** The earlier sidecar of this video and the files it lists, as the output folder has them; returns their names. */
    private List<String> copyEarlierOutputs(java.nio.file.Path out) throws IOException {
        List<String> copied = new ArrayList<>();
        String sidecar = name + ConvertJob.SIDECAR_SUFFIX;
        Optional<FileStatus> status = folder.status(sidecar);
        if (status.isEmpty()) {
            return copied;
        }
        folder.download(status.get(), out.resolve(sidecar));
        copied.add(sidecar);
        for (java.nio.file.Path file : BatchJob.filesOf(out.resolve(name))) {
            String listed = file.getFileName().toString();
            Optional<FileStatus> earlier = folder.status(listed);
            if (earlier.isPresent() && earlier.get().isFile()) {
                folder.download(earlier.get(), out.resolve(listed));
                copied.add(listed);
            }
        }
        return copied;
    }

    /** The sidecar names the video where it is, not the staging copy that was converted. */
    private void recordInput(java.nio.file.Path sidecar) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = (ObjectNode) json.readTree(sidecar.toFile());
        ((ObjectNode) root.path("video")).put("path", input);
        AtomicFiles.write(sidecar, o -> json.writeValue(o, root));
    }

    private void publish(java.nio.file.Path out, java.nio.file.Path sidecar, List<String> earlier) throws IOException {
        for (java.nio.file.Path file : BatchJob.filesOf(out.resolve(name))) {
            folder.upload(file, tag);
        }
        folder.upload(sidecar, tag);
        for (String file : earlier) {
            if (!Files.exists(out.resolve(file))) {
                folder.delete(file); // no longer written with the new options (BatchJob removed the staged copy)
            }
        }
    }
}
