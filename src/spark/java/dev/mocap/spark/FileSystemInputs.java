package dev.mocap.spark;

import dev.mocap.MocapException;
import dev.mocap.pipeline.BatchInputs;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The videos of a Spark batch whose arguments name more than local files and folders: URIs of
 * Hadoop file systems (a file, a folder, or a glob such as {@code hdfs://nn/shoot/*.mp4}), local
 * globs, and list files ({@code @FILE}, local or a URI: one video, folder or glob a line; blank
 * lines and lines that start with {@code #} ignored; relative entries taken from the list's
 * folder). What cannot be read (an unknown scheme, an unreachable file system, a missing file, an
 * unreadable list) is an input that fails with its reason, and the others go on.
 */
final class FileSystemInputs {
    /** An input; {@code error} when it failed before any conversion. */
    record Input(String location, String error) {
    }

    private final Configuration conf;
    private final boolean recursive;
    /** Keyed by the absolute location, so that one video named twice is converted once. */
    private final Map<String, Input> found = new LinkedHashMap<>();

    private FileSystemInputs(Configuration conf, boolean recursive) {
        this.conf = conf;
        this.recursive = recursive;
    }

    /** @throws MocapException (BAD_INPUT) when no video was found at all, and nothing failed */
    static List<Input> find(List<String> arguments, boolean recursive, Configuration conf) {
        FileSystemInputs inputs = new FileSystemInputs(conf, recursive);
        for (String argument : arguments) {
            if (argument.startsWith("@") && argument.length() > 1) {
                inputs.addList(argument.substring(1));
            } else {
                inputs.add(argument);
            }
        }
        if (inputs.found.isEmpty()) {
            throw BatchInputs.noVideos(arguments);
        }
        return new ArrayList<>(inputs.found.values());
    }

    private void add(String argument) {
        if (!Locations.isUri(argument) && !(Locations.isGlob(argument) && !Files.exists(java.nio.file.Path.of(argument)))) {
            addLocal(argument);
            return;
        }
        Path path = Locations.hadoopPath(argument);
        try {
            FileSystem fs = Locations.fileSystem(path, conf);
            if (Locations.isGlob(argument)) {
                FileStatus[] matches = fs.globStatus(path);
                for (FileStatus match : matches == null ? new FileStatus[0] : matches) {
                    if (match.isDirectory()) {
                        addVideosIn(fs, match.getPath());
                    } else if (BatchInputs.isVideo(match.getPath().getName())) {
                        addFound(match.getPath().toString(), null);
                    }
                }
            } else if (fs.getFileStatus(path).isDirectory()) {
                addVideosIn(fs, path);
            } else {
                addFound(argument, null);
            }
        } catch (IOException | RuntimeException e) {
            addFound(argument, "cannot read " + argument + ": " + Locations.describe(e));
        }
    }

    /** A local file or folder, as {@code mocap batch} takes it (a missing file stays, to fail with its reason). */
    private void addLocal(String argument) {
        try {
            for (java.nio.file.Path file : BatchInputs.expand(java.nio.file.Path.of(argument), recursive)) {
                found.putIfAbsent(file.toAbsolutePath().normalize().toString(), new Input(file.toString(), null));
            }
        } catch (MocapException e) {
            addFound(argument, e.getMessage());
        }
    }

    private void addVideosIn(FileSystem fs, Path folder) throws IOException {
        List<Path> videos = new ArrayList<>();
        for (RemoteIterator<LocatedFileStatus> files = fs.listFiles(folder, recursive); files.hasNext(); ) {
            Path file = files.next().getPath();
            if (BatchInputs.isVideo(file.getName()) && !file.getName().startsWith(".")) {
                videos.add(file);
            }
        }
        videos.sort(Comparator.comparing(Path::toString));
        videos.forEach(v -> addFound(v.toString(), null));
    }

    private void addList(String list) {
        Path path = Locations.hadoopPath(list);
        List<String> entries = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(Locations.fileSystem(path, conf).open(path), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            addFound("@" + list, "cannot read the list file " + list + ": " + Locations.describe(e));
            return;
        }
        for (String entry : entries) {
            boolean absolute = Locations.isUri(entry) || java.nio.file.Path.of(entry).isAbsolute();
            add(absolute ? entry : Locations.isUri(list) ? new Path(path.getParent(), entry).toString()
                    : java.nio.file.Path.of(list).toAbsolutePath().getParent().resolve(entry).toString());
        }
    }

    private void addFound(String location, String error) {
        found.putIfAbsent(location, new Input(location, error));
    }
}
