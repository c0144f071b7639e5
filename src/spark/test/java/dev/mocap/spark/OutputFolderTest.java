package dev.mocap.spark;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Writing into an output folder on a Hadoop file system that, like HDFS, renames onto no existing file. */
class OutputFolderTest {
    @TempDir
    Path dir;

    @Test
    void aFileIsWrittenUnderATemporaryNameAndReplacesTheEarlierOne() throws IOException {
        OutputFolder folder = folder();
        folder.prepare("batch1");
        folder.write("clip.bvh", "batch1-7", out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
        folder.write("clip.bvh", "batch1-8", out -> out.write("second".getBytes(StandardCharsets.UTF_8)));
        assertEquals("second", Files.readString(dir.resolve("out/clip.bvh")));
        assertEquals(List.of("clip.bvh"), names());
    }

    @Test
    void aWriteThatFailsLeavesNeitherAFinalNorATemporaryFile() throws IOException {
        OutputFolder folder = folder();
        folder.prepare("batch1");
        assertThrows(IOException.class, () -> folder.write("clip.fbx", "batch1-3", out -> {
            out.write("half an FBX".getBytes(StandardCharsets.UTF_8));
            throw new IOException("executor lost (on purpose)");
        }));
        assertEquals(List.of(), names());
    }

    @Test
    void onlyTheTemporariesOfItsOwnBatchAreRemoved() throws IOException {
        OutputFolder folder = folder();
        folder.prepare("batch1");
        Path out = dir.resolve("out");
        Files.writeString(out.resolve(".clip.bvh.mocap-batch1-12.tmp"), "half");
        Files.writeString(out.resolve(".clip.fbx.mocap-batch1.tmp"), "half");
        Files.writeString(out.resolve(".clip.bvh.mocap-batch2-3.tmp"), "another batch's, still running");
        Files.writeString(out.resolve("clip.bvh"), "done");
        assertEquals(2, folder.removeTemporaries("batch1"));
        assertEquals(List.of(".clip.bvh.mocap-batch2-3.tmp", "clip.bvh"), names());
    }

    private OutputFolder folder() throws IOException {
        Configuration conf = new Configuration(false);
        conf.set("fs." + HdfsLikeFileSystem.SCHEME + ".impl", HdfsLikeFileSystem.class.getName());
        return OutputFolder.at(HdfsLikeFileSystem.SCHEME + "://" + dir.resolve("out"), conf);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
