package dev.mocap.cli;

import dev.mocap.spark.LocalS3;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;

/**
 * {@code mocap batch --engine spark} from and to S3 through Hadoop's S3A client, against an S3
 * server started on this machine ({@link LocalS3}). Skipped, with the reason, where it cannot start.
 */
class SparkS3Test extends SparkOnStorageTest {
    private static final String BUCKET = "footage";

    private static LocalS3 s3;
    private static FileSystem bucket;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = LocalS3.startOrSkip(BUCKET, dir);
        s3.settings().forEach((key, value) -> System.setProperty("spark.hadoop." + key, value));
        bucket = FileSystem.newInstance(URI.create("s3a://" + BUCKET + "/"), s3.configuration());
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 == null) {
            return; // skipped
        }
        s3.settings().keySet().forEach(key -> System.clearProperty("spark.hadoop." + key));
        bucket.close();
        s3.close();
    }

    @Override
    FileSystem storage() {
        return bucket;
    }

    @Override
    String root() {
        return "s3a://" + BUCKET;
    }
}
