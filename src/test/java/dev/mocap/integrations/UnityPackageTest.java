package dev.mocap.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.TestData;
import dev.mocap.body.Smpl24;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import dev.mocap.format.fbx.binary.FbxTestReader;
import dev.mocap.format.fbx.binary.FbxTestReader.Node;
import dev.mocap.filter.SmoothingPreset;
import dev.mocap.nn.ModelStore;
import dev.mocap.pipeline.ConvertJob;
import dev.mocap.pipeline.Progress;
import dev.mocap.pose.PoseOptions;
import dev.mocap.recover.RecoveryOptions;
import dev.mocap.retarget.Presets;
import dev.mocap.retarget.Retargeting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the Unity package ({@code integrations/unity}, C# that cannot run here) relies on, checked
 * from the Java side: its manifest and assembly, the SMPL-to-Humanoid table it ships, and the
 * sidecar fields and FBX bone names it maps onto Unity's Humanoid avatar.
 */
class UnityPackageTest {
    private static final Path PACKAGE = Path.of("integrations", "unity");
    private static final Path TABLE = PACKAGE.resolve("Editor/smpl-to-humanoid.json");
    /** Unity's HumanBodyBones without fingers, eyes and jaw: what a body mapping may use. */
    private static final Set<String> BODY_BONES = Set.of("Hips", "Spine", "Chest", "UpperChest", "Neck", "Head",
            "LeftUpperLeg", "LeftLowerLeg", "LeftFoot", "LeftToes", "RightUpperLeg", "RightLowerLeg", "RightFoot", "RightToes",
            "LeftShoulder", "LeftUpperArm", "LeftLowerArm", "LeftHand", "RightShoulder", "RightUpperArm", "RightLowerArm", "RightHand");
    /** The bones a Unity Humanoid avatar cannot do without (HumanTrait.RequiredBone). */
    private static final Set<String> REQUIRED = Set.of("Hips", "Spine", "Head", "LeftUpperLeg", "LeftLowerLeg", "LeftFoot",
            "RightUpperLeg", "RightLowerLeg", "RightFoot", "LeftUpperArm", "LeftLowerArm", "LeftHand", "RightUpperArm",
            "RightLowerArm", "RightHand");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void manifestAssemblyAndMetaFilesAreWhatUnityLoads() throws IOException {
        JsonNode manifest = JSON.readTree(PACKAGE.resolve("package.json").toFile());
        String name = manifest.get("name").asText();
        assertEquals("dev.mocap.video-to-animation", name);
        assertTrue(manifest.get("version").asText().matches("\\d+\\.\\d+\\.\\d+"), "semantic version");
        assertTrue(manifest.get("dependencies").has("com.unity.nuget.newtonsoft-json"), "the JSON library the C# uses");
        JsonNode asmdef = JSON.readTree(PACKAGE.resolve("Editor/Mocap.VideoToAnimation.Editor.asmdef").toFile());
        assertEquals("[\"Editor\"]", asmdef.get("includePlatforms").toString());
        assertTrue(asmdef.get("precompiledReferences").toString().contains("Newtonsoft.Json.dll"));
        assertTrue(Files.readString(PACKAGE.resolve("Editor/HumanoidMapping.cs")).contains("PackageName = \"" + name + "\""),
                "the C# finds its table under Packages/" + name);

        Set<String> guids = new HashSet<>();
        try (Stream<Path> files = Files.walk(PACKAGE)) {
            for (Path p : files.filter(p -> !p.equals(PACKAGE) && !p.toString().endsWith(".meta")).toList()) {
                Path meta = p.resolveSibling(p.getFileName() + ".meta");
                assertTrue(Files.exists(meta), "Unity ignores files without .meta in an immutable package: " + p);
                String guid = Files.readString(meta).lines().filter(l -> l.startsWith("guid: ")).findFirst().orElse("").substring(6);
                assertTrue(guid.matches("[0-9a-f]{32}") && guids.add(guid), "unique guid in " + meta);
            }
        }
    }

    @Test
    void tableMapsSmplJointsOntoDistinctHumanoidBonesIncludingTheRequiredOnes() throws IOException {
        Map<String, String> table = table();
        assertTrue(Smpl24.NAMES.containsAll(table.keySet()), "keys are SMPL-24 joints: " + table.keySet());
        assertTrue(BODY_BONES.containsAll(table.values()), "values are Unity body bones: " + table.values());
        assertEquals(table.size(), new HashSet<>(table.values()).size(), "no Humanoid bone twice");
        assertTrue(table.values().containsAll(REQUIRED));
    }

    /** Converts pose_1.mp4 with the preset and maps the written FBX's bones as the postprocessor does. */
    @ParameterizedTest
    @ValueSource(strings = {"unity-humanoid", "mixamo", "smpl"})
    void sidecarMapsTheFbxBonesOntoAHumanoidAvatar(String preset) throws IOException {
        Path video = TestData.file("video/tfjs/pose_1.mp4");
        ConvertJob.Result r = new ConvertJob(ModelStore.locate(), new ConvertJob.Options(PoseOptions.defaults(), RecoveryOptions.defaults(),
                SmoothingPreset.DEFAULT, true, Set.of(Format.FBX), Exporters.defaults(), Retargeting.of(Presets.get(preset))))
                .run(video, dir.resolve("pose_1"), Progress.silent());

        // MocapSidecar.Read: the fields and the types it casts them to
        JsonNode sidecar = JSON.readTree(r.sidecar().toFile());
        assertEquals("mocap.convert/1", sidecar.get("schema").textValue());
        JsonNode segment = sidecar.get("segments").get(0);
        assertTrue(segment.get("fps").isNumber() && segment.get("fps").asDouble() == 30, "fps " + segment.get("fps"));
        assertTrue(segment.get("frames").isIntegralNumber() && segment.get("frames").asInt() == 120, "frames " + segment.get("frames"));
        assertEquals("pose_1.fbx", segment.get("files").get(0).textValue());
        JsonNode target = sidecar.get("target");
        assertTrue(Set.of("world", "in-place").contains(target.get("root_motion").textValue()), "root_motion " + target.get("root_motion"));
        List<String> bones = new ArrayList<>();
        target.get("bones").forEach(b -> bones.add(b.textValue()));
        Map<String, String> jointOfBone = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = target.get("smpl_joint_of_bone").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertTrue(e.getValue().isTextual(), "joint of " + e.getKey());
            jointOfBone.put(e.getKey(), e.getValue().textValue());
        }

        List<String> fbxBones = limbNodes(dir.resolve("pose_1.fbx"));
        assertEquals(Set.copyOf(fbxBones), Set.copyOf(bones), "the sidecar names the FBX's bones");

        // HumanoidMapping.HumanBones: bones in sidecar order, first bone per Humanoid bone wins
        Map<String, String> table = table(), boneOfHuman = new LinkedHashMap<>();
        for (String bone : bones) {
            String human = table.get(jointOfBone.get(bone));
            if (human != null) {
                boneOfHuman.putIfAbsent(human, bone);
            }
        }
        assertTrue(boneOfHuman.keySet().containsAll(REQUIRED), preset + ": every required Humanoid bone has a bone: " + boneOfHuman);
        assertTrue(fbxBones.containsAll(boneOfHuman.values()), "mapped bones exist in the FBX");
        if (preset.equals("unity-humanoid")) {
            boneOfHuman.forEach((human, bone) -> assertEquals(human, bone, "Unity's own bone names map onto themselves"));
            assertEquals(Set.copyOf(fbxBones), boneOfHuman.keySet(), "every bone of the unity-humanoid rig is a Humanoid bone");
        }
    }

    private static Map<String, String> table() throws IOException {
        Map<String, String> table = new LinkedHashMap<>();
        JSON.readTree(TABLE.toFile()).fields().forEachRemaining(e -> table.put(e.getKey(), e.getValue().textValue()));
        return table;
    }

    private static List<String> limbNodes(Path fbx) throws IOException {
        List<String> names = new ArrayList<>();
        for (Node object : FbxTestReader.read(Files.readAllBytes(fbx)).record("Objects").children("Model")) {
            if (object.property(2).equals("LimbNode")) {
                String full = (String) object.property(1);
                names.add(full.substring(0, full.indexOf("\0\1")));
            }
        }
        return names;
    }
}
