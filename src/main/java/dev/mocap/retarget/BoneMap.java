package dev.mocap.retarget;

import dev.mocap.body.Smpl24;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which SMPL-24 joint each bone of a rig follows ({@code null}: none, the bone keeps its rest
 * pose relative to its parent), and how each was found ({@code null} where none). At most one
 * bone follows a joint fully: that bone stands for the joint.
 */
public record BoneMap(List<SourceJoint> bones, List<String> how) {
    /** The joints without which a retargeted body is not a body. */
    public static final List<Integer> KEY_JOINTS = List.of(Smpl24.PELVIS, Smpl24.SPINE3, Smpl24.HEAD,
            Smpl24.LEFT_HIP, Smpl24.LEFT_KNEE, Smpl24.LEFT_ANKLE, Smpl24.RIGHT_HIP, Smpl24.RIGHT_KNEE, Smpl24.RIGHT_ANKLE,
            Smpl24.LEFT_SHOULDER, Smpl24.LEFT_ELBOW, Smpl24.LEFT_WRIST, Smpl24.RIGHT_SHOULDER, Smpl24.RIGHT_ELBOW, Smpl24.RIGHT_WRIST);

    /** No bone follows anything. */
    public static BoneMap none(int bones) {
        return new BoneMap(java.util.Collections.nCopies(bones, null));
    }

    /** A map found by names alone. */
    public BoneMap(List<SourceJoint> bones) {
        this(bones, bones.stream().map(b -> b == null ? null : "name").toList());
    }

    public BoneMap {
        bones = java.util.Collections.unmodifiableList(new ArrayList<>(bones));
        how = java.util.Collections.unmodifiableList(new ArrayList<>(how));
        if (how.size() != bones.size()) {
            throw new IllegalArgumentException("a bone map needs how each of its bones was found");
        }
        for (int joint = 0; joint < Smpl24.COUNT; joint++) {
            int j = joint;
            if (bones.stream().filter(s -> s != null && s.joint() == j && s.isFull()).count() > 1) {
                throw new IllegalArgumentException("several bones follow " + Smpl24.NAMES.get(joint) + " fully");
            }
        }
    }

    public SourceJoint of(int bone) {
        return bones.get(bone);
    }

    /** The bone standing for an SMPL joint, or -1. */
    public int boneFor(int smplJoint) {
        for (int b = 0; b < bones.size(); b++) {
            SourceJoint s = bones.get(b);
            if (s != null && s.joint() == smplJoint && s.isFull()) {
                return b;
            }
        }
        return -1;
    }

    /** The bone for every SMPL joint (-1 where none). */
    public int[] bonesBySmplJoint() {
        int[] out = new int[Smpl24.COUNT];
        Arrays.setAll(out, this::boneFor);
        return out;
    }

    /** The key joints no bone stands for, by SMPL name. */
    public List<String> missingKeyJoints() {
        return KEY_JOINTS.stream().filter(j -> boneFor(j) < 0).map(Smpl24.NAMES::get).toList();
    }

    /** One line per mapped bone: {@code bone -> smpl_joint (how)}. */
    public List<String> describe(List<String> names) {
        List<String> lines = new ArrayList<>();
        for (int b = 0; b < bones.size(); b++) {
            if (bones.get(b) != null) {
                lines.add(names.get(b) + " -> " + bones.get(b) + (how.get(b) == null ? "" : " (" + how.get(b) + ")"));
            }
        }
        return lines;
    }
}
