package dev.mocap.retarget;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mocap.MocapException;
import dev.mocap.GlbJson;
import dev.mocap.TestData;
import dev.mocap.body.Skeleton;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import dev.mocap.format.BodyOption;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import dev.mocap.format.fbx.binary.FbxBinaryWriter;
import dev.mocap.format.fbx.binary.FbxNode;
import dev.mocap.format.fbx.binary.FbxVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.mocap.body.Smpl24.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Characters as FBX, VRM and skinless glTF, and files that are no character, read or refused in one line. */
class CharacterFilesTest {
    @TempDir
    Path dir;

    /** Blender's FBX of the MakeHuman character (armature turned −90° and scaled ×100, cm) lands where its GLB does. */
    @Test
    void fbxCharacterRestsWhereItsGltfDoes() {
        Rig fbx = RigFiles.load(TestData.file("characters/makehuman/makehuman_mixamo.fbx"), Map.of()).rig();
        Rig glb = RigFiles.load(TestData.file("characters/makehuman/makehuman_mixamo.glb"), Map.of()).rig();
        assertEquals(glb.names(), fbx.names());
        assertEquals(glb.map(), fbx.map());
        Vec3[] a = fbx.restWorldPositions(), b = glb.restWorldPositions();
        for (int i = 0; i < a.length; i++) {
            assertTrue(a[i].distance(b[i]) < 1e-4, fbx.names().get(i) + ": " + a[i] + " vs " + b[i]);
            assertTrue(fbx.restWorldRotations()[i].conjugate().times(glb.restWorldRotations()[i]).angle() < 1e-3, fbx.names().get(i));
        }
    }

    /** The project's own FBX (cm, UnitScaleFactor 1, a bind pose, a skinned mannequin) reads back as the skeleton it was written from. */
    @Test
    void ownFbxReadsBack() throws IOException {
        Path file = dir.resolve("walk.fbx");
        Skeleton skeleton = TestMotions.walk(2, 30).skeleton();
        Exporters.defaults().withBody(BodyOption.MANNEQUIN).write(TestMotions.walk(2, 30), Format.FBX, file);
        RigBones bones = FbxRigReader.read(file, new ArrayList<>()).bones();
        assertEquals(Set.copyOf(skeleton.names()), Set.copyOf(bones.names()));
        Vec3[] expected = skeleton.restPositions(), read = bones.worldPositions();
        Vec3 shift = read[0].minus(expected[0]);
        for (int j = 0; j < expected.length; j++) {
            Vec3 back = read[bones.names().indexOf(skeleton.names().get(j))].minus(shift);
            assertTrue(back.distance(expected[j]) < 1e-6, skeleton.names().get(j) + ": " + back + " vs " + expected[j]);
        }
    }

    /**
     * A 3ds Max-style file: Z up, facing −Y, metres (UnitScaleFactor 100), no bind pose, bones
     * with pre-rotations and a rotation pivot. Positions worked out by hand.
     */
    @Test
    void zUpMetreFileWithPreRotationsComesOutYUp() throws IOException {
        FbxNode settings = new FbxNode("GlobalSettings");
        FbxNode p70 = settings.child("Properties70");
        p70.child("P", "UpAxis", "int", "Integer", "", 2);
        p70.child("P", "UpAxisSign", "int", "Integer", "", 1);
        p70.child("P", "FrontAxis", "int", "Integer", "", 1);
        p70.child("P", "FrontAxisSign", "int", "Integer", "", -1);
        p70.child("P", "CoordAxis", "int", "Integer", "", 0);
        p70.child("P", "CoordAxisSign", "int", "Integer", "", 1);
        p70.child("P", "UnitScaleFactor", "double", "Number", "", 100.0);
        FbxNode objects = new FbxNode("Objects");
        // root at z = 1 (1 m up); child 0.5 along the root's local x, which a pre-rotation of 90° about z turns to +y (file: backwards).
        model(objects, 1L, "root", new double[]{0, 0, 1}, new double[]{0, 0, 90}, new double[]{0, 0, 0});
        model(objects, 2L, "child", new double[]{0.5, 0, 0}, new double[]{0, 0, 0}, new double[]{0, 0, 0});
        // grandchild rotates 90° about z around a pivot at (0, 0.2, 0): its own origin moves to (0.2, 0.2, 0) in the child's frame.
        model(objects, 3L, "grandchild", new double[]{0, 0, 0}, new double[]{0, 0, 0}, new double[]{0, 0.2, 0});
        FbxNode connections = new FbxNode("Connections");
        connections.child("C", "OO", 1L, 0L);
        connections.child("C", "OO", 2L, 1L);
        connections.child("C", "OO", 3L, 2L);
        Path file = dir.resolve("zup.fbx");
        try (OutputStream out = Files.newOutputStream(file)) {
            FbxBinaryWriter.write(FbxVersion.V7400, List.of(settings, objects, connections), out);
        }
        RigBones bones = FbxRigReader.read(file, new ArrayList<>()).bones();
        assertEquals(List.of("root", "child", "grandchild"), bones.names());
        Vec3[] p = bones.worldPositions();
        // File (x, y, z) → ours (x, z, −y), metres.
        assertNear(new Vec3(0, 1, 0), p[0]);
        assertNear(new Vec3(0, 1, -0.5), p[1]);
        // In the child's frame (turned 90° about file z): (0.2, 0.2, 0) → file (−0.2, 0.2, 0) from the child.
        assertNear(new Vec3(-0.2, 1, -0.7), p[2]);
    }

