package dev.mocap.spark;

import dev.mocap.pipeline.BatchEngine;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Where a batch's inputs and outputs are: a local path, or the URI of a file system that Hadoop
 * knows ({@code hdfs://…}, {@code s3a://…}, {@code file:/…}, any scheme with an {@code fs.SCHEME.impl}).
 */
final class Locations {
    static boolean isUri(String location) {
        return BatchEngine.isUri(location);
    }

    static boolean isGlob(String location) {
        return BatchEngine.GLOB.matcher(location).matches();
    }

    /** A URI as it is; a local path made absolute, as a {@code file:} path. */
    static Path hadoopPath(String location) {
        return isUri(location) ? new Path(location) : new Path(java.nio.file.Path.of(location).toAbsolutePath().normalize().toUri());
    }

    /** The file system of {@code path}; the local one without Hadoop's checksum files beside each file. */
    static FileSystem fileSystem(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    }

    /** The text of {@code location} that names its file: its path, after any scheme and host. */
    static String namingPath(String location) {
        if (!isUri(location)) {
            return location;
        }
        URI uri = new Path(location).toUri();
        return "/" + uri.getScheme() + "/" + (uri.getAuthority() == null ? "" : uri.getAuthority()) + uri.getPath();
    }

    /** {@code dir/name}, for a folder given as a local path or a URI. */
    static String child(String dir, String name) {
        return isUri(dir) ? new Path(new Path(dir), name).toString() : java.nio.file.Path.of(dir).resolve(name).toString();
    }

    /** A one-line reason: Hadoop's messages often run over lines and end in links to its wiki. */
    static String describe(Exception e) {
        if (e instanceof FileNotFoundException) {
            return "does not exist";
        }
        if (e instanceof AccessControlException) {
            return "permission denied";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int end = message.indexOf('\n');
        message = end < 0 ? message : message.substring(0, end);
        int more = message.indexOf("; For more details see");
        return more < 0 ? message : message.substring(0, more);
    }

    private Locations() {
    }
}
