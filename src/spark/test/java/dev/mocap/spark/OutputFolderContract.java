package dev.mocap.spark;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Writing into an output folder on a Hadoop file system that renames onto no existing file, as
 * HDFS and S3A do; a subclass gives the file system.
 */
abstract class OutputFolderContract {
    /** The output folder {@code out}, not made yet. */
    abstract OutputFolder folder() throws IOException;

    /** The names in {@code out}, sorted. */
    abstract List<String> names() throws IOException;

    abstract String read(String name) throws IOException;

    /** Puts a file into {@code out} directly, as an earlier try would have left it. */
    abstract void put(String name, String text) throws IOException;

    @Test
    void aFileIsWrittenUnderATemporaryNameAndReplacesTheEarlierOne() throws IOException {
        OutputFolder folder = folder();
        folder.prepare("batch1");
        folder.write("clip.bvh", "batch1-7", out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
        folder.write("clip.bvh", "batch1-8", out -> out.write("second".getBytes(StandardCharsets.UTF_8)));
        assertEquals("second", read("clip.bvh"));
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
        put(".clip.bvh.mocap-batch1-12.tmp", "half");
        put(".clip.fbx.mocap-batch1.tmp", "half");
        put(".clip.bvh.mocap-batch2-3.tmp", "another batch's, still running");
        put("clip.bvh", "done");
        assertEquals(2, folder.removeTemporaries("batch1"));
        assertEquals(List.of(".clip.bvh.mocap-batch2-3.tmp", "clip.bvh"), names());
    }
}
