package dev.mocap.cli;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.util.Map;

/**
 * {@code mocap batch --engine spark} from and to a real HDFS: a name node and a data node started
 * in this JVM (Hadoop's MiniDFSCluster). Skipped, with the reason, where it cannot start.
 */
class SparkHdfsTest extends SparkOnStorageTest {
    /** One data node holds one copy; the client would otherwise ask for three. */
    private static final Map<String, String> HADOOP = Map.of("spark.hadoop.dfs.replication", "1");

    private static MiniDFSCluster cluster;
    private static FileSystem hdfs;
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

    @Override
    FileSystem storage() {
        return hdfs;
    }

    @Override
    String root() {
        return hdfs.getUri().toString();
    }
}
