package dev.mocap.retarget;

import dev.mocap.body.Smpl24;

/**
 * What a rig bone follows: an SMPL-24 joint, fully ({@code share} 1) or in part. A bone with a
 * share below 1 takes that fraction of the joint's rotation on top of the joint's SMPL parent
 * (a slerp between the two world rotations), so that several bones in a chain, such as five
 * spine bones for SMPL's three, divide one joint's bend between them.
 */
public record SourceJoint(int joint, double share) {

    public SourceJoint {
        if (joint < 0 || joint >= Smpl24.COUNT || !(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("no SMPL joint " + joint + " with share " + share);
        }
    }

    public static SourceJoint full(int joint) {
        return new SourceJoint(joint, 1);
    }

    public boolean isFull() {
        return share == 1;
    }

    @Override
    public String toString() {
        return Smpl24.NAMES.get(joint) + (isFull() ? "" : String.format(java.util.Locale.ROOT, " ×%.2f", share));
    }
}
