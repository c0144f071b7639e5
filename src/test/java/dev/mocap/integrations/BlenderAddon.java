package dev.mocap.integrations;

import dev.mocap.format.BlenderRunner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The Blender add-on as a user gets it: zipped from {@code integrations/blender}, installed and
 * enabled in a headless Blender with its own user-scripts folder, its tool path set to a launcher
 * that runs this build's command line (not the checkout's {@code ./mocap}, which would run Maven).
 */
final class BlenderAddon {
    static final String MODULE = "mocap_video_import";
    private static final Path SOURCE = Path.of("integrations", "blender", MODULE);

    private final Path dir;
    private final Path launcher;
    private final Path zip;

    BlenderAddon(Path dir) throws IOException {
        this.dir = dir;
        this.zip = zip(dir.resolve("mocap-blender-addon.zip"));
        this.launcher = writeLauncher(dir.resolve("mocap-launcher"));
    }

    Path launcher() {
        return launcher;
    }

    /**
     * Runs {@code script} in Blender after installing and enabling the add-on from its zip, with the
     * tool path set and the start-up scene emptied; {@code prefs} is the add-on's preferences. Returns
     * the values the script printed as {@code RESULT key value...} lines, by key.
     */
    Map<String, String> run(String script) throws IOException, InterruptedException {
        String setup = """
                import bpy
                bpy.ops.preferences.addon_install(filepath=r'%s')
                bpy.ops.preferences.addon_enable(module='%s')
                prefs = bpy.context.preferences.addons['%s'].preferences
                prefs.tool_path = r'%s'
                for o in list(bpy.data.objects):
                    bpy.data.objects.remove(o)
                scene = bpy.context.scene
                """.formatted(zip, MODULE, MODULE, launcher);
        String out = BlenderRunner.run(setup + script, dir, Map.of("BLENDER_USER_SCRIPTS", dir.resolve("user-scripts").toString()));
        Map<String, String> results = new HashMap<>();
        for (String line : out.lines().toList()) {
            if (line.startsWith("RESULT ")) {
                String[] w = line.split(" ", 3);
                results.put(w[1], w.length > 2 ? w[2] : "");
            }
        }
        return results;
    }

    /** The add-on folder zipped the way Blender's "Install..." expects: the package folder at the top. */
    private static Path zip(Path zip) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCE)) {
            files = walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".py")).sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Path f : files) {
                out.putNextEntry(new ZipEntry(MODULE + "/" + SOURCE.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    /** A shell script running this JVM's class path (the build's classes and dependencies) with the checkout's models. */
    private static Path writeLauncher(Path script) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Files.writeString(script, "#!/bin/sh\nexec '%s' -Dmocap.home='%s' -cp '%s' dev.mocap.cli.Main \"$@\"\n"
                .formatted(java, Path.of("").toAbsolutePath(), System.getProperty("java.class.path")));
        if (!script.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + script + " executable");
        }
        return script;
    }

    /** Runs the launcher as a user would, failing with its output when it fails. */
    void runTool(String... args) throws IOException, InterruptedException {
        Path log = dir.resolve("tool.log");
        Process p = new ProcessBuilder(Stream.concat(Stream.of(launcher.toString()), Stream.of(args)).toList())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (p.waitFor() != 0) {
            throw new IOException("mocap " + String.join(" ", args) + " failed:\n" + Files.readString(log));
        }
    }
}
