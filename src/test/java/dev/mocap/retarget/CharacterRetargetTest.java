package dev.mocap.retarget;

import dev.mocap.TestData;
import dev.mocap.body.ForwardKinematics;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import dev.mocap.body.MotionMetrics;
import dev.mocap.export.Exporters;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.filter.SmoothingPreset;
import dev.mocap.nn.ModelStore;
import dev.mocap.pipeline.ConvertJob;
import dev.mocap.pipeline.Progress;
import dev.mocap.pose.PoseOptions;
import dev.mocap.recover.RecoveryOptions;
import dev.mocap.format.BlenderRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.mocap.body.Smpl24.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance figures on the test-data characters (skipped where the test data is
 * absent): a CMU walk, a synthetic SMPL walk and a motion recovered from a real video on each. Hands and feet are compared with the
 * source's relative to their limb roots (proportions differ: torso length and shoulder placement
 * alone move a hand by 10 % of the height, printed as the absolute figure); bones must not jump
 * more than 30° from one frame to the next unless the source does (within the few degrees the IK
 * adds). Feet the recovered motion has
 * planted must stay planted on the character: at most 2 mm/frame of sliding.
 */
class CharacterRetargetTest {
    private static final double MAX_SLIDING_MM_PER_FRAME = 2;
    private static Motion recoveredClip;
    private static final double CMU_UNIT = 0.056444;
    /** Hands and feet, each with the root of its limb: {wrist or ankle, shoulder or hip}. */
    private static final int[][] LIMBS = {{LEFT_WRIST, LEFT_SHOULDER}, {RIGHT_WRIST, RIGHT_SHOULDER}, {LEFT_ANKLE, LEFT_HIP}, {RIGHT_ANKLE, RIGHT_HIP}};
    private static final double FLIP_DEGREES = 30;
    /** What the IK pass may add to a fast limb's turn between frames: a bend, not a flip. */
    private static final double IK_DEGREES = 5;

    @ParameterizedTest
    @ValueSource(strings = {"makehuman/makehuman_mixamo.glb", "makehuman/makehuman_game_engine.glb", "mannequiny/mannequiny-0.3.0.glb",
            "quaternius/modular_men_Casual.glb", "quaternius/modular_women_Adventurer.glb", "assimp/BCN_Epileptic.glb",
            "makehuman/makehuman_mixamo.fbx", "vrm/debug_robot.vrm"})
    void walksFollowTheSource(String character) throws IOException {
        long start = System.nanoTime();
        LoadedRig loaded = RigFiles.load(TestData.file("characters/" + character), Map.of());
        Rig rig = loaded.rig();
        assertEquals(List.of(), rig.map().missingKeyJoints());
        System.out.printf("%s: %d bones, %d mapped, read and mapped in %.0f ms, warnings %s%n", character, rig.size(),
                rig.map().bones().stream().filter(b -> b != null).count(), (System.nanoTime() - start) / 1e6, loaded.warnings());
        if (character.contains("Adventurer")) {
            assertTrue(loaded.warnings().stream().anyMatch(w -> w.contains("not numbers")), "the NaN weights are reported");
        }
        walksFollowTheSource(character, rig);
    }

    /** The same characters with every bone renamed {@code bone17} and so on: only the shape of the skeleton can map them. */
    @ParameterizedTest
    @ValueSource(strings = {"makehuman/makehuman_mixamo.glb", "makehuman/makehuman_game_engine.glb", "mannequiny/mannequiny-0.3.0.glb",
            "quaternius/modular_men_Casual.glb", "quaternius/modular_women_Adventurer.glb", "assimp/BCN_Epileptic.glb"})
    void renamedBonesMapByShape(String character) throws IOException {
        Rig named = RigFiles.load(TestData.file("characters/" + character), Map.of()).rig();
        List<String> anonymous = new java.util.ArrayList<>();
        for (int b = 0; b < named.size(); b++) {
            anonymous.add("bone" + b);
        }
        BoneMap byShape = AutoBoneMap.find(anonymous, named.parents(), named.restWorldPositions(), Map.of(), Map.of());
        Rig rig = new Rig(character + " renamed", anonymous, named.parents(), named.restTranslations(), named.restRotations(), byShape);
        assertEquals(List.of(), byShape.missingKeyJoints());
        for (int joint : List.of(LEFT_HIP, LEFT_KNEE, LEFT_ANKLE, RIGHT_HIP, RIGHT_KNEE, RIGHT_ANKLE, LEFT_ELBOW, RIGHT_ELBOW, LEFT_WRIST, RIGHT_WRIST)) {
            assertEquals(named.names().get(named.map().boneFor(joint)), named.names().get(byShape.boneFor(joint)),
                    character + ": the shape finds the bone the name gives for " + NAMES.get(joint));
        }
        walksFollowTheSource(character + " renamed", rig);
    }

