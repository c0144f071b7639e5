package dev.mocap.smpl;

import dev.mocap.body.Smpl24;

/**
 * The joint trees of SMPL's model family and how each maps onto SMPL's 24 joints: SMPL (24),
 * SMPL-H (52: the 22 body joints, then 15 finger joints of the left hand and 15 of the right) and
 * SMPL-X (55: the body, jaw and two eyes, then the fingers). The first 22 joints are SMPL's body in
 * all three. SMPL's hand joint (22 and 23) is the middle finger's first joint of SMPL-H and
 * SMPL-X; the skin of the fingers goes to that hand joint, the skin of the jaw and eyes to the head.
 */
enum SmplFamily {
    SMPL("SMPL", 24, 22, 23), SMPL_H("SMPL-H", 52, 25, 40), SMPL_X("SMPL-X", 55, 28, 43);

    private static final int BODY = 22;

    final String label;
    final int joints;
    private final int leftHand, rightHand;

    SmplFamily(String label, int joints, int leftHand, int rightHand) {
        this.label = label;
        this.joints = joints;
        this.leftHand = leftHand;
        this.rightHand = rightHand;
    }

    /** The family with this many joints, or null. */
    static SmplFamily of(int joints) {
        for (SmplFamily f : values()) {
            if (f.joints == joints) {
                return f;
            }
        }
        return null;
    }

    /** The model's joint that stands for SMPL joint j. */
    int source(int j) {
        return j == Smpl24.LEFT_HAND ? leftHand : j == Smpl24.RIGHT_HAND ? rightHand : j;
    }

    /** What is wrong with the tree ({@code parents[k]} of each of the model's joints, −1 at the root), or null. */
    String check(int[] parents) {
        for (int j = 0; j < BODY; j++) {
            if (parents[j] != (j == 0 ? -1 : Smpl24.parents()[j])) {
                return "joint " + j + " has parent " + parents[j] + ", not SMPL's " + (j == 0 ? -1 : Smpl24.parents()[j]);
            }
        }
        for (int k = BODY; k < joints; k++) {
            if (parents[k] < 0 || parents[k] >= k) {
                return "joint " + k + " has parent " + parents[k] + " (parents come before their children in SMPL's trees)";
            }
        }
        if (parents[leftHand] != Smpl24.LEFT_WRIST || parents[rightHand] != Smpl24.RIGHT_WRIST) {
            return "joints " + leftHand + " and " + rightHand + " (the hands) hang from " + parents[leftHand] + " and " + parents[rightHand]
                    + ", not from the wrists " + Smpl24.LEFT_WRIST + " and " + Smpl24.RIGHT_WRIST;
        }
        return null;
    }

    /**
     * The SMPL joint whose skin takes joint k's weights: k itself in the body (and in SMPL), else
     * its first ancestor in the body, a wrist becoming its hand.
     */
    int skinJoint(int k, int[] parents) {
        if (this == SMPL || k < BODY) {
            return k;
        }
        int a = k;
        while (a >= BODY) {
            a = parents[a];
        }
        return a == Smpl24.LEFT_WRIST ? Smpl24.LEFT_HAND : a == Smpl24.RIGHT_WRIST ? Smpl24.RIGHT_HAND : a;
    }
}
