package dev.mocap.spark;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Writing into an output folder on S3 through Hadoop's S3A client, against an S3 server in this
 * process ({@link LocalS3}). S3 has no rename: S3A copies the object on the server and deletes the
 * source, and it renames onto no existing object. An object appears only when its upload is
 * complete, which is what keeps a half-written file from ever having a final name there.
 */
class OutputFolderOnS3Test {
    private static final String BUCKET = "anim";
    private static LocalS3 s3;
    private static FileSystem fs;
    @TempDir
    static java.nio.file.Path dir;

    @BeforeAll
    static void startS3() throws Exception {
        try {
            s3 = LocalS3.start(BUCKET, dir);
        } catch (Exception | LinkageError e) {
            Assumptions.abort("no S3 server here (" + e + ")");
        }
        fs = FileSystem.newInstance(URI.create("s3a://" + BUCKET + "/"), s3.configuration());
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (fs != null) {
            fs.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @AfterEach
    void empty() throws IOException {
        fs.delete(new Path("/out"), true);
    }

    @Test
    void aFileIsCopiedFromItsTemporaryNameAndReplacesTheEarlierOne() throws IOException {
        OutputFolder folder = folder();
        folder.prepare("batch1");
        folder.write("clip.bvh", "batch1-7", out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
        folder.write("clip.bvh", "batch1-8", out -> out.write("second".getBytes(StandardCharsets.UTF_8)));
        try (var in = fs.open(new Path("/out/clip.bvh"))) {
            assertEquals("second", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(List.of("clip.bvh"), names());
    }

    @Test
    void aWriteThatFailsLeavesNeitherAFinalNorATemporaryObject() throws IOException {
        OutputFolder folder = folder();
        folder.prepare("batch1");
        assertThrows(IOException.class, () -> folder.write("clip.fbx", "batch1-3", out -> {
            out.write("half an FBX".getBytes(StandardCharsets.UTF_8));
            throw new IOException("executor lost (on purpose)");
        }));
        assertEquals(List.of(), names());
    }

    /**
     * A task killed while it uploads never closes its stream: S3 then has no object, under the
     * temporary name or any other, where HDFS would show the part written so far.
     */
    @Test
    void anUploadThatIsNeverFinishedLeavesNoObject() throws IOException {
        folder().prepare("batch1");
        FSDataOutputStream killed = fs.create(new Path("/out/.clip.fbx.mocap-batch1-4.tmp"), true);
        byte[] half = new byte[1 << 20];
        Arrays.fill(half, (byte) 7);
        killed.write(half);
        killed.flush();
        assertEquals(List.of(), names());
    }

    @Test
    void theTemporaryOfATryThatDiedAfterItsCopyIsRemoved() throws IOException {
        OutputFolder folder = folder();
        folder.prepare("batch1");
        folder.write("clip.bvh", "batch1-2", out -> out.write("done".getBytes(StandardCharsets.UTF_8)));
        fs.create(new Path("/out/.clip.bvh.mocap-batch1-2.tmp")).close(); // copied to clip.bvh, killed before its delete
        assertEquals(1, folder.removeTemporaries("batch1"));
        assertEquals(List.of("clip.bvh"), names());
    }

    private static OutputFolder folder() throws IOException {
        return OutputFolder.at("s3a://" + BUCKET + "/out", s3.configuration());
    }

    private static List<String> names() throws IOException {
        return Arrays.stream(fs.listStatus(new Path("/out"))).map(FileStatus::getPath).map(Path::getName).sorted().toList();
    }
}
