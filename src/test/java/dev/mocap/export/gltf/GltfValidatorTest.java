package dev.mocap.export.gltf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.body.TestMotions;
import dev.mocap.export.BodyOption;
import dev.mocap.export.Programs;
import dev.mocap.retarget.LoadedRig;
import dev.mocap.retarget.Retargeting;
import dev.mocap.retarget.RigFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Khronos glTF-Validator finds neither errors nor warnings in our GLB, with and without the
 * mannequin. It runs under Node through {@code src/test/resources/gltf-validator/validate.cjs};
 * the npm package is found in the folder named by the environment variable
 * {@code GLTF_VALIDATOR_MODULES} or in {@code target/test-tools/node_modules}
 * ({@code npm install --prefix target/test-tools gltf-validator}); without Node or the package
 * these tests are skipped.
 */
class GltfValidatorTest {
    private static final Path INSTALLED = Path.of("target/test-tools/node_modules");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(BodyOption.class)
    void noErrorsNoWarnings(BodyOption body) throws Exception {
        Path glb = dir.resolve("walk.glb");
        Motion walk = TestMotions.walk(61, 30);
        GltfExporter.write(walk, GltfOptions.DEFAULT.withBody(body), glb);
        boolean mesh = body.meshFor(walk.skeleton());
        JsonNode report = validate(glb);
        System.out.printf("glTF-Validator %s, body %s: %d errors, %d warnings, %d infos, %d hints; %s%n",
                report.path("validatorVersion").asText(), body, report.path("errors").asInt(), report.path("warnings").asInt(),
                report.path("infos").asInt(), report.path("hints").asInt(), report.path("messages"));
        assertEquals(0, report.path("errors").asInt(), report.path("messages").toString());
        assertEquals(0, report.path("warnings").asInt(), report.path("messages").toString());
        JsonNode info = report.path("info");
        assertEquals(1, info.path("animationCount").asInt());
        assertTrue(info.path("hasSkins").asBoolean());
        assertEquals(mesh ? 3 : 0, info.path("drawCallCount").asInt(), "one draw call per body side");
        assertEquals(mesh ? 4 : 0, info.path("maxInfluences").asInt());
    }

    /** A user's character (MakeHuman, validator-clean as given) with our animation put in stays clean. */
    @Test
    void characterWithOurAnimation() throws Exception {
        JsonNode report = characterWithOurWalk("makehuman/makehuman_mixamo.glb");
        assertEquals(0, report.path("warnings").asInt(), report.path("messages").toString());
        assertEquals(3, report.path("info").path("drawCallCount").asInt(), "the character's own three materials");
    }

    /** A VRM 1.0 character without skin (rigid parts on its bones) with our animation put on its humanoid bones stays valid. */
    @Test
    void vrmCharacterWithOurAnimation() throws Exception {
        characterWithOurWalk("vrm/debug_robot.vrm");
    }

    /** The validator's report on the character with a walk retargeted onto it: no errors, one animation. */
    private JsonNode characterWithOurWalk(String character) throws Exception {
        LoadedRig loaded = RigFiles.load(TestData.file("characters/" + character), Map.of());
        Motion walk = Retargeting.NONE.withRig(loaded.rig()).apply(TestMotions.walk(61, 30));
        Path glb = dir.resolve("walk.glb");
        GltfExporter.write(walk, GltfOptions.DEFAULT.withCharacter(loaded.character()), glb);
        JsonNode report = validate(glb);
        System.out.printf("glTF-Validator, %s with our walk: %d errors, %d warnings, %d infos%n", character,
                report.path("errors").asInt(), report.path("warnings").asInt(), report.path("infos").asInt());
        assertEquals(0, report.path("errors").asInt(), report.path("messages").toString());
        assertEquals(1, report.path("info").path("animationCount").asInt());
        return report;
    }

    private JsonNode validate(Path glb) throws Exception {
        Path node = Programs.onPath("node");
        Path modules = modules();
        Assumptions.assumeTrue(node != null, "Node.js not installed (node on the PATH)");
        Assumptions.assumeTrue(Files.isDirectory(modules.resolve("gltf-validator")),
                "glTF-Validator not installed (npm install --prefix target/test-tools gltf-validator, or set GLTF_VALIDATOR_MODULES)");
        Path script = Path.of(getClass().getResource("/gltf-validator/validate.cjs").toURI());
        Path output = dir.resolve("validator.out");
        ProcessBuilder builder = new ProcessBuilder(node.toString(), script.toString(), glb.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("NODE_PATH", modules.toAbsolutePath().toString());
        Process process = builder.start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the validator timed out");
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(process.exitValue() == 0 || process.exitValue() == 1, "the validator failed: " + out);
        return new ObjectMapper().readTree(out.lines().filter(l -> l.startsWith("{")).findFirst()
                .orElseThrow(() -> new AssertionError("no report from the validator: " + out)));
    }

    private static Path modules() {
        String configured = System.getenv("GLTF_VALIDATOR_MODULES");
        return configured != null && !configured.isBlank() ? Path.of(configured) : INSTALLED;
    }
}
