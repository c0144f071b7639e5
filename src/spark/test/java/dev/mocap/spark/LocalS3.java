package dev.mocap.spark;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An S3 server on the loopback address for the tests: S3Proxy over an in-memory store, started
 * as a process of its own from the jar the build puts at {@value #JAR} (its libraries clash with
 * Spark's on one class path), with signed requests as S3 wants them; and the settings with which
 * Hadoop's S3A client reaches it.
 */
public final class LocalS3 implements AutoCloseable {
    static final String JAR = "target/s3proxy/s3proxy.jar";
    private static final String KEY = "mocap-test", SECRET = "mocap-test-secret";
    /** The server's JVM starts in seconds, but the machine the tests run on may be busy. */
    private static final long START_SECONDS = 120;

    private final Process server;
    private final int port;

    private LocalS3(Process server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts the server, with {@code bucket} made and empty; {@code dir} holds its settings and log.
     * Hadoop keeps one S3A client a bucket in the JVM, bound to the address it was first made with:
     * give each server a bucket name of its own.
     */
    public static LocalS3 start(String bucket, Path dir) throws IOException, InterruptedException {
        Path jar = Path.of(JAR);
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no " + JAR + " (the build of the spark profile copies it)");
        }
        int port = freePort();
        Path settings = dir.resolve("s3proxy.properties");
        Files.writeString(settings, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + KEY,
                "s3proxy.credential=" + SECRET,
                "jclouds.provider=transient",
                "jclouds.identity=" + KEY,
                "jclouds.credential=" + SECRET) + "\n");
        Path log = dir.resolve("s3proxy.log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", jar.toString(), "--properties", settings.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalS3 s3 = new LocalS3(server, port);
        try {
            s3.awaitListening(log);
            s3.client().createBucket(bucket);
        } catch (IOException | InterruptedException | RuntimeException e) {
            s3.close();
            throw e;
        }
        return s3;
    }

    /** {@link #start}, or the test skipped with the reason where no server can start here. */
    public static LocalS3 startOrSkip(String bucket, Path dir) {
        try {
            return start(bucket, dir);
        } catch (IOException | InterruptedException | RuntimeException e) {
            Assumptions.abort("no S3 server here (" + e + ")");
            throw new AssertionError(e); // not reached: abort throws
        }
    }

    /** S3A's settings for this server, without the {@code spark.hadoop.} prefix that Spark takes them with. */
    public Map<String, String> settings() {
        return Map.of(
                "fs.s3a.endpoint", endpoint(),
                "fs.s3a.endpoint.region", "us-east-1",
                "fs.s3a.path.style.access", "true",
                "fs.s3a.connection.ssl.enabled", "false",
                // these keys only: no look-up of credentials in the environment or at an instance's metadata address
                "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
                "fs.s3a.access.key", KEY,
                "fs.s3a.secret.key", SECRET,
                // uploads kept in memory until their stream closes: a test leaves one open, as a killed JVM would
                "fs.s3a.fast.upload.buffer", "array",
                // a refused request fails the test in seconds, not after S3A's minutes of retries
                "fs.s3a.attempts.maximum", "1",
                "fs.s3a.retry.limit", "1");
    }

    public Configuration configuration() {
        Configuration conf = new Configuration();
        settings().forEach(conf::set);
        return conf;
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }

    private String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private AmazonS3 client() {
        return AmazonS3ClientBuilder.standard()
                .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(endpoint(), "us-east-1"))
                .withPathStyleAccessEnabled(true)
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(KEY, SECRET))).build();
    }

    private void awaitListening(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (true) {
            if (!server.isAlive()) {
                throw new IOException("S3Proxy stopped with status " + server.exitValue() + ": " + Files.readString(log).strip());
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("S3Proxy did not listen on port " + port + " within " + START_SECONDS + " s");
                }
                Thread.sleep(100);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
