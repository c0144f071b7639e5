package dev.mocap.format.fbx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.Mannequin;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.BodyOption;
import dev.mocap.format.EulerOrder;
import dev.mocap.format.GlbScene;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.format.fbx.binary.FbxVersion;
import dev.mocap.retarget.ExportPreset;
import dev.mocap.retarget.Retargeting;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Autodesk FBX SDK 2019.2, as linked into FBX2glTF (npm {@code fbx2gltf}), reads our files:
 * it converts them to GLB with every joint, the whole animation, and the joint positions of our
 * forward kinematics. FBX2glTF is found through the environment variable {@code FBX2GLTF} or in
 * {@code target/test-tools} ({@code npm install --prefix target/test-tools fbx2gltf}); without it
 * these tests are skipped.
 */
class Fbx2GltfTest {
    private static final Path INSTALLED = Path.of("target/test-tools/node_modules/fbx2gltf/bin/Linux/FBX2glTF");
    /** What FBX2glTF writes, with exit code 0, for a scene the SDK silently refused. */
    private static final long EMPTY_SCENE_GLB_BYTES = 353;
    private static final double CMU_UNIT = 0.056444;
    private static final int BAKE_FPS = 30;
    private static final double TOLERANCE_METRES = 0.001;

    @TempDir
    Path dir;

    static List<FbxOptions> options() {
        return List.of(FbxOptions.DEFAULT, FbxOptions.DEFAULT.withVersion(FbxVersion.V7500),
                FbxOptions.DEFAULT.withUnit(FbxUnit.METRE), FbxOptions.DEFAULT.withRotationOrder(EulerOrder.YXZ));
    }

    @ParameterizedTest
    @MethodSource("options")
    void syntheticWalk(FbxOptions options) throws Exception {
        Motion walk = SyntheticWalk.motion();
        String log = convertAndCheck(walk, options, "walk").log();
        assertTrue(log.contains("Animation walk: [0 - 59]"), log);
    }

    /** The SDK reads the mannequin as one skinned mesh: every triangle, skinned to the 24 joints, moving with them. */
    @Test
    void syntheticWalkWithTheMannequin() throws Exception {
        Motion walk = SyntheticWalk.motion();
        Conversion conversion = convertAndCheck(walk, FbxOptions.DEFAULT.withBody(BodyOption.MANNEQUIN), "walk");
        assertTrue(conversion.log().contains("Animation walk: [0 - 59]"), conversion.log());
        JsonNode json = conversion.glb().json();
        assertEquals(1, conversion.glb().count("meshes"));
        assertEquals(1, conversion.glb().count("skins"));
        assertEquals(walk.skeleton().size(), json.path("skins").get(0).path("joints").size());
        List<JsonNode> skinned = new ArrayList<>();
        json.path("nodes").forEach(n -> {
            if (n.has("mesh") && n.has("skin")) {
                skinned.add(n);
            }
        });
        assertEquals(1, skinned.size(), "one node with the mesh and the skin");
        int triangles = 0;
        for (JsonNode primitive : json.path("meshes").get(0).path("primitives")) {
            assertTrue(primitive.path("attributes").has("JOINTS_0") && primitive.path("attributes").has("WEIGHTS_0"), primitive.toString());
            triangles += json.path("accessors").get(primitive.path("indices").asInt()).path("count").asInt() / 3;
        }
        SkinnedMesh mesh = Mannequin.of(walk.skeleton());
        assertEquals(mesh.triangleCount(), triangles);
        System.out.printf("FBX2glTF mannequin: %d bytes of GLB, %d primitives, %d triangles, %d skin joints%n",
                conversion.glbBytes(), json.path("meshes").get(0).path("primitives").size(), triangles,
                json.path("skins").get(0).path("joints").size());
    }

    /** The SDK reads each built-in preset's FBX with the rig's bone names at the retargeted positions. */
    @ParameterizedTest
    @MethodSource("dev.mocap.retarget.Presets#builtIn")
    void builtInPreset(ExportPreset preset) throws Exception {
        Motion out = Retargeting.of(preset).apply(SyntheticWalk.motion());
        String log = convertAndCheck(out, FbxOptions.DEFAULT, preset.name()).log();
        assertTrue(log.contains("Animation " + preset.name() + ": [0 - 59]"), log);
    }

