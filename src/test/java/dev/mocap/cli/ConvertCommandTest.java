package dev.mocap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.ExitCode;
import dev.mocap.TestData;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.video.TestClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `mocap convert` and `mocap export` as a user runs them. */
class ConvertCommandTest {
    @TempDir
    Path dir;

    @Test
    void convertsARealVideoToBvhFbxAndSidecar() throws IOException {
        Path video = TestData.file("video/tfjs/pose_1.mp4");
        Path base = dir.resolve("pose_1");
        CliRun run = CliRun.of("convert", video.toString(), "-o", base.toString(), "--format", "bvh,fbx");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertTrue(run.out().contains("foot sliding"), run.out());
        assertEquals(120, BvhReader.read(dir.resolve("pose_1.bvh"), 1).frameCount());
        assertTrue(Files.size(dir.resolve("pose_1.fbx")) > 10_000);
        JsonNode sidecar = new ObjectMapper().readTree(dir.resolve("pose_1.mocap.json").toFile());
        assertEquals("mocap.convert/1", sidecar.get("schema").asText());
        assertEquals(24, sidecar.get("skeleton").get("joints").size());
        assertEquals(120, sidecar.get("segments").get(0).get("confidence").size());
        // the same bytes from every JVM (batch against Spark's executors): keys in a fixed order, which Map.of does not keep
        assertEquals(List.of("file", "path", "width", "height", "fps", "duration_s"), keys(sidecar.get("video")));
        assertEquals(List.of("recovery", "smoothing", "foot_lock", "floor", "floor_raised_m"), keys(sidecar.get("processing")));

        CliRun again = CliRun.of("convert", "-q", video.toString(), "-o", base.toString());
        assertEquals(ExitCode.OUTPUT_FAILED, again.exit(), "existing files are kept without --force");
    }

    /** The learned recovery converts a real video; the sidecar says which recovery made it and when the network judged feet planted. */
    @Test
    void convertsWithTheLearnedRecovery() throws IOException {
        Path video = TestData.file("video/tfjs/pose_squats.mp4");
        CliRun run = CliRun.of("convert", "-q", video.toString(), "-o", dir.resolve("squats").toString(), "--recovery", "learned");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        JsonNode sidecar = new ObjectMapper().readTree(dir.resolve("squats.mocap.json").toFile());
        assertEquals("learned", sidecar.get("processing").get("recovery").asText());
        assertTrue(sidecar.get("segments").get(0).get("quality").get("foot_contact_fraction").asDouble() > 0.3,
                "a squatting person's feet stay down: " + sidecar.get("segments").get(0).get("quality"));
        CliRun bad = CliRun.of("convert", "-q", video.toString(), "-o", dir.resolve("bad").toString(), "--recovery", "magic");
        assertEquals(ExitCode.USAGE, bad.exit(), bad.err());
        assertEquals(1, bad.errorLines(), bad.err());
    }

    /** A preset retargets onto its rig; the sidecar says onto which, and which SMPL joint each bone follows. */
    @Test
    void convertsOntoThePresetsRig() throws IOException {
        Path video = TestData.file("video/tfjs/pose_1.mp4");
        CliRun run = CliRun.of("convert", "-q", video.toString(), "-o", dir.resolve("pose_1").toString(), "--preset", "mixamo",
                "--format", "fbx,glb,bvh");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertEquals("mixamorig_Hips", BvhReader.read(dir.resolve("pose_1.bvh"), 0.01).skeleton().name(0), "BVH-safe bone names");
        assertTrue(Files.size(dir.resolve("pose_1.fbx")) > 10_000 && Files.size(dir.resolve("pose_1.glb")) > 10_000);
        JsonNode target = new ObjectMapper().readTree(dir.resolve("pose_1.mocap.json").toFile()).get("target");
        assertEquals("mixamo", target.get("preset").asText());
        assertEquals("pelvis", target.get("smpl_joint_of_bone").get("mixamorig:Hips").asText());
        assertEquals("left_wrist", target.get("smpl_joint_of_bone").get("mixamorig:LeftHand").asText());

        CliRun body = CliRun.of("convert", "-q", video.toString(), "-o", dir.resolve("body").toString(), "--preset", "mixamo",
                "--body", "mannequin");
        assertEquals(ExitCode.BAD_INPUT, body.exit(), body.err());
        assertEquals(1, body.errorLines(), body.err());
        assertTrue(body.err().contains("--body mannequin needs the SMPL-24 skeleton"), body.err());
    }

    /** With a glTF character as the rig, the GLB is that character (its mesh included) moving. */
    @Test
    void convertsOntoAUsersCharacter() throws IOException {
        Path video = TestData.file("video/tfjs/pose_1.mp4");
        Path character = TestData.file("characters/makehuman/makehuman_mixamo.glb");
        CliRun run = CliRun.of("convert", "-q", video.toString(), "-o", dir.resolve("me").toString(), "--rig", character.toString(),
                "--format", "glb");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertTrue(run.out().contains("mixamorig:LeftUpLeg -> left_hip"), "the bone map is printed: " + run.out());
        assertTrue(Files.size(dir.resolve("me.glb")) > Files.size(character), "the character's mesh and our animation");
    }

    @Test
    void aVideoWithoutAPersonIsOneClearError() throws IOException {
        Path video = TestClip.of(320, 240).frames(10).writeTo(dir.resolve("empty_room.mp4"));
        CliRun run = CliRun.of("convert", "-q", video.toString(), "-o", dir.resolve("out").toString());
        assertEquals(ExitCode.BAD_INPUT, run.exit(), run.err());
        assertEquals(1, run.errorLines(), run.err());
        assertTrue(run.err().contains("no person found in empty_room.mp4"), run.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "nothing written");
        }
    }

    @Test
    void unknownFormatIsAUsageError() {
        CliRun run = CliRun.of("convert", "a.mp4", "--format", "bvh,obj");
        assertEquals(ExitCode.USAGE, run.exit());
        assertTrue(run.err().contains("unknown format 'obj'"), run.err());
    }

    @Test
    void exportsACmuClipAndNeverOverwritesItsInput() throws IOException {
        Path clip = TestData.file("mocap/cmu/cmu_09_11_run.bvh");
        CliRun run = CliRun.of("export", clip.toString(), "--input-unit", "cmu", "--format", "fbx,bvh", "-o", dir.resolve("run").toString());
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertEquals(166, BvhReader.read(dir.resolve("run.bvh"), 1).frameCount());
        assertTrue(Files.size(dir.resolve("run.fbx")) > 10_000);
        CliRun self = CliRun.of("export", dir.resolve("run.bvh").toString(), "--format", "bvh", "-o", dir.resolve("run.bvh").toString(), "--force");
        assertEquals(ExitCode.USAGE, self.exit(), self.err());
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
