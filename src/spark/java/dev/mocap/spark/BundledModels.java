package dev.mocap.spark;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The models that {@code mocap-spark.jar} carries under {@value #FOLDER}: where an executor is
 * given no models folder, they are unpacked once per JVM into a temporary folder (removed when
 * the JVM ends) and used from there.
 */
final class BundledModels {
    static final String FOLDER = "mocap-models/";
    private static boolean checked;

    /** Points {@code mocap.models} at the jar's models, unless a models folder was given or the jar has none. */
    static synchronized void useUnlessGiven() {
        if (checked) {
            return;
        }
        checked = true;
        boolean given = System.getProperty("mocap.models") != null || System.getenv("MOCAP_MODELS") != null
                || System.getProperty("mocap.home") != null;
        if (given || BundledModels.class.getResource("/" + FOLDER + "manifest.json") == null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("mocap-models");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            try (JarFile jar = new JarFile(Path.of(BundledModels.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    JarEntry e = entries.nextElement();
                    if (e.getName().startsWith(FOLDER) && !e.isDirectory()) {
                        Path target = dir.resolve(e.getName().substring(FOLDER.length()));
                        Files.createDirectories(target.getParent());
                        try (InputStream in = jar.getInputStream(e)) {
                            Files.copy(in, target);
                        }
                    }
                }
            }
            System.setProperty("mocap.models", dir.toString());
        } catch (IOException | URISyntaxException e) {
            throw new MocapException(ExitCode.MODEL_MISSING, "cannot unpack the models of the application jar: " + e.getMessage(), e);
        }
    }

    /** Removes a temporary folder and all in it, as far as it can. */
    static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder: the system's cleaning takes it otherwise
        }
    }

    private BundledModels() {
    }
}
