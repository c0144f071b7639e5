package dev.mocap.spark;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Writing into an output folder on a Hadoop file system that, like HDFS, renames onto no existing file. */
class OutputFolderTest extends OutputFolderContract {
    @TempDir
    Path dir;

    @Override
    OutputFolder folder() throws IOException {
        Configuration conf = new Configuration(false);
        conf.set("fs." + HdfsLikeFileSystem.SCHEME + ".impl", HdfsLikeFileSystem.class.getName());
        return OutputFolder.at(HdfsLikeFileSystem.SCHEME + "://" + dir.resolve("out"), conf);
    }

    @Override
    List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    String read(String name) throws IOException {
        return Files.readString(dir.resolve("out").resolve(name));
    }

    @Override
    void put(String name, String text) throws IOException {
        Files.writeString(dir.resolve("out").resolve(name), text);
    }
}
