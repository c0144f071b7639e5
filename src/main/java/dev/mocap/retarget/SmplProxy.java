package dev.mocap.retarget;

import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.mocap.body.Smpl24.*;

/**
 * Any humanoid motion (a retargeted BVH or GLB on a character's bones) as an SMPL-24 motion on a
 * skeleton of the character's own proportions, so that what shows SMPL-24 motions (the preview's
 * mannequin) shows it: the bones are mapped as for a rig ({@link AutoBoneMap}, names then shape),
 * the SMPL joints placed on their bones' rest positions, the few a rig may lack (spine1/2, neck,
 * collars, the balls of the feet, the hands) in between, and the motion retargeted back.
 */
public final class SmplProxy {
    /** A hand as long as this share of the forearm; the ball of a foot this share of the height ahead of the ankle, at a third of its height. */
    private static final double HAND_REACH = 0.35, BALL_FORWARD = 0.07, BALL_HEIGHT = 1 / 3.0;

    /** The SMPL-24 motion; the motion itself when it is one already. */
    public static Motion of(Motion motion) {
        Skeleton s = motion.skeleton();
        if (s.names().containsAll(Smpl24.NAMES)) {
            return motion;
        }
        Vec3[] rest = s.restPositions();
        BoneMap map = AutoBoneMap.find(s.names(), s.parents(), rest, Map.of(), Map.of());
        if (!map.missingKeyJoints().isEmpty()) {
            throw new IllegalArgumentException("no humanoid found in its joints (no " + String.join(", ", map.missingKeyJoints()) + ")");
        }
        Vec3[] joint = new Vec3[COUNT];
        for (int j = 0; j < COUNT; j++) {
            joint[j] = map.boneFor(j) >= 0 ? rest[map.boneFor(j)] : null;
        }
        double floor = Arrays.stream(rest).mapToDouble(Vec3::y).min().orElse(0);
        double height = Arrays.stream(rest).mapToDouble(Vec3::y).max().orElse(1) - floor;
        fillIn(joint, floor, height);
        Vec3[] offsets = new Vec3[COUNT], ends = new Vec3[COUNT];
        int[] parents = Smpl24.parents();
        for (int j = 0; j < COUNT; j++) {
            offsets[j] = parents[j] < 0 ? Vec3.ZERO : joint[j].minus(joint[parents[j]]);
        }
        Quat[] identity = new Quat[COUNT];
        Arrays.fill(identity, Quat.IDENTITY);
        Vec3[] translations = offsets.clone();
        // Standing on y = 0 like the motion (a BVH's rest pose has its root, not its feet, at the origin).
        translations[PELVIS] = joint[PELVIS].minus(new Vec3(0, floor, 0));
        Rig smpl = new Rig("SMPL-24", Smpl24.NAMES, parents, translations, identity,
                new BoneMap(Smpl24.NAMES.stream().map(n -> SourceJoint.full(Smpl24.NAMES.indexOf(n))).toList()));
        return Retargeter.of(motion, map, smpl).motion();
    }

    /** Places the joints no bone stands for, between or beyond the ones found. */
    private static void fillIn(Vec3[] j, double floor, double height) {
        j[SPINE1] = orElse(j[SPINE1], j[PELVIS].lerp(j[SPINE3], 1 / 3.0));
        j[SPINE2] = orElse(j[SPINE2], j[SPINE1].lerp(j[SPINE3], 0.5));
        j[NECK] = orElse(j[NECK], j[SPINE3].lerp(j[HEAD], 0.5));
        for (int[] side : List.of(new int[]{LEFT_COLLAR, LEFT_SHOULDER, LEFT_ELBOW, LEFT_WRIST, LEFT_HAND, LEFT_ANKLE, LEFT_FOOT},
                new int[]{RIGHT_COLLAR, RIGHT_SHOULDER, RIGHT_ELBOW, RIGHT_WRIST, RIGHT_HAND, RIGHT_ANKLE, RIGHT_FOOT})) {
            j[side[0]] = orElse(j[side[0]], j[SPINE3].lerp(j[side[1]], 0.5));
            j[side[4]] = orElse(j[side[4]], j[side[3]].plus(j[side[3]].minus(j[side[2]]).times(HAND_REACH)));
            Vec3 ankle = j[side[5]];
            j[side[6]] = orElse(j[side[6]], new Vec3(ankle.x(), floor + (ankle.y() - floor) * BALL_HEIGHT, ankle.z() + BALL_FORWARD * height));
        }
    }

    private static Vec3 orElse(Vec3 found, Vec3 fallback) {
        return found != null ? found : fallback;
    }

    private SmplProxy() {
    }
}
