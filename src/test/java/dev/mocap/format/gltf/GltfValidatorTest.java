package dev.mocap.format.gltf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.body.TestMotions;
import dev.mocap.format.BodyOption;
import dev.mocap.retarget.LoadedRig;
import dev.mocap.retarget.Retargeting;
import dev.mocap.retarget.RigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Khronos glTF-Validator ({@link GltfValidator}) finds neither errors nor warnings in our GLB,
 * with and without the mannequin.
 */
class GltfValidatorTest {
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
        return GltfValidator.report(glb, dir);
    }
}
