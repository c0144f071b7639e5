package dev.mocap.spark;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Writing into an output folder on S3 through Hadoop's S3A client, against an S3 server on this
 * machine ({@link LocalS3}). S3 has no rename: S3A copies the object on the server and deletes the
 * source, and it renames onto no existing object. An object appears only when its upload is
 * complete, which is what keeps a half-written file from ever having a final name there.
 */
class OutputFolderOnS3Test extends OutputFolderContract {
    private static final String BUCKET = "anim";
    @TempDir
    static java.nio.file.Path dir;
    private static LocalS3 s3;
    private static FileSystem fs;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = LocalS3.startOrSkip(BUCKET, dir);
        fs = FileSystem.newInstance(URI.create("s3a://" + BUCKET + "/"), s3.configuration());
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            fs.close();
            s3.close();
        }
    }

    @AfterEach
    void empty() throws IOException {
        fs.delete(new Path("/out"), true);
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

    @Override
    OutputFolder folder() throws IOException {
        return OutputFolder.at("s3a://" + BUCKET + "/out", s3.configuration());
    }

    @Override
    List<String> names() throws IOException {
        return Arrays.stream(fs.listStatus(new Path("/out"))).map(FileStatus::getPath).map(Path::getName).sorted().toList();
    }

    @Override
    String read(String name) throws IOException {
        try (var in = fs.open(new Path("/out", name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    void put(String name, String text) throws IOException {
        try (OutputStream out = fs.create(new Path("/out", name))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
