package dev.mocap.spark;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

import java.io.IOException;
import java.net.URI;

/**
 * A Hadoop file system of its own scheme, {@value #SCHEME}{@code :///PATH}, kept in local files but
 * reached only through Hadoop's API, as HDFS or S3A are; like HDFS it renames onto no existing
 * file. Registered with {@code fs.testfs.impl}.
 */
public class HdfsLikeFileSystem extends RawLocalFileSystem {
    public static final String SCHEME = "testfs";

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        return !exists(dst) && super.rename(src, dst);
    }
}
