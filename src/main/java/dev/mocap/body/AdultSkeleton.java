package dev.mocap.body;

import static dev.mocap.body.Smpl24.*;

/**
 * An SMPL-24 skeleton of ordinary adult proportions (1.75 m; the project's own numbers, not SMPL
 * data): the body of the sample clip, and the skeleton given to motions that bring no
 * proportions of their own (SMPL parameters read without a model).
 */
public final class AdultSkeleton {

    public static Skeleton smpl24() {
        Vec3[] o = new Vec3[COUNT];
        o[PELVIS] = Vec3.ZERO;
        o[SPINE1] = new Vec3(0, 0.12, -0.025);
        o[SPINE2] = new Vec3(0, 0.135, 0.005);
        o[SPINE3] = new Vec3(0, 0.06, 0.025);
        o[NECK] = new Vec3(0, 0.215, -0.03);
        o[HEAD] = new Vec3(0, 0.09, 0.045);
        mirrored(o, LEFT_HIP, new Vec3(0.085, -0.085, 0.0));
        mirrored(o, LEFT_KNEE, new Vec3(0.015, -0.415, 0.005));
        mirrored(o, LEFT_ANKLE, new Vec3(-0.01, -0.425, -0.035));
        mirrored(o, LEFT_FOOT, new Vec3(0.02, -0.06, 0.125));
        mirrored(o, LEFT_COLLAR, new Vec3(0.07, 0.115, -0.015));
        mirrored(o, LEFT_SHOULDER, new Vec3(0.115, 0.03, -0.01));
        mirrored(o, LEFT_ELBOW, new Vec3(0.27, 0, -0.01));
        mirrored(o, LEFT_WRIST, new Vec3(0.26, 0.005, 0));
        mirrored(o, LEFT_HAND, new Vec3(0.085, -0.01, 0));
        return Smpl24.skeleton(o, new Vec3(0, 0.16, 0.02), new Vec3(0, -0.01, 0.065), new Vec3(0, -0.01, 0.065),
                new Vec3(0.095, 0, 0), new Vec3(-0.095, 0, 0));
    }

    private static void mirrored(Vec3[] offsets, int leftJoint, Vec3 leftOffset) {
        offsets[leftJoint] = leftOffset;
        offsets[Smpl24.mirror(leftJoint)] = new Vec3(-leftOffset.x(), leftOffset.y(), leftOffset.z());
    }

    private AdultSkeleton() {
    }
}
