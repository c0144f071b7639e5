package dev.mocap.retarget;

import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.mocap.body.Smpl24.*;

/**
 * Finds the SMPL-24 joint of each bone of a humanoid rig from its names and hierarchy. Limbs and
 * the head are recognised by name (Mixamo, Unity, Unreal, Blender/Rigify, CMU and common
 * synonyms, any side convention, see {@link BoneName}); the trunk by topology, because spine
 * names vary too much: the pelvis is the bone named hips or pelvis above the head, else the
 * nearest common ancestor of both thighs and the head,
 * the chest the one of both upper arms, and the bones between them are divided over SMPL's
 * spine1..3 (and those between chest and head over the neck) with slerp shares.
 */
public final class AutoBoneMap {

    private static final List<String> THIGH = List.of("upleg", "upperleg", "thigh", "hip", "thighbend"),
            KNEE = List.of("leg", "lowerleg", "calf", "shin", "knee", "loleg"),
            ANKLE = List.of("foot", "ankle"), TOE = List.of("toebase", "toe", "toes", "ball"), UPPER_ARM = List.of("upperarm", "uparm", "arm", "shldrbend", "shldr"),
            COLLAR = List.of("clavicle", "collar"), ELBOW = List.of("forearm", "lowerarm", "elbow", "loarm", "forearmbend"),
            WRIST = List.of("hand", "wrist"), HEAD_WORDS = List.of("head"), PELVIS_WORDS = List.of("hips", "pelvis", "hip");
    /** How a bone's joint was found, as the printed map and the sidecar say. */
    static final String BY_OVERRIDE = "--bone-map", BY_VRM = "VRM humanoid", BY_NAME = "name", BY_CHAIN = "spine chain", BY_SHAPE = "skeleton shape";
    /** Mixamo's and Unity's clavicle, but CMU's upper arm: it takes whichever of the two has no better name. */
    private static final List<String> SHOULDER = List.of("shoulder");

    private final List<String> names;
    private final int[] parents;
    private final BoneName[] parsed;
    private final SourceJoint[] map;
    private final String[] how;
    /** Bones the overrides keep out of the map. */
    private final Set<Integer> excluded = new HashSet<>();

    private AutoBoneMap(List<String> names, int[] parents) {
        this.names = names;
        this.parents = parents;
        this.parsed = names.stream().map(BoneName::parse).toArray(BoneName[]::new);
        this.map = new SourceJoint[names.size()];
        this.how = new String[names.size()];
    }

    /**
     * The map for a rig (parents first). {@code overrides} (bone name → SMPL joint name, or null
     * for "follow nothing") come first; names and topology fill in the rest. Key joints left without a bone are listed by
     * {@link BoneMap#missingKeyJoints()}; the caller decides whether to refuse.
     */
    public static BoneMap find(List<String> names, int[] parents, Map<String, String> overrides) {
        return find(names, parents, null, Map.of(), overrides);
    }

    /**
     * The map for a character's rig: {@code overrides} first, then the joints the file declares
     * ({@code declared}, bone → SMPL joint: a VRM humanoid table), names, and for key joints still
     * missing the shape of the skeleton ({@code rest}: world rest positions, Y up, facing +Z; null: not known).
     */
    static BoneMap find(List<String> names, int[] parents, Vec3[] rest, Map<Integer, Integer> declared, Map<String, String> overrides) {
        if (names.containsAll(Smpl24.NAMES)) {
            // The project's own skeleton: its names are exact, and "left_foot" (the ball) would read as an ankle.
            return new BoneMap(names.stream().map(n -> Smpl24.NAMES.contains(n) ? SourceJoint.full(Smpl24.NAMES.indexOf(n)) : null).toList());
        }
        AutoBoneMap m = new AutoBoneMap(names, parents);
        m.apply(overrides);
        declared.forEach((bone, joint) -> m.give(bone, joint, BY_VRM));
        m.mapLimbs();
        m.mapHeadBone();
        if (rest != null) {
            BodyStructure.find(parents, rest).forEach((bone, joint) -> m.give(bone, joint, BY_SHAPE));
        }
        m.mapTrunk();
        return new BoneMap(Arrays.asList(m.map), Arrays.asList(m.how));
    }

    /** The joint goes to the bone when neither has been given one yet. */
    private void give(int bone, int joint, String found) {
        if (isFree(bone) && boneOf(joint) < 0) {
            map[bone] = SourceJoint.full(joint);
            how[bone] = found;
        }
    }

    private void mapLimbs() {
        for (BoneName.Side side : List.of(BoneName.Side.LEFT, BoneName.Side.RIGHT)) {
            boolean left = side == BoneName.Side.LEFT;
            claim(side, THIGH, left ? LEFT_HIP : RIGHT_HIP);
            claim(side, KNEE, left ? LEFT_KNEE : RIGHT_KNEE);
            claim(side, ANKLE, left ? LEFT_ANKLE : RIGHT_ANKLE);
            claim(side, TOE, left ? LEFT_FOOT : RIGHT_FOOT);
            claim(side, ELBOW, left ? LEFT_ELBOW : RIGHT_ELBOW);
            claim(side, WRIST, left ? LEFT_WRIST : RIGHT_WRIST);
            claim(side, UPPER_ARM, left ? LEFT_SHOULDER : RIGHT_SHOULDER);
            claim(side, COLLAR, left ? LEFT_COLLAR : RIGHT_COLLAR);
            claim(side, SHOULDER, left ? LEFT_SHOULDER : RIGHT_SHOULDER);
            claim(side, SHOULDER, left ? LEFT_COLLAR : RIGHT_COLLAR);
        }
    }