    private static void model(FbxNode objects, long id, String name, double[] translation, double[] preRotation, double[] pivot) {
        FbxNode model = objects.child("Model", id, name + "\0\1Model", "LimbNode");
        FbxNode p70 = model.child("Properties70");
        p70.child("P", "Lcl Translation", "Lcl Translation", "", "A", translation[0], translation[1], translation[2]);
        p70.child("P", "PreRotation", "Vector3D", "Vector", "", preRotation[0], preRotation[1], preRotation[2]);
        p70.child("P", "RotationActive", "bool", "", "", 1);
        p70.child("P", "RotationPivot", "Vector3D", "Vector", "", pivot[0], pivot[1], pivot[2]);
        if (name.equals("grandchild")) {
            p70.child("P", "Lcl Rotation", "Lcl Rotation", "", "A", 0.0, 0.0, 90.0);
        }
    }

    private static void assertNear(Vec3 expected, Vec3 actual) {
        assertTrue(expected.distance(actual) < 1e-9, "expected " + expected + ", got " + actual);
    }

    @Test
    void vrmHumanoidTableMapsTheRobot() {
        Rig rig = RigFiles.load(TestData.file("characters/vrm/debug_robot.vrm"), Map.of()).rig();
        for (int joint : List.of(PELVIS, HEAD, LEFT_HIP, LEFT_KNEE, LEFT_ANKLE, RIGHT_WRIST, LEFT_SHOULDER, RIGHT_COLLAR)) {
            assertEquals(AutoBoneMap.BY_VRM, rig.map().how().get(rig.map().boneFor(joint)), NAMES.get(joint));
        }
        assertEquals("upper_leg.L", rig.names().get(rig.map().boneFor(LEFT_HIP)));
        assertTrue(rig.restWorldPositions()[rig.map().boneFor(LEFT_HIP)].x() > 0, "the character's left is +X");
    }

    /**
     * The robot as a VRM 0.x file: the table as a list under {@code VRM}, the character turned to
     * face −Z as VRM 0.x characters do. It is read turned back, its left at +X.
     */
    @Test
    void vrm0CharactersFacingMinusZAreTurnedAround() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Path vrm0 = dir.resolve("robot0.vrm");
        GlbJson.edit(TestData.file("characters/vrm/debug_robot.vrm"), json -> {
            ObjectNode extensions = (ObjectNode) json.get("extensions");
            ArrayNode list = mapper.createArrayNode();
            extensions.get("VRMC_vrm").get("humanoid").get("humanBones").fields()
                    .forEachRemaining(e -> list.addObject().put("bone", e.getKey()).put("node", e.getValue().get("node").asInt()));
            extensions.removeAll();
            extensions.putObject("VRM").putObject("humanoid").set("humanBones", list);
            int root = json.get("scenes").get(0).get("nodes").get(0).asInt();
            ((ObjectNode) json.get("nodes").get(root)).putArray("rotation").add(0).add(1).add(0).add(0);
        }, vrm0);
        Rig rig = RigFiles.load(vrm0, Map.of()).rig();
        assertEquals(AutoBoneMap.BY_VRM, rig.map().how().get(rig.map().boneFor(LEFT_HIP)));
        Vec3[] p = rig.restWorldPositions();
        assertTrue(p[rig.map().boneFor(LEFT_HIP)].x() > 0 && p[rig.map().boneFor(RIGHT_HIP)].x() < 0, "the character's left is +X again");
        Rig v1 = RigFiles.load(TestData.file("characters/vrm/debug_robot.vrm"), Map.of()).rig();
        for (int b = 0; b < rig.size(); b++) {
            assertNear(v1.restWorldPositions()[v1.names().indexOf(rig.names().get(b))], p[b]);
        }
    }

    /** The robot without its VRM table is a valid glTF without skin: its plain node hierarchy is the rig. */
    @Test
    void skinlessGltfIsAPlainHierarchy() throws IOException {
        Path plain = dir.resolve("robot.glb");
        GlbJson.edit(TestData.file("characters/vrm/debug_robot.vrm"), json -> {
            ObjectNode extensions = (ObjectNode) json.get("extensions");
            extensions.set("XVRMC_vrm", extensions.remove("VRMC_vrm"));
            for (String list : List.of("extensionsUsed", "extensionsRequired")) {
                if (json.get(list) instanceof ArrayNode used) {
                    for (int i = 0; i < used.size(); i++) {
                        used.set(i, TextNode.valueOf(used.get(i).asText().equals("VRMC_vrm") ? "XVRMC_vrm" : used.get(i).asText()));
                    }
                }
            }
        }, plain);
        Rig rig = RigFiles.load(plain, Map.of()).rig();
        assertEquals(List.of(), rig.map().missingKeyJoints());
        assertTrue(rig.map().how().stream().noneMatch(AutoBoneMap.BY_VRM::equals));
        assertTrue(rig.names().contains("hips") && !rig.names().contains("Hips"), "the rigid meshes are not bones");
    }

    @Test
    void filesThatAreNoCharacterSayWhatTheyAre() throws IOException {
        assertTrue(refusal(TestData.file("video/tfjs/pose_1.mp4")).contains("a video (MP4/MOV)"));
        Path ascii = dir.resolve("ascii.fbx");
        Files.writeString(ascii, "; FBX 7.4.0 project file\nFBXHeaderExtension:  {\n}\n");
        assertTrue(refusal(ascii).contains("ASCII FBX"));
        Path empty = dir.resolve("empty.glb");
        Files.write(empty, new byte[0]);
        assertTrue(refusal(empty).contains("an empty file"));
    }

    private static String refusal(Path file) {
        MocapException e = assertThrows(MocapException.class, () -> RigFiles.load(file, Map.of()));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }
}
