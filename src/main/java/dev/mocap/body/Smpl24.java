package dev.mocap.body;

import java.util.List;

/**
 * The SMPL 24-joint topology (names, parents, indices), the project's internal skeleton. Only
 * the topology comes from SMPL; bone lengths are measured per subject.
 */
public final class Smpl24 {
    public static final int PELVIS = 0, LEFT_HIP = 1, RIGHT_HIP = 2, SPINE1 = 3, LEFT_KNEE = 4, RIGHT_KNEE = 5,
            SPINE2 = 6, LEFT_ANKLE = 7, RIGHT_ANKLE = 8, SPINE3 = 9, LEFT_FOOT = 10, RIGHT_FOOT = 11, NECK = 12,
            LEFT_COLLAR = 13, RIGHT_COLLAR = 14, HEAD = 15, LEFT_SHOULDER = 16, RIGHT_SHOULDER = 17,
            LEFT_ELBOW = 18, RIGHT_ELBOW = 19, LEFT_WRIST = 20, RIGHT_WRIST = 21, LEFT_HAND = 22, RIGHT_HAND = 23;
    public static final int COUNT = 24;

    public static final List<String> NAMES = List.of("pelvis", "left_hip", "right_hip", "spine1", "left_knee",
            "right_knee", "spine2", "left_ankle", "right_ankle", "spine3", "left_foot", "right_foot", "neck",
            "left_collar", "right_collar", "head", "left_shoulder", "right_shoulder", "left_elbow", "right_elbow",
            "left_wrist", "right_wrist", "left_hand", "right_hand");

    private static final int[] PARENTS = {-1, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 12, 13, 14, 16, 17, 18, 19, 20, 21};

    public static int[] parents() {
        return PARENTS.clone();
    }

    /**
     * The SMPL-24 skeleton with the given rest offsets (24, world axes, metres) and end sites at
     * the head top, the toe tips and the finger tips.
     */
    public static Skeleton skeleton(Vec3[] offsets, Vec3 headTop, Vec3 leftToeTip, Vec3 rightToeTip,
                                    Vec3 leftFingerTip, Vec3 rightFingerTip) {
        Vec3[] ends = new Vec3[COUNT];
        ends[HEAD] = headTop;
        ends[LEFT_FOOT] = leftToeTip;
        ends[RIGHT_FOOT] = rightToeTip;
        ends[LEFT_HAND] = leftFingerTip;
        ends[RIGHT_HAND] = rightFingerTip;
        return new Skeleton(NAMES, parents(), offsets.clone(), ends);
    }

    /** From the sole (the ball of the foot) to the top of the head in the rest pose of an SMPL-24 skeleton. */
    public static double standingHeight(Skeleton skeleton) {
        Vec3[] rest = skeleton.restPositions();
        Vec3 headTop = rest[HEAD].plus(skeleton.endSites()[HEAD]);
        return headTop.y() - rest[LEFT_FOOT].y();
    }

    /** The mirror partner of a joint (left ↔ right); central joints map to themselves. */
    public static int mirror(int joint) {
        String name = NAMES.get(joint);
        if (name.startsWith("left_")) {
            return NAMES.indexOf("right_" + name.substring(5));
        }
        if (name.startsWith("right_")) {
            return NAMES.indexOf("left_" + name.substring(6));
        }
        return joint;
    }

    private Smpl24() {
    }
}