    /**
     * The T-posed Quaternius character made A-posed by Blender (upper arms turned 45° down, pose
     * applied as the rest pose, mesh with it), as GLB; and the same with every bone renamed
     * {@code b17} and so on, as FBX, so that only the skeleton's shape can map it.
     */
    @Test
    void aPosedAndRenamedVariantsFollowTheSource(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(BlenderRunner.available(), "Blender not installed");
        Path glb = TestData.file("characters/quaternius/modular_men_Casual.glb");
        BlenderRunner.run("""
                import bpy, math
                from mathutils import Matrix
                bpy.ops.wm.read_factory_settings(use_empty=True)
                bpy.ops.import_scene.gltf(filepath=%s)
                arm = [o for o in bpy.data.objects if o.type == 'ARMATURE'][0]
                bpy.context.view_layer.objects.active = arm
                bpy.ops.object.mode_set(mode='POSE')
                for name, angle in (('UpperArm.L', 45), ('UpperArm.R', -45)):
                    pb = arm.pose.bones[name]
                    world = arm.matrix_world
                    head = world @ pb.head
                    turn = Matrix.Translation(head) @ Matrix.Rotation(math.radians(angle), 4, 'Y') @ Matrix.Translation(-head)
                    pb.matrix = world.inverted() @ turn @ world @ pb.matrix
                    bpy.context.view_layer.update()
                bpy.ops.object.mode_set(mode='OBJECT')
                for o in bpy.data.objects:
                    if o.type == 'MESH':
                        for m in list(o.modifiers):
                            if m.type == 'ARMATURE':
                                bpy.context.view_layer.objects.active = o
                                bpy.ops.object.modifier_apply(modifier=m.name)
                                o.modifiers.new('Armature', 'ARMATURE').object = arm
                bpy.context.view_layer.objects.active = arm
                bpy.ops.object.mode_set(mode='POSE')
                bpy.ops.pose.armature_apply()
                bpy.ops.object.mode_set(mode='OBJECT')
                bpy.ops.export_scene.gltf(filepath='apose.glb')
                for i, b in enumerate(arm.data.bones):
                    b.name = 'b' + str(i)
                bpy.ops.export_scene.fbx(filepath='apose_renamed.fbx', add_leaf_bones=False, bake_anim=False)
                """.formatted("'" + glb.toAbsolutePath() + "'"), dir);
        Rig aPose = RigFiles.load(dir.resolve("apose.glb"), Map.of()).rig();
        Vec3[] rest = aPose.restWorldPositions();
        Vec3 arm = rest[aPose.map().boneFor(LEFT_WRIST)].minus(rest[aPose.map().boneFor(LEFT_SHOULDER)]);
        assertEquals(45, Math.toDegrees(Math.asin(-arm.y() / arm.length())), 2, "the arm hangs 45° down");
        walksFollowTheSource("quaternius A-pose", aPose);
        Rig renamed = RigFiles.load(dir.resolve("apose_renamed.fbx"), Map.of()).rig();
        assertEquals(List.of(), renamed.map().missingKeyJoints());
        assertTrue(renamed.map().how().stream().noneMatch(AutoBoneMap.BY_NAME::equals), "nothing found by name");
        walksFollowTheSource("quaternius A-pose renamed FBX", renamed);
    }

    private void walksFollowTheSource(String character, Rig rig) throws IOException {
        System.out.println("  map: " + String.join("; ", rig.map().describe(rig.names())));

        Motion cmu = BvhReader.read(TestData.file("mocap/cmu/cmu_131_01_walk.bvh"), CMU_UNIT);
        check(character + " CMU walk", cmu, AutoBoneMap.find(cmu.skeleton().names(), cmu.skeleton().parents(), Map.of()), rig);
        Motion walk = TestMotions.walk(120, 30);
        BoneMap smpl = AutoBoneMap.find(walk.skeleton().names(), walk.skeleton().parents(), Map.of());
        check(character + " SMPL walk", walk, smpl, rig);
        Motion clip = recoveredClip();
        Motion out = check(character + " recovered pose_1.mp4", clip, smpl, rig);
        double sliding = footSlidingMmPerFrame(out, rig.map());
        System.out.printf("  planted feet on the character slide %.2f mm/frame (the recovered motion: %.2f)%n", sliding,
                MotionMetrics.of(clip).footSlidingMmPerFrame());
        assertTrue(sliding <= MAX_SLIDING_MM_PER_FRAME, character + ": planted feet slide " + sliding + " mm/frame");
    }

