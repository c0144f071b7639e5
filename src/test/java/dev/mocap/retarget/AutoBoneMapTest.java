package dev.mocap.retarget;

import dev.mocap.TestData;
import dev.mocap.body.Skeleton;
import dev.mocap.body.TestMotions;
import dev.mocap.format.bvh.BvhReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.mocap.body.Smpl24.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AutoBoneMapTest {

    @Test
    void sidesAndPrefixesAreRecognised() {
        assertEquals(new BoneName(BoneName.Side.LEFT, "upleg"), BoneName.parse("mixamorig:LeftUpLeg"));
        assertEquals(new BoneName(BoneName.Side.LEFT, "upleg"), BoneName.parse("mixamorigLeftUpLeg"));
        assertEquals(new BoneName(BoneName.Side.LEFT, "upleg"), BoneName.parse("mixamorig_LeftUpLeg"));
        assertEquals(new BoneName(BoneName.Side.LEFT, "upleg"), BoneName.parse("LeftUpLeg_055"));
        assertEquals(new BoneName(BoneName.Side.LEFT, "thigh"), BoneName.parse("DEF-thigh.L.001"));
        assertEquals(new BoneName(BoneName.Side.LEFT, "thighbend"), BoneName.parse("lThighBend"));
        assertEquals(new BoneName(BoneName.Side.LEFT, "thigh"), BoneName.parse("CC_Base_L_Thigh"));
        assertEquals(new BoneName(BoneName.Side.LEFT, "upperleg"), BoneName.parse("J_Bip_L_UpperLeg"));
        assertEquals(new BoneName(BoneName.Side.CENTRE, "hips"), BoneName.parse("J_Bip_C_Hips"));
        assertEquals(new BoneName(BoneName.Side.LEFT, "upperleg"), BoneName.parse("upperleg01.L"));
        assertEquals(new BoneName(BoneName.Side.RIGHT, "thigh"), BoneName.parse("thigh_r"));
        assertEquals(new BoneName(BoneName.Side.LEFT, "upperarm"), BoneName.parse("upper_arm.L"));
        assertEquals(new BoneName(BoneName.Side.LEFT, "hip"), BoneName.parse("B_Hip_Left"));
        assertEquals(new BoneName(BoneName.Side.RIGHT, "hipjoint"), BoneName.parse("RHipJoint"));
        assertEquals(new BoneName(BoneName.Side.LEFT, "thigh"), BoneName.parse("Bip01 L Thigh"));
        assertEquals(new BoneName(BoneName.Side.CENTRE, "lowerback"), BoneName.parse("LowerBack"));
        assertEquals(new BoneName(BoneName.Side.CENTRE, "root"), BoneName.parse("Root"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixamo", "unity-humanoid", "ue5-mannequin"})
    void builtInRigsMapEveryKeyJoint(String name) {
        Rig rig = BuiltInRigs.get(name);
        assertEquals(List.of(), rig.map().missingKeyJoints());
        assertEquals(rig.size() - (name.equals("ue5-mannequin") ? 1 : 0), rig.map().bones().stream().filter(s -> s != null).count(),
                "every bone but UE's root follows a joint");
    }

    @Test
    void longSpinesShareTheJoints() {
        Rig ue5 = BuiltInRigs.get("ue5-mannequin");
        assertEquals(SourceJoint.full(SPINE1), ue5.map().of(ue5.names().indexOf("spine_01")));
        assertEquals(new SourceJoint(SPINE2, 0.5), ue5.map().of(ue5.names().indexOf("spine_02")));
        assertEquals(SourceJoint.full(SPINE2), ue5.map().of(ue5.names().indexOf("spine_03")));
        assertEquals(SourceJoint.full(SPINE3), ue5.map().of(ue5.names().indexOf("spine_05")));
        assertEquals(new SourceJoint(NECK, 0.5), ue5.map().of(ue5.names().indexOf("neck_01")));
        assertEquals(SourceJoint.full(NECK), ue5.map().of(ue5.names().indexOf("neck_02")));
        assertNull(ue5.map().of(ue5.names().indexOf("root")));
    }

    /** Mixamo's LeftShoulder is the clavicle, CMU's (3ds Max names) is the upper arm. */
    @Test
    void shoulderMeansWhatTheRestOfTheArmSays() throws IOException {
        Rig mixamo = BuiltInRigs.get("mixamo");
        assertEquals(SourceJoint.full(LEFT_COLLAR), mixamo.map().of(mixamo.names().indexOf("mixamorig:LeftShoulder")));
        Skeleton cmu = BvhReader.read(TestData.file("mocap/cmu/cmu_131_01_walk.bvh"), 1).skeleton();
        BoneMap map = AutoBoneMap.find(cmu.names(), cmu.parents(), Map.of());
        assertEquals(List.of(), map.missingKeyJoints());
        assertEquals(cmu.indexOf("LeftShoulder"), map.boneFor(LEFT_SHOULDER));
        assertEquals(cmu.indexOf("LeftCollar"), map.boneFor(LEFT_COLLAR));
        assertEquals(cmu.indexOf("LeftHip"), map.boneFor(LEFT_HIP));
        assertNull(map.of(cmu.indexOf("LHipJoint")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cmu_01_01_jump.bvh", "cmu_09_11_run.bvh", "cmu_55_01_dance.bvh"})
    void motionBuilderNamesMap(String clip) throws IOException {
        Skeleton cmu = BvhReader.read(TestData.file("mocap/cmu/" + clip), 1).skeleton();
        BoneMap map = AutoBoneMap.find(cmu.names(), cmu.parents(), Map.of());
        assertEquals(List.of(), map.missingKeyJoints());
        assertEquals(cmu.indexOf("LeftArm"), map.boneFor(LEFT_SHOULDER));
        assertEquals(cmu.indexOf("LeftShoulder"), map.boneFor(LEFT_COLLAR));
    }

    @Test
    void smplNamesMapToThemselves() {
        Skeleton smpl = TestMotions.humanSkeleton();
        BoneMap map = AutoBoneMap.find(smpl.names(), smpl.parents(), Map.of());
        for (int joint = 0; joint < COUNT; joint++) {
            assertEquals(joint, map.boneFor(joint));
        }
    }

    @Test
    void overridesComeFirstAndAreChecked() {
        Rig mixamo = BuiltInRigs.get("mixamo");
        Map<String, String> overrides = new HashMap<>();
        overrides.put("mixamorig:Neck", "head");
        overrides.put("mixamorig:Head", null);
        BoneMap map = AutoBoneMap.find(mixamo.names(), mixamo.parents(), overrides);
        assertEquals(mixamo.names().indexOf("mixamorig:Neck"), map.boneFor(HEAD));
        assertNull(map.of(mixamo.names().indexOf("mixamorig:Head")));
        assertThrows(IllegalArgumentException.class, () -> AutoBoneMap.find(mixamo.names(), mixamo.parents(), Map.of("Tail", "head")));
    }
}
