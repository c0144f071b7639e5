package dev.mocap.retarget;

import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.body.Smpl24;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import dev.mocap.preview.PreviewInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static dev.mocap.body.Smpl24.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A motion retargeted onto a character previews as an SMPL-24 motion with the character's proportions, its hands and feet where the character's are. */
class SmplProxyTest {
    @TempDir
    Path dir;

    @Test
    void retargetedBvhPreviewsWithTheCharactersHandsAndFeet() {
        Rig rig = RigFiles.load(TestData.file("characters/makehuman/makehuman_mixamo.fbx"), Map.of()).rig();
        Motion onCharacter = Retargeting.NONE.withRig(rig).apply(TestMotions.walk(60, 30));
        Path bvh = dir.resolve("walk.bvh");
        Exporters.defaults().write(onCharacter, Format.BVH, bvh);
        Motion preview = PreviewInput.read(bvh, null).motion();
        assertEquals(Smpl24.NAMES, preview.skeleton().names());
        Vec3[] rest = rig.restWorldPositions();
        double height = Arrays.stream(rest).mapToDouble(Vec3::y).max().orElseThrow() - Arrays.stream(rest).mapToDouble(Vec3::y).min().orElseThrow();
        double worst = 0;
        for (int f = 0; f < preview.frameCount(); f++) {
            Vec3[] smpl = preview.jointPositions(f), character = onCharacter.jointPositions(f);
            for (int joint : new int[]{LEFT_WRIST, RIGHT_WRIST, LEFT_ANKLE, RIGHT_ANKLE, HEAD, PELVIS}) {
                worst = Math.max(worst, smpl[joint].distance(character[rig.map().boneFor(joint)]) / height);
            }
        }
        System.out.printf("preview of a motion on the MakeHuman FBX: hands, feet, head and pelvis within %.2f %% of its height%n", 100 * worst);
        assertTrue(worst < 0.03, "the preview's joints are " + 100 * worst + " % of the height from the character's");
    }
}