    private void mapHeadBone() {
        claim(BoneName.Side.CENTRE, HEAD_WORDS, HEAD);
        claim(BoneName.Side.CENTRE, PELVIS_WORDS, PELVIS);
    }

    /** Gives the joint to the shallowest unclaimed bone whose base is one of the words (earlier words win). */
    private void claim(BoneName.Side side, List<String> words, int joint) {
        if (boneOf(joint) >= 0) {
            return;
        }
        for (String word : words) {
            int best = -1;
            for (int b = 0; b < parsed.length; b++) {
                if (isFree(b) && parsed[b].side() == side && parsed[b].base().equals(word) && !BoneName.isEndMarker(names.get(b))
                        && (best < 0 || depth(b) < depth(best))) {
                    best = b;
                }
            }
            if (best >= 0) {
                map[best] = SourceJoint.full(joint);
                how[best] = BY_NAME;
                return;
            }
        }
    }

    private void mapTrunk() {
        int head = boneOf(HEAD), leftHip = boneOf(LEFT_HIP), rightHip = boneOf(RIGHT_HIP);
        if (head < 0 || leftHip < 0 || rightHip < 0) {
            return;
        }
        int pelvis = boneOf(PELVIS);
        if (pelvis < 0 || commonAncestor(pelvis, head) != pelvis) {
            if (pelvis >= 0) {
                map[pelvis] = null;
                how[pelvis] = null;
            }
            pelvis = commonAncestor(commonAncestor(leftHip, rightHip), head);
            map[pelvis] = SourceJoint.full(PELVIS);
            how[pelvis] = BY_CHAIN;
        }
        int leftArm = armRoot(LEFT_COLLAR, LEFT_SHOULDER), rightArm = armRoot(RIGHT_COLLAR, RIGHT_SHOULDER);
        int chest = leftArm < 0 || rightArm < 0 ? parents[head] : commonAncestor(commonAncestor(leftArm, rightArm), head);
        if (chest == pelvis) {
            return;
        }
        List<Integer> spine = path(pelvis, chest);
        spine.removeIf(b -> !isFree(b));
        int n = spine.size();
        for (int i = 0; i < n; i++) {
            // Positions 1..3 along SMPL's spine joints, first and last bone exactly on spine1 and spine3.
            double u = n == 1 ? 3 : 1 + 2.0 * i / (n - 1);
            int k = (int) Math.ceil(u - 1e-9);
            map[spine.get(i)] = new SourceJoint(new int[]{SPINE1, SPINE2, SPINE3}[k - 1], 1 - (k - u));
            how[spine.get(i)] = BY_CHAIN;
        }
        List<Integer> neck = path(chest, head);
        neck.removeIf(b -> b == head || !isFree(b));
        for (int i = 0; i < neck.size(); i++) {
            map[neck.get(i)] = new SourceJoint(NECK, (i + 1.0) / neck.size());
            how[neck.get(i)] = BY_CHAIN;
        }
    }

    private boolean isFree(int bone) {
        return map[bone] == null && !excluded.contains(bone);
    }

    private int armRoot(int collar, int shoulder) {
        return boneOf(collar) >= 0 ? boneOf(collar) : boneOf(shoulder);
    }

    /** Bones below {@code top} down to {@code bottom} inclusive, top first. */
    private List<Integer> path(int top, int bottom) {
        List<Integer> out = new ArrayList<>();
        for (int b = bottom; b != top && b >= 0; b = parents[b]) {
            out.add(0, b);
        }
        return out;
    }

    private int commonAncestor(int a, int b) {
        while (depth(a) > depth(b)) {
            a = parents[a];
        }
        while (depth(b) > depth(a)) {
            b = parents[b];
        }
        while (a != b) {
            a = parents[a];
            b = parents[b];
        }
        return a;
    }

    private int depth(int bone) {
        int d = 0;
        for (int b = bone; parents[b] >= 0; b = parents[b]) {
            d++;
        }
        return d;
    }

    private int boneOf(int joint) {
        for (int b = 0; b < map.length; b++) {
            if (map[b] != null && map[b].joint() == joint && map[b].isFull()) {
                return b;
            }
        }
        return -1;
    }

    private void apply(Map<String, String> overrides) {
        Map<String, Integer> byName = new HashMap<>();
        for (int b = 0; b < names.size(); b++) {
            byName.put(names.get(b), b);
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            Integer bone = byName.get(e.getKey());
            if (bone == null) {
                throw new IllegalArgumentException("the bone map names '" + e.getKey() + "', which the rig does not have");
            }
            if (e.getValue() == null) {
                excluded.add(bone);
                continue;
            }
            int joint = Smpl24.NAMES.indexOf(e.getValue());
            if (joint < 0) {
                throw new IllegalArgumentException("the bone map gives '" + e.getValue() + "' for " + e.getKey()
                        + "; SMPL joints are " + String.join(", ", Smpl24.NAMES));
            }
            map[bone] = SourceJoint.full(joint);
            how[bone] = BY_OVERRIDE;
        }
    }
}