    /** pose_1.mp4 converted with the default settings (smoothing, foot contacts, foot lock), once for all characters. */
    private static synchronized Motion recoveredClip() {
        if (recoveredClip == null) {
            Path video = TestData.file("video/tfjs/pose_1.mp4");
            try {
                Path dir = Files.createTempDirectory("retarget-clip");
                ConvertJob.Result r = new ConvertJob(ModelStore.locate(), new ConvertJob.Options(PoseOptions.defaults(), RecoveryOptions.defaults(),
                        SmoothingPreset.DEFAULT, true, Set.of(), Exporters.defaults(), Retargeting.NONE)).run(video, dir.resolve("pose_1"), Progress.silent());
                recoveredClip = r.outputs().get(0).segment().motion();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return recoveredClip;
    }

    /** Mean horizontal motion between frames of the character's foot bones (toes where mapped, else ankles) while planted. */
    private static double footSlidingMmPerFrame(Motion motion, BoneMap map) {
        int[] feet = {footBone(map, LEFT_FOOT, LEFT_ANKLE), footBone(map, RIGHT_FOOT, RIGHT_ANKLE)};
        double sum = 0;
        int count = 0;
        for (int f = 1; f < motion.frameCount(); f++) {
            Vec3[] before = motion.jointPositions(f - 1), now = motion.jointPositions(f);
            for (int side = 0; side < 2; side++) {
                boolean[] planted = side == 0 ? motion.contacts().left() : motion.contacts().right();
                if (planted[f] && planted[f - 1]) {
                    Vec3 d = now[feet[side]].minus(before[feet[side]]);
                    sum += Math.hypot(d.x(), d.z());
                    count++;
                }
            }
        }
        assertTrue(count > 0, "the clip has planted feet");
        return 1000 * sum / count;
    }

    private static int footBone(BoneMap map, int toe, int ankle) {
        return map.boneFor(toe) >= 0 ? map.boneFor(toe) : map.boneFor(ankle);
    }

    /** Rest length along a limb from its root to its end, e.g. shoulder → elbow → wrist. */
    private static double limbLength(Vec3[] rest, int[] bones, int[] limb) {
        double length = 0;
        for (int joint = limb[0]; joint != limb[1]; joint = parents()[joint]) {
            length += rest[bones[joint]].distance(rest[bones[parents()[joint]]]);
        }
        return length;
    }

    private static Motion check(String what, Motion source, BoneMap sourceMap, Rig rig) {
        Retargeter retargeter = Retargeter.of(source, sourceMap, rig);
        Motion out = retargeter.motion();
        int[] sourceBones = sourceMap.bonesBySmplJoint(), targetBones = rig.map().bonesBySmplJoint();
        Vec3[] rest = rig.restWorldPositions();
        double height = Arrays.stream(rest).mapToDouble(Vec3::y).max().orElseThrow() - Arrays.stream(rest).mapToDouble(Vec3::y).min().orElseThrow();
        double[] limbScale = new double[LIMBS.length];
        for (int i = 0; i < LIMBS.length; i++) {
            limbScale[i] = limbLength(rig.skeleton().restPositions(), targetBones, LIMBS[i]) / limbLength(source.skeleton().restPositions(), sourceBones, LIMBS[i]);
        }
        double worst = 0, sum = 0, worstAbsolute = 0, flipExcess = Double.NEGATIVE_INFINITY;
        Quat[] previousSource = null, previousTarget = null;
        for (int f = 0; f < source.frameCount(); f++) {
            Vec3[] s = source.jointPositions(f), t = out.jointPositions(f);
            for (int i = 0; i < LIMBS.length; i++) {
                int end = LIMBS[i][0], root = LIMBS[i][1];
                Vec3 sourceReach = s[sourceBones[end]].minus(s[sourceBones[root]]).times(limbScale[i]);
                Vec3 targetReach = t[targetBones[end]].minus(t[targetBones[root]]);
                double e = targetReach.distance(sourceReach) / height;
                worst = Math.max(worst, e);
                sum += e / LIMBS.length;
                worstAbsolute = Math.max(worstAbsolute, t[targetBones[end]].distance(retargeter.toTarget(s[sourceBones[end]])) / height);
            }
            Quat[] sourceWorld = ForwardKinematics.worldRotations(source.skeleton(), source.rotations().frame(f));
            Quat[] targetWorld = ForwardKinematics.worldRotations(out.skeleton(), out.rotations().frame(f));
            if (previousSource != null) {
                for (int joint = 0; joint < COUNT; joint++) {
                    if (targetBones[joint] >= 0 && sourceBones[joint] >= 0) {
                        double jumpTarget = Math.toDegrees(previousTarget[targetBones[joint]].conjugate().times(targetWorld[targetBones[joint]]).angle());
                        double jumpSource = Math.toDegrees(previousSource[sourceBones[joint]].conjugate().times(sourceWorld[sourceBones[joint]]).angle());
                        flipExcess = Math.max(flipExcess, jumpTarget - Math.max(FLIP_DEGREES, jumpSource + IK_DEGREES));
                    }
                }
            }
            previousSource = sourceWorld;
            previousTarget = targetWorld;
        }
        System.out.printf("  %s: scale %.3f; hands/feet from their limb roots: mean %.2f %%, max %.2f %% of %.2f m "
                        + "(absolute, proportions included: max %.1f %%); worst jump beyond max(30°, source) %.1f°%n",
                what, retargeter.scale(), 100 * sum / source.frameCount(), 100 * worst, height, 100 * worstAbsolute, flipExcess);
        assertTrue(worst < 0.03, what + ": hands/feet " + 100 * worst + " % of the height from the source");
        assertTrue(flipExcess <= 0, what + ": a bone jumps " + flipExcess + "° more than the source allows");
        return out;
    }
}
