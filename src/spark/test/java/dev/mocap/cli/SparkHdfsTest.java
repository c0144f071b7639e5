package dev.mocap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mocap.ExitCode;
import dev.mocap.video.BadInputCorpus;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static dev.mocap.cli.SparkBatchTest.modified;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mocap batch --engine spark} from and to a real HDFS: a name node and a data node started
 * in this JVM (Hadoop's MiniDFSCluster). Skipped, with the reason, where it cannot start.
 */
class SparkHdfsTest {
    private static final Path SAMPLE = Path.of("samples", "walk_wave.mp4");
    /** One data node holds one copy; the client would otherwise ask for three. */
    private static final Map<String, String> HADOOP = Map.of("spark.hadoop.dfs.replication", "1");

    @TempDir
    static Path dir;
    private static MiniDFSCluster cluster;
    private static FileSystem hdfs;
    private static String root;
    private static Level hadoopLogging;

    @BeforeAll
    static void startHdfs() throws IOException {
        hadoopLogging = LogManager.getLogger("org.apache.hadoop").getLevel();
        Configurator.setLevel("org.apache.hadoop", Level.FATAL); // the name and data nodes' messages on start and shut-down
        Configuration conf = new Configuration();
        conf.set("dfs.replication", "1");
        try {
            cluster = new MiniDFSCluster.Builder(conf, dir.resolve("hdfs").toFile()).numDataNodes(1).build();
            cluster.waitActive();
        } catch (IOException | RuntimeException | LinkageError e) {
            Assumptions.abort("no MiniDFSCluster here (" + e + ")");
        }
        hdfs = cluster.getFileSystem();
        root = hdfs.getUri().toString();
        HADOOP.forEach(System::setProperty);
    }

    @AfterAll
    static void stopHdfs() {
        HADOOP.keySet().forEach(System::clearProperty);
        if (cluster != null) {
            cluster.shutdown(true);
        }
        Configurator.setLevel("org.apache.hadoop", hadoopLogging);
    }

    @Test
    void videosOnHdfsGiveWhatBatchGivesAndARerunSkipsThem() throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        for (BadInputCorpus.Case c : BadInputCorpus.write(in, SAMPLE)) {
            String name = c.file().getFileName().toString();
            if (Set.of("three frames.mp4", "portrait phone.mov", "notes.mp4").contains(name)) {
                hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(c.file().toUri()), new org.apache.hadoop.fs.Path("/in/" + name));
            } else {
                Files.delete(c.file());
            }
        }
        try (OutputStream list = hdfs.create(new org.apache.hadoop.fs.Path("/lists/takes.txt"))) {
            list.write("# relative to the list's folder\n../in/portrait phone.mov\n".getBytes(StandardCharsets.UTF_8));
        }
        List<String> args = List.of("batch", root + "/in/*.mp4", "@" + root + "/lists/takes.txt", "-o", root + "/out", "--format", "bvh",
                "-q", "--engine", "spark", "--master", "local[2]");
        CliRun spark = CliRun.of(args.toArray(String[]::new));
        assertEquals(ExitCode.PARTIAL, spark.exit(), spark.err());
        assertEquals(List.of("failed", "converted", "converted"), statuses(), "notes.mp4, three frames.mp4, portrait phone.mov");

        Path local = dir.resolve("local");
        CliRun batch = CliRun.of("batch", in.resolve("notes.mp4").toString(), in.resolve("three frames.mp4").toString(),
                in.resolve("portrait phone.mov").toString(), "-o", local.toString(), "--format", "bvh", "-q", "--jobs", "2");
        assertEquals(ExitCode.PARTIAL, batch.exit(), batch.err());
        Map<String, Long> written = outputs();
        assertEquals(modified(local).keySet(), written.keySet(), "the same files, and no temporary one");
        for (String name : written.keySet()) {
            byte[] expected = Files.readAllBytes(local.resolve(name)), actual = read("/out/" + name);
            if (name.endsWith(".mocap.json")) {
                JsonNode sidecar = new ObjectMapper().readTree(actual);
                String path = sidecar.get("video").get("path").asText();
                assertTrue(path.startsWith("hdfs://") && path.endsWith("/in/" + sidecar.get("video").get("file").asText()),
                        "the sidecar names the video where it is: " + path);
                assertEquals(withoutVideoPath(new ObjectMapper().readTree(expected)), withoutVideoPath(sidecar), name);
            } else if (!name.equals("batch-report.json")) {
                assertArrayEquals(SparkBatchTest.withoutCreationTime(expected), SparkBatchTest.withoutCreationTime(actual), name);
            }
        }

        CliRun again = CliRun.of(args.toArray(String[]::new));
        assertEquals(ExitCode.PARTIAL, again.exit(), again.err());
        assertEquals(List.of("failed", "skipped", "skipped"), statuses());
        Map<String, Long> after = outputs();
        written.remove("batch-report.json");
        after.remove("batch-report.json");
        assertEquals(written, after, "a rerun rewrites nothing on HDFS");
    }

    /** The output folder's files on HDFS and when each was last written. */
    private static Map<String, Long> outputs() throws IOException {
        Map<String, Long> files = new TreeMap<>();
        for (FileStatus f : hdfs.listStatus(new org.apache.hadoop.fs.Path("/out"))) {
            files.put(f.getPath().getName(), f.getModificationTime());
        }
        return files;
    }

    private static byte[] read(String path) throws IOException {
        try (var in = hdfs.open(new org.apache.hadoop.fs.Path(path))) {
            return in.readAllBytes();
        }
    }

    private static List<String> statuses() throws IOException {
        JsonNode report = new ObjectMapper().readTree(read("/out/batch-report.json"));
        assertEquals("mocap.batch/1", report.get("schema").asText());
        return report.get("files").findValuesAsText("status");
    }

    private static JsonNode withoutVideoPath(JsonNode sidecar) {
        ObjectNode copy = sidecar.deepCopy();
        ((ObjectNode) copy.get("video")).remove("path");
        return copy;
    }
}
