package dev.mocap.retarget;

import dev.mocap.body.FootContacts;
import dev.mocap.body.ForwardKinematics;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Map;

import static dev.mocap.body.Smpl24.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetargeterTest {
    private static final Motion WALK = TestMotions.walk(66, 30);
    private static final BoneMap SMPL = AutoBoneMap.find(WALK.skeleton().names(), WALK.skeleton().parents(), Map.of());

    /** The source's own skeleton, given arbitrary rest orientations per bone, moves exactly like the source. */
    @Test
    void ownSkeletonWithRestRotationsReproducesTheSource() {
        Skeleton s = WALK.skeleton();
        Quat[] restWorld = new Quat[s.size()];
        Vec3[] translations = new Vec3[s.size()];
        Quat[] rotations = new Quat[s.size()];
        for (int j = 0; j < s.size(); j++) {
            restWorld[j] = Quat.axisAngle(new Vec3(1, 2 + j, 3 - j), 0.3 * j);
            Quat parentWorld = j == 0 ? Quat.IDENTITY : restWorld[s.parent(j)];
            rotations[j] = parentWorld.conjugate().times(restWorld[j]);
            translations[j] = j == 0 ? new Vec3(0, TestMotions.PELVIS_HEIGHT, 0) : parentWorld.conjugate().rotate(s.offset(j));
        }
        Rig rig = new Rig("rolled", s.names(), s.parents(), translations, rotations, SMPL);
        Retargeter retargeter = Retargeter.of(WALK, SMPL, rig);
        Motion out = retargeter.motion();
        assertEquals(1, retargeter.scale(), 1e-12);
        for (int f = 0; f < WALK.frameCount(); f++) {
            Vec3[] a = WALK.jointPositions(f), b = out.jointPositions(f);
            for (int j = 0; j < a.length; j++) {
                assertEquals(0, retargeter.toTarget(a[j]).distance(b[j]), 1e-9, s.name(j) + " at frame " + f);
            }
            // In the rig's own frames the rotations carry the rest orientations: world = source world · rest world.
            Quat[] rigLocal = rig.rigLocalRotations(out.rotations().frame(f));
            Quat[] rigWorld = new Quat[s.size()];
            Quat[] sourceWorld = ForwardKinematics.worldRotations(s, WALK.rotations().frame(f));
            for (int j = 0; j < s.size(); j++) {
                rigWorld[j] = j == 0 ? rigLocal[0] : rigWorld[s.parent(j)].times(rigLocal[j]);
                assertEquals(0, rigWorld[j].conjugate().times(sourceWorld[j].times(restWorld[j])).angle(), 1e-9);
            }
        }
    }

    /** An A-posed target: arms 50° down at rest still reach where the T-posed source's do. */
    @Test
    void restPoseDifferencesAreCorrected() {
        Rig t = BuiltInRigs.get("mixamo");
        Vec3[] translations = t.restTranslations().clone();
        for (String arm : new String[]{"mixamorig:LeftArm", "mixamorig:RightArm"}) {
            int upper = t.names().indexOf(arm);
            double sign = arm.contains("Left") ? -1 : 1;
            Quat down = Quat.axisAngle(Vec3.Z, Math.toRadians(50 * sign));
            for (int b = upper + 1; b < t.size() && isBelow(t, b, upper); b++) {
                if (t.parent(b) == upper || isBelow(t, t.parent(b), upper)) {
                    translations[b] = down.rotate(translations[b]);
                }
            }
        }
        Rig aPose = new Rig("a-pose", t.names(), t.parents(), translations, t.restRotations(), t.map());
        Motion onT = Retargeter.of(WALK, SMPL, t).motion(), onA = Retargeter.of(WALK, SMPL, aPose).motion();
        int wrist = t.map().boneFor(LEFT_WRIST);
        for (int f = 0; f < WALK.frameCount(); f++) {
            assertEquals(0, onT.jointPositions(f)[wrist].distance(onA.jointPositions(f)[wrist]), 1e-9);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixamo", "unity-humanoid", "ue5-mannequin"})
    void builtInRigsKeepContactsAndTheFloor(String name) {
        Motion walk = WALK.withContacts(new dev.mocap.body.FootContacts(new boolean[WALK.frameCount()], new boolean[WALK.frameCount()]));
        Rig rig = BuiltInRigs.get(name);
        Motion out = Retargeter.of(walk, SMPL, rig).motion();
        assertEquals(walk.contacts(), out.contacts());
        assertEquals(rig.names(), out.skeleton().names());
        double lowestAnkle = Double.POSITIVE_INFINITY;
        for (int f = 0; f < out.frameCount(); f++) {
            Vec3[] p = out.jointPositions(f);
            lowestAnkle = Math.min(lowestAnkle, Math.min(p[rig.map().boneFor(LEFT_ANKLE)].y(), p[rig.map().boneFor(RIGHT_ANKLE)].y()));
        }
        double restAnkle = rig.restWorldPositions()[rig.map().boneFor(LEFT_ANKLE)].y();
        // Within a millimetre: the limb IK moves the ankle by a fraction of one.
        assertEquals(restAnkle, lowestAnkle, 1e-3, "the lowest ankle of the walk sits at the rig's standing ankle height");
        assertTrue(Arrays.stream(out.rootPositions()).allMatch(p -> Double.isFinite(p.length())));
    }

    /**
     * A character whose hips sit 0.2 m above its pelvis carries its feet forward and back as the
     * pelvis pitches: with the feet planted the body moves instead, and the legs reach as the source's.
     */
    @Test
    void hipsElsewhereOnThePelvisMoveTheBodyNotTheLegs() {
        Skeleton s = WALK.skeleton();
        int n = 60;
        Vec3[] root = new Vec3[n];
        Quat[][] rotations = new Quat[n][s.size()];
        for (int f = 0; f < n; f++) {
            Arrays.fill(rotations[f], Quat.IDENTITY);
            Quat pitch = Quat.axisAngle(Vec3.X, 0.2 * Math.sin(2 * Math.PI * f / 30.0));
            rotations[f][PELVIS] = pitch;
            rotations[f][LEFT_HIP] = pitch.conjugate();
            rotations[f][RIGHT_HIP] = pitch.conjugate();
            // the source's hips, and so its upright legs and feet, stay where they are
            root[f] = new Vec3(0, TestMotions.PELVIS_HEIGHT, 0).minus(pitch.rotate(s.offset(LEFT_HIP)).minus(s.offset(LEFT_HIP)));
        }
        boolean[] planted = new boolean[n];
        Arrays.fill(planted, true);
        Motion source = new Motion(s, 30, root, rotations, null, new FootContacts(planted, planted.clone()));
        Vec3[] translations = new Vec3[s.size()];
        Quat[] rest = new Quat[s.size()];
        for (int j = 0; j < s.size(); j++) {
            translations[j] = j == 0 ? new Vec3(0, TestMotions.PELVIS_HEIGHT, 0) : s.offset(j);
            rest[j] = Quat.IDENTITY;
        }
        translations[LEFT_HIP] = translations[LEFT_HIP].plus(new Vec3(0, 0.2, 0));
        translations[RIGHT_HIP] = translations[RIGHT_HIP].plus(new Vec3(0, 0.2, 0));
        Motion out = Retargeter.of(source, SMPL, new Rig("high hips", s.names(), s.parents(), translations, rest, SMPL)).motion();

        Vec3 ankle = out.jointPositions(0)[LEFT_ANKLE];
        for (int f = 0; f < n; f++) {
            Vec3[] a = source.jointPositions(f), b = out.jointPositions(f);
            for (int[] leg : new int[][]{{LEFT_ANKLE, LEFT_HIP}, {RIGHT_ANKLE, RIGHT_HIP}}) {
                Vec3 sourceReach = a[leg[0]].minus(a[leg[1]]), targetReach = b[leg[0]].minus(b[leg[1]]);
                assertEquals(0, targetReach.distance(sourceReach), 1e-3, "leg reach at frame " + f);
            }
            assertEquals(0, b[LEFT_ANKLE].distance(ankle), 1e-3, "planted ankle at frame " + f);
        }
    }

    /**
     * Character Creator's BVH skeletons have their legs pointing up at rest, turned down by the
     * hips' rotations: such a source moves on a character like the same motion with upright legs,
     * its pelvis rising where the source's rises.
     */
    @Test
    void legsPointingUpAtRestRetargetLikeUprightLegs() {
        Skeleton s = WALK.skeleton();
        Quat flip = Quat.axisAngle(Vec3.X, Math.PI);
        int[] belowHips = {LEFT_KNEE, RIGHT_KNEE, LEFT_ANKLE, RIGHT_ANKLE, LEFT_FOOT, RIGHT_FOOT};
        Vec3[] offsets = s.offsets().clone();
        Vec3[] ends = s.endSites().clone();
        for (int j : belowHips) {
            offsets[j] = flip.conjugate().rotate(offsets[j]);
            ends[j] = ends[j] == null ? null : flip.conjugate().rotate(ends[j]);
        }
        Skeleton upsideDown = new Skeleton(s.names(), s.parents(), offsets, ends);
        Quat[][] rotations = new Quat[WALK.frameCount()][];
        for (int f = 0; f < rotations.length; f++) {
            rotations[f] = WALK.rotations().frame(f).clone();
            for (int hip : new int[]{LEFT_HIP, RIGHT_HIP}) {
                rotations[f][hip] = rotations[f][hip].times(flip);
            }
            for (int j : belowHips) {
                rotations[f][j] = flip.conjugate().times(rotations[f][j]).times(flip);
            }
        }
        Motion source = new Motion(upsideDown, WALK.fps(), WALK.rootPositions(), rotations);
        assertEquals(0, source.jointPositions(7)[LEFT_ANKLE].distance(WALK.jointPositions(7)[LEFT_ANKLE]), 1e-9);

        Rig mixamo = BuiltInRigs.get("mixamo");
        Motion expected = Retargeter.of(WALK, SMPL, mixamo).motion(), out = Retargeter.of(source, SMPL, mixamo).motion();
        for (int f = 0; f < WALK.frameCount(); f++) {
            Vec3[] a = expected.jointPositions(f), b = out.jointPositions(f);
            for (int j = 0; j < a.length; j++) {
                assertEquals(0, a[j].distance(b[j]), 1e-6, mixamo.names().get(j) + " at frame " + f);
            }
        }
    }

    private static boolean isBelow(Rig rig, int bone, int ancestor) {
        for (int b = rig.parent(bone); b >= 0; b = rig.parent(b)) {
            if (b == ancestor) {
                return true;
            }
        }
        return false;
    }
}