    @Test
    void cmuRunFromBvh() throws Exception {
        Motion run = BvhReader.read(TestData.file("mocap/cmu/cmu_09_11_run.bvh"), CMU_UNIT);
        String log = convertAndCheck(run, FbxOptions.DEFAULT, "run").log();
        assertTrue(log.contains("Animation run: [0 - 41]"), "166 frames at 120 fps baked to 30 fps: " + log);
    }

    /** What FBX2glTF wrote and printed. */
    private record Conversion(GlbScene glb, long glbBytes, String log) {
    }

    /** Converts and checks joints, animation length and joint positions at every baked key. */
    private Conversion convertAndCheck(Motion motion, FbxOptions options, String name) throws Exception {
        Path fbx = dir.resolve(name + ".fbx");
        FbxExporter.write(motion, options, fbx);
        Path glbFile = dir.resolve("out").resolve(name + ".glb");
        String log = run(fbx2gltf(), "-b", "--anim-framerate", "bake" + BAKE_FPS, "-i", fbx.toString(),
                "-o", dir.resolve("out").resolve(name).toString());
        assertTrue(Files.size(glbFile) > 10 * EMPTY_SCENE_GLB_BYTES, "the SDK loaded an empty scene: " + Files.size(glbFile) + " bytes; " + log);

        GlbScene glb = GlbScene.read(glbFile);
        Set<String> nodeNames = new HashSet<>();
        glb.json().path("nodes").forEach(n -> nodeNames.add(n.path("name").asText()));
        assertTrue(nodeNames.containsAll(motion.skeleton().names()), "joints missing from " + nodeNames);
        int meshes = options.body() == BodyOption.MANNEQUIN ? 1 : 0;
        assertEquals(motion.skeleton().size() + 1 + meshes, glb.count("nodes"), "the joints, the mesh and FBX2glTF's RootNode");
        assertEquals(1, glb.count("animations"));

        float[] times = glb.keyTimes();
        double lastFrameTime = (motion.frameCount() - 1) / motion.fps();
        assertEquals(0, times[0], 1e-6);
        assertTrue(times[times.length - 1] <= lastFrameTime + 1e-6 && times[times.length - 1] > lastFrameTime - 1.0 / BAKE_FPS,
                "animation ends at " + times[times.length - 1] + " s, the motion at " + lastFrameTime + " s");

        double worst = 0;
        for (int key = 0; key < times.length; key++) {
            double frame = times[key] * motion.fps();
            assertEquals(Math.rint(frame), frame, 1e-3, "key " + key + " falls on a frame");
            Vec3[] expected = motion.jointPositions((int) Math.rint(frame));
            Map<String, Vec3> actual = glb.worldPositions(key);
            for (int j = 0; j < expected.length; j++) {
                worst = Math.max(worst, actual.get(motion.skeleton().name(j)).distance(expected[j]));
            }
        }
        System.out.printf("FBX2glTF %s %s: %d keys, %.3f s, max joint position difference %.4f mm%n",
                name, options, times.length, times[times.length - 1], 1000 * worst);
        assertTrue(worst < TOLERANCE_METRES, "joint positions differ by up to " + 1000 * worst + " mm");
        return new Conversion(glb, Files.size(glbFile), log);
    }

    private static Path fbx2gltf() {
        String configured = System.getenv("FBX2GLTF");
        Path binary = configured != null && !configured.isBlank() ? Path.of(configured) : INSTALLED;
        Assumptions.assumeTrue(Files.isRegularFile(binary),
                "FBX2glTF not installed (npm install --prefix target/test-tools fbx2gltf, or set FBX2GLTF)");
        if (!Files.isExecutable(binary)) {
            // The npm package ships the binary without the execute bit.
            assertTrue(binary.toFile().setExecutable(true), "cannot make " + binary + " executable");
        }
        return binary;
    }

    private String run(Path binary, String... args) throws IOException, InterruptedException {
        Path output = dir.resolve("fbx2gltf.log");
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "FBX2glTF timed out");
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "FBX2glTF failed: " + log);
        return log;
    }
}
