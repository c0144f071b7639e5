package dev.mocap.spark;

import dev.mocap.AtomicFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A batch's output folder on a Hadoop file system. Each file is written under a hidden temporary
 * name ({@code .NAME.mocap-TAG.tmp}) and renamed when complete, so that no half-written file ever
 * has a final name; the temporaries of tries that died are removed by their batch's tag.
 */
final class OutputFolder {
    private final FileSystem fs;
    private final Path dir;

    private OutputFolder(FileSystem fs, Path dir) {
        this.fs = fs;
        this.dir = dir;
    }

    /** The folder at {@code location}, a local path or a URI; nothing is read or made yet. */
    static OutputFolder at(String location, Configuration conf) throws IOException {
        Path dir = Locations.hadoopPath(location);
        return new OutputFolder(Locations.fileSystem(dir, conf), dir);
    }

    /** Makes the folder and checks that files can be written and renamed in it. */
    void prepare(String tag) throws IOException {
        fs.mkdirs(dir);
        if (!fs.getFileStatus(dir).isDirectory()) {
            throw new IOException("not a folder");
        }
        Path probe = temporary(".write-check", tag);
        fs.create(probe, true).close();
        fs.delete(probe, false);
    }

    Optional<FileStatus> status(String name) throws IOException {
        try {
            return Optional.of(fs.getFileStatus(new Path(dir, name)));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Copies the file {@code name} to {@code target}, keeping when it last changed. */
    void download(FileStatus file, java.nio.file.Path target) throws IOException {
        copyToLocal(fs, file, target);
    }

    static void copyToLocal(FileSystem fs, FileStatus file, java.nio.file.Path target) throws IOException {
        try (InputStream in = fs.open(file.getPath())) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setLastModifiedTime(target, FileTime.fromMillis(file.getModificationTime()));
    }

    /** Puts a local file into the folder under its own name. */
    void upload(java.nio.file.Path file, String tag) throws IOException {
        write(file.getFileName().toString(), tag, out -> Files.copy(file, out));
    }

    /** Writes {@code name} from {@code body}: to a temporary name first, then renamed over any earlier file. */
    void write(String name, String tag, AtomicFiles.Body body) throws IOException {
        Path target = new Path(dir, name);
        Path temp = temporary(name, tag);
        try {
            try (FSDataOutputStream out = fs.create(temp, true)) {
                body.writeTo(out);
            }
            // HDFS, S3A and others rename onto no existing file: the earlier one goes first (never a half-written one stays).
            if (!renamed(temp, target) && !(fs.delete(target, false) && renamed(temp, target))) {
                throw new IOException("cannot rename " + temp + " to " + name);
            }
        } catch (IOException | RuntimeException e) {
            fs.delete(temp, false);
            throw e;
        }
    }

    /** Whether {@code from} now has the name {@code to}; false where {@code to} exists, which S3A says by an exception. */
    private boolean renamed(Path from, Path to) throws IOException {
        try {
            return fs.rename(from, to);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    void delete(String name) throws IOException {
        fs.delete(new Path(dir, name), false);
    }

    /** Removes the temporaries that tries of the batch {@code tag} left; returns how many went. */
    int removeTemporaries(String batchTag) throws IOException {
        Pattern mine = Pattern.compile("\\..+\\.mocap-" + Pattern.quote(batchTag) + "(-\\d+)?\\.tmp");
        int removed = 0;
        for (FileStatus f : fs.listStatus(dir)) {
            if (f.isFile() && mine.matcher(f.getPath().getName()).matches() && fs.delete(f.getPath(), false)) {
                removed++;
            }
        }
        return removed;
    }

    /** Where {@code name} is in the folder, as users name it. */
    String location(String name) {
        return new Path(dir, name).toString();
    }

    private Path temporary(String name, String tag) {
        return new Path(dir, "." + name + ".mocap-" + tag + ".tmp");
    }
}
