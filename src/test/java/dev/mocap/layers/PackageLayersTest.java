package dev.mocap.layers;

import dev.mocap.MocapException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dependency rule of docs/ARCHITECTURE.md, checked on the compiled classes: no cycle between
 * packages, and each package uses only the stages before it in the data flow.
 */
class PackageLayersTest {
    private static final String ROOT = "dev.mocap";

    /**
     * The stages in data-flow order, first to last (the root package: errors and file writing used
     * by all). A package may use the ones before it and never one after; a sub-package belongs to
     * its top package's stage.
     */
    static final List<String> STAGES = List.of("", "math", "video", "nn", "pose", "body", "format", "smpl", "recover", "filter", "retarget",
            "export", "synth", "preview", "pipeline", "bench", "spark", "cli");

    private static final PackageGraph MAIN = PackageGraph.read(mainClasses());

    @Test
    void noCycleBetweenPackages() {
        assertEquals(List.of(), MAIN.edgesInCycles(), "package dependencies that close a cycle");
    }

    @Test
    void everyPackageUsesOnlyEarlierStages() {
        assertEquals(List.of(), backwards(MAIN), "uses of a later stage (order: " + STAGES + ")");
    }

    @Test
    void everyPackageHasAStage() {
        List<String> unplaced = MAIN.packages().stream().filter(p -> stage(p) < 0).toList();
        assertEquals(List.of(), unplaced, "packages to add to STAGES, at their place in the data flow");
    }

    @Test
    void theCompiledClassesAreRead() {
        assertTrue(MAIN.uses("dev.mocap.format.bvh").containsKey("dev.mocap.body"), MAIN.uses("dev.mocap.format.bvh").toString());
        assertTrue(MAIN.uses("dev.mocap.cli").containsKey("dev.mocap.pipeline"), MAIN.uses("dev.mocap.cli").toString());
    }

    @Test
    void aCycleAndABackwardUseAreFound() {
        PackageGraph graph = new PackageGraph();
        graph.add("dev/mocap/format/Writer", "dev/mocap/body/Vec3");
        graph.add("dev/mocap/body/Vec3", "dev/mocap/format/Writer");
        graph.add("dev/mocap/video/Frames", "dev/mocap/cli/Main");
        assertEquals(List.of("dev.mocap.body -> dev.mocap.format (Vec3 -> Writer)", "dev.mocap.format -> dev.mocap.body (Writer -> Vec3)"),
                graph.edgesInCycles());
        assertEquals(List.of("dev.mocap.body -> dev.mocap.format (Vec3 -> Writer)", "dev.mocap.video -> dev.mocap.cli (Frames -> Main)"),
                backwards(graph));
    }

    @Test
    void referencesAreReadFromTheConstantPool() throws IOException {
        try (InputStream in = PackageLayersTest.class.getResourceAsStream("PackageGraph.class")) {
            Set<String> used = ClassReferences.of(in);
            assertTrue(used.contains("dev/mocap/layers/ClassReferences"), used.toString());
            assertTrue(used.contains("dev/mocap/layers/PackageGraph"), used.toString());
            assertFalse(used.contains("dev/mocap/layers/PackageLayersTest"), used.toString());
        }
    }

    private static List<String> backwards(PackageGraph graph) {
        List<String> out = new ArrayList<>();
        for (String from : graph.packages()) {
            graph.uses(from).forEach((to, example) -> {
                if (stage(from) >= 0 && stage(to) > stage(from)) {
                    out.add(from + " -> " + to + " (" + example + ")");
                }
            });
        }
        return out;
    }

    /** The index in STAGES of the package's top package, -1 if it has none. */
    private static int stage(String pkg) {
        if (pkg.equals(ROOT)) {
            return 0;
        }
        if (!pkg.startsWith(ROOT + ".")) {
            return -1;
        }
        String top = pkg.substring(ROOT.length() + 1).split("\\.")[0];
        return STAGES.indexOf(top);
    }

    private static Path mainClasses() {
        try {
            Path classes = Path.of(MocapException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            assertTrue(Files.isDirectory(classes), "the main classes are a folder: " + classes);
            return classes;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
