package dev.mocap.retarget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mocap.GlbJson;
import dev.mocap.TestData;
import dev.mocap.body.Vec3;
import dev.mocap.format.gltf.GltfCharacter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.mocap.body.Smpl24.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Characters that do not face +Z are found by their feet and turned to face it: a test character
 * with its whole scene turned about Y and every node renamed (so only the shape of the skeleton
 * can map it) reads back as the original: bones, map, mesh, and the bind pose an animated copy
 * of the file is written from.
 */
class FacingTest {
    private static final double TOLERANCE_M = 1e-5;

    @TempDir
    Path dir;

    /** The test characters all face +Z: none is turned. */
    @Test
    void testCharactersAreLeftAsTheyStand() {
        for (String character : List.of("makehuman/makehuman_mixamo.glb", "makehuman/makehuman_game_engine.glb", "mannequiny/mannequiny-0.3.0.glb",
                "quaternius/modular_men_Casual.glb", "quaternius/modular_women_Adventurer.glb", "assimp/BCN_Epileptic.glb",
                "makehuman/makehuman_mixamo.fbx", "vrm/debug_robot.vrm")) {
            LoadedRig loaded = RigFiles.load(TestData.file("characters/" + character), Map.of());
            assertTrue(loaded.warnings().stream().noneMatch(w -> w.contains("faces")), character + ": " + loaded.warnings());
        }
    }

    @ParameterizedTest(name = "{0}, turned {1}°")
    @CsvSource({"makehuman/makehuman_game_engine.glb, 90, +X", "makehuman/makehuman_game_engine.glb, 180, −Z",
            "makehuman/makehuman_game_engine.glb, 270, −X", "mannequiny/mannequiny-0.3.0.glb, 270, −X",
            "quaternius/modular_men_Casual.glb, 90, +X", "assimp/BCN_Epileptic.glb, 180, −Z"})
    void turnedAndRenamedCharacterIsTurnedBack(String character, int degrees, String faced) throws IOException {
        Path file = TestData.file("characters/" + character);
        LoadedRig original = RigFiles.load(file, Map.of());
        Path turned = dir.resolve("turned.glb");
        GlbJson.edit(file, json -> turnAndRename(json, Math.toRadians(degrees)), turned);
        LoadedRig loaded = RigFiles.load(turned, Map.of());

        assertTrue(loaded.warnings().stream().anyMatch(w -> w.startsWith("the character faces " + faced + " ")), loaded.warnings().toString());
        Rig rig = loaded.rig();
        assertTrue(rig.map().how().stream().noneMatch(AutoBoneMap.BY_NAME::equals), "nothing found by name");
        assertEquals(List.of(), rig.map().missingKeyJoints());
        for (int joint : List.of(PELVIS, LEFT_HIP, LEFT_KNEE, LEFT_ANKLE, RIGHT_HIP, RIGHT_KNEE, RIGHT_ANKLE, LEFT_SHOULDER, LEFT_ELBOW,
                LEFT_WRIST, RIGHT_SHOULDER, RIGHT_ELBOW, RIGHT_WRIST)) {
            assertEquals(original.rig().map().boneFor(joint), rig.map().boneFor(joint), "the shape finds the original's " + NAMES.get(joint));
        }
        Vec3[] expected = original.rig().restWorldPositions(), read = rig.restWorldPositions();
        for (int b = 0; b < expected.length; b++) {
            assertTrue(expected[b].distance(read[b]) < TOLERANCE_M, original.rig().names().get(b) + ": " + read[b] + " vs " + expected[b]);
        }
        GltfCharacter before = original.character(), after = loaded.character();
        assertTrue(before.aboveTop().near(after.aboveTop(), TOLERANCE_M), "the node above the rig, as the animation sees it");
        for (int b = 0; b < expected.length; b++) {
            assertTrue(before.bindWorld()[b].near(after.bindWorld()[b], TOLERANCE_M), "bind pose of " + original.rig().names().get(b));
        }
        Vec3[] mesh = original.body().mesh().positions(), turnedMesh = loaded.body().mesh().positions();
        assertEquals(mesh.length, turnedMesh.length);
        for (int v = 0; v < mesh.length; v++) {
            assertTrue(mesh[v].distance(turnedMesh[v]) < TOLERANCE_M, "vertex " + v + ": " + turnedMesh[v] + " vs " + mesh[v]);
        }
    }

    /** Every scene root turned about +Y (glTF quaternion x, y, z, w), every node named {@code nN}. */
    static void turnAndRename(ObjectNode json, double radians) {
        JsonNode nodes = json.get("nodes");
        for (JsonNode root : json.get("scenes").get(0).get("nodes")) {
            ObjectNode node = (ObjectNode) nodes.get(root.asInt());
            if (node.has("matrix")) {
                throw new IllegalArgumentException("a scene root with a matrix");
            }
            JsonNode q = node.get("rotation");
            double w = q == null ? 1 : q.get(3).asDouble(), x = q == null ? 0 : q.get(0).asDouble(), y = q == null ? 0 : q.get(1).asDouble(),
                    z = q == null ? 0 : q.get(2).asDouble();
            double c = Math.cos(radians / 2), s = Math.sin(radians / 2);
            // turn · q, with turn = (c; 0, s, 0)
            node.putArray("rotation").add(c * x + s * z).add(c * y + s * w).add(c * z - s * x).add(c * w - s * y);
            if (node.has("translation")) {
                JsonNode t = node.get("translation");
                double tx = t.get(0).asDouble(), tz = t.get(2).asDouble();
                node.putArray("translation").add(Math.cos(radians) * tx + Math.sin(radians) * tz).add(t.get(1).asDouble())
                        .add(-Math.sin(radians) * tx + Math.cos(radians) * tz);
            }
        }
        for (int n = 0; n < nodes.size(); n++) {
            ((ObjectNode) nodes.get(n)).put("name", "n" + n);
        }
    }
}
