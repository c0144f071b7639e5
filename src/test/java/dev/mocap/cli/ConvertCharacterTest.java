package dev.mocap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.ExitCode;
import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.body.Vec3;
import dev.mocap.format.BlenderImport;
import dev.mocap.format.BlenderRunner;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.format.gltf.GltfValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real video converted onto an FBX and a VRM character; files that are no character named in one line. */
class ConvertCharacterTest {
    @TempDir
    Path dir;

    @Test
    void convertsOntoAnFbxCharacter() throws Exception {
        Path video = TestData.file("video/tfjs/pose_1.mp4");
        Path character = TestData.file("characters/makehuman/makehuman_mixamo.fbx");
        CliRun run = CliRun.of("convert", "-q", video.toString(), "-o", dir.resolve("me").toString(), "--rig", character.toString(),
                "--format", "fbx,bvh,glb");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertTrue(run.out().contains("mixamorig:LeftUpLeg -> left_hip (name)"), "the map is printed with how it was found: " + run.out());
        assertEquals("mixamorig_Hips", BvhReader.read(dir.resolve("me.bvh"), 1).skeleton().name(0), "BVH-safe bone names");
        assertTrue(Files.size(dir.resolve("me.fbx")) > 10_000);
        JsonNode target = new ObjectMapper().readTree(dir.resolve("me.mocap.json").toFile()).get("target");
        assertEquals("left_hip", target.get("smpl_joint_of_bone").get("mixamorig:LeftUpLeg").asText());
        assertEquals("name", target.get("bone_map_found_by").get("mixamorig:LeftUpLeg").asText());
        assertEquals("spine chain", target.get("bone_map_found_by").get("mixamorig:Spine1").asText());
        blenderSeesTheBvhMotion(dir.resolve("me.fbx"), BvhReader.read(dir.resolve("me.bvh"), 1));
        JsonNode glb = GltfValidator.report(dir.resolve("me.glb"), dir);
        assertEquals(0, glb.path("errors").asInt(), "validator errors: " + glb.path("messages"));
        assertEquals(3, glb.path("info").path("drawCallCount").asInt(), "the GLB carries the character's mesh with its three materials");
    }

    /** Blender's FBX import puts the character's bones where the BVH written beside it does (FK), feet on the floor. */
    private void blenderSeesTheBvhMotion(Path fbx, Motion motion) throws IOException {
        if (!BlenderRunner.available()) {
            System.out.println("Blender not installed: the FBX import is not checked");
            return;
        }
        int[] frames = {0, motion.frameCount() / 2, motion.frameCount() - 1};
        BlenderImport.Result result;
        try {
            result = BlenderImport.fbx(dir, Arrays.stream(frames).map(f -> f + 1).toArray(), List.of(new BlenderImport.Request("me", fbx))).get("me");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        double worst = 0, lowest = Double.MAX_VALUE;
        for (int frame : frames) {
            Vec3[] expected = motion.jointPositions(frame);
            for (int j = 0; j < expected.length; j++) {
                Vec3 head = BlenderImport.fromBlender(result.head(frame + 1, motion.skeleton().name(j).replace("mixamorig_", "mixamorig:")));
                worst = Math.max(worst, head.distance(expected[j]));
                lowest = Math.min(lowest, head.y());
            }
        }
        System.out.printf("Blender FBX of the FBX character: %d bones, max %.3f mm from the BVH, lowest joint %.1f mm above the floor%n",
                result.bones(), 1000 * worst, 1000 * lowest);
        assertTrue(worst < 1e-3, "Blender's bones are up to " + worst + " m from the BVH's");
        assertTrue(lowest > -0.03 && lowest < 0.05, "the feet are on the floor: lowest joint at " + lowest + " m");
    }

    @Test
    void convertsOntoAVrmCharacter() throws IOException {
        Path video = TestData.file("video/tfjs/pose_1.mp4");
        Path character = TestData.file("characters/vrm/debug_robot.vrm");
        CliRun run = CliRun.of("convert", "-q", video.toString(), "-o", dir.resolve("robot").toString(), "--rig", character.toString(),
                "--format", "glb");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertTrue(run.out().contains("upper_leg.L -> left_hip (VRM humanoid)"), run.out());
        assertTrue(Files.size(dir.resolve("robot.glb")) > Files.size(character), "the robot with our animation");
    }

    @Test
    void aVideoGivenAsTheRigSaysSo() {
        Path video = TestData.file("video/tfjs/pose_1.mp4");
        CliRun run = CliRun.of("convert", "-q", video.toString(), "-o", dir.resolve("x").toString(), "--rig", video.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exit(), run.err());
        assertEquals(1, run.errorLines(), run.err());
        assertTrue(run.err().contains("a video (MP4/MOV); --rig takes a character"), run.err());
    }
}
