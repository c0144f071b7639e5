package dev.mocap.recover;

import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;

import java.util.ArrayList;
import java.util.List;

/**
 * The subject's SMPL-24 skeleton in T-pose, with proportions measured from the clip, and where
 * each BlazePose landmark sits on it. Measured lengths are medians over confident frames,
 * averaged left/right so that the skeleton is symmetric; joints BlazePose does not see (spine,
 * neck, collars, ball of the foot) are placed by fixed anatomical fractions.
 */
record BodyModel(Skeleton skeleton, List<Attachment> attachments) {
    /** Landmarks below this weight in a frame do not count towards a length. */
    private static final double CONFIDENT = 0.6;

    static BodyModel measure(List<Observation> frames) {
        Lengths m = new Lengths(frames);
        double thigh = m.pair(BlazePose.LEFT_HIP, BlazePose.LEFT_KNEE, BlazePose.RIGHT_HIP, BlazePose.RIGHT_KNEE, 0.42);
        double shin = m.pair(BlazePose.LEFT_KNEE, BlazePose.LEFT_ANKLE, BlazePose.RIGHT_KNEE, BlazePose.RIGHT_ANKLE, 0.40);
        double upperArm = m.pair(BlazePose.LEFT_SHOULDER, BlazePose.LEFT_ELBOW, BlazePose.RIGHT_SHOULDER, BlazePose.RIGHT_ELBOW, 0.28);
        double forearm = m.pair(BlazePose.LEFT_ELBOW, BlazePose.LEFT_WRIST, BlazePose.RIGHT_ELBOW, BlazePose.RIGHT_WRIST, 0.25);
        double hipWidth = m.single(BlazePose.LEFT_HIP, BlazePose.RIGHT_HIP, 0.20);
        double shoulderWidth = m.single(BlazePose.LEFT_SHOULDER, BlazePose.RIGHT_SHOULDER, 0.36);
        double torso = m.torso();
        double ankleToe = m.pair(BlazePose.LEFT_ANKLE, BlazePose.LEFT_FOOT_INDEX, BlazePose.RIGHT_ANKLE, BlazePose.RIGHT_FOOT_INDEX, 0.17);
        double ankleHeel = m.pair(BlazePose.LEFT_ANKLE, BlazePose.LEFT_HEEL, BlazePose.RIGHT_ANKLE, BlazePose.RIGHT_HEEL, 0.08);
        double footLength = m.pair(BlazePose.LEFT_HEEL, BlazePose.LEFT_FOOT_INDEX, BlazePose.RIGHT_HEEL, BlazePose.RIGHT_FOOT_INDEX, 0.23);
        double hand = m.hand();
        double palm = m.pair(BlazePose.LEFT_INDEX, BlazePose.LEFT_PINKY, BlazePose.RIGHT_INDEX, BlazePose.RIGHT_PINKY, 0.07);
        double earWidth = m.single(BlazePose.LEFT_EAR, BlazePose.RIGHT_EAR, 0.15);
        double neckToEars = m.neckToEars();
        Vec3 nose = m.noseFromEars();

        // Heel and toe tip on one level below the ankle (a flat foot at rest): from the three
        // distances ankle–toe (a), ankle–heel (b), heel–toe (F).
        double toeForward = (footLength + (ankleToe * ankleToe - ankleHeel * ankleHeel) / footLength) / 2;
        double heelBack = footLength - toeForward;
        double ankleHeight = Math.sqrt(Math.max(ankleToe * ankleToe - toeForward * toeForward, 0.05 * 0.05));
        double ball = 0.22 * footLength;

        Vec3[] o = new Vec3[Smpl24.COUNT];
        o[Smpl24.PELVIS] = Vec3.ZERO;
        o[Smpl24.LEFT_HIP] = new Vec3(hipWidth / 2, 0, 0);
        o[Smpl24.RIGHT_HIP] = new Vec3(-hipWidth / 2, 0, 0);
        o[Smpl24.SPINE1] = new Vec3(0, 0.20 * torso, 0);
        o[Smpl24.SPINE2] = new Vec3(0, 0.25 * torso, 0);
        o[Smpl24.SPINE3] = new Vec3(0, 0.25 * torso, 0);
        o[Smpl24.NECK] = new Vec3(0, 0.34 * torso, 0);
        o[Smpl24.HEAD] = new Vec3(0, Math.max(neckToEars - 0.04 * torso, 0.3 * neckToEars), 0);
        o[Smpl24.LEFT_KNEE] = o[Smpl24.RIGHT_KNEE] = new Vec3(0, -thigh, 0);
        o[Smpl24.LEFT_ANKLE] = o[Smpl24.RIGHT_ANKLE] = new Vec3(0, -shin, 0);
        o[Smpl24.LEFT_FOOT] = o[Smpl24.RIGHT_FOOT] = new Vec3(0, -ankleHeight, toeForward - ball);
        o[Smpl24.LEFT_COLLAR] = new Vec3(0.2 * shoulderWidth, 0.26 * torso, 0);
        o[Smpl24.RIGHT_COLLAR] = new Vec3(-0.2 * shoulderWidth, 0.26 * torso, 0);
        o[Smpl24.LEFT_SHOULDER] = new Vec3(0.3 * shoulderWidth, 0.04 * torso, 0);
        o[Smpl24.RIGHT_SHOULDER] = new Vec3(-0.3 * shoulderWidth, 0.04 * torso, 0);
        o[Smpl24.LEFT_ELBOW] = new Vec3(upperArm, 0, 0);
        o[Smpl24.RIGHT_ELBOW] = new Vec3(-upperArm, 0, 0);
        o[Smpl24.LEFT_WRIST] = new Vec3(forearm, 0, 0);
        o[Smpl24.RIGHT_WRIST] = new Vec3(-forearm, 0, 0);
        o[Smpl24.LEFT_HAND] = new Vec3(hand, 0, 0);
        o[Smpl24.RIGHT_HAND] = new Vec3(-hand, 0, 0);
        Skeleton skeleton = Smpl24.skeleton(o, new Vec3(0, 0.33 * shoulderWidth, 0), new Vec3(0, 0, ball),
                new Vec3(0, 0, ball), new Vec3(hand, 0, 0), new Vec3(-hand, 0, 0));

        List<Attachment> a = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            boolean left = side == 0;
            double sx = left ? 1 : -1;
            a.add(new Attachment(left ? BlazePose.LEFT_HIP : BlazePose.RIGHT_HIP, left ? Smpl24.LEFT_HIP : Smpl24.RIGHT_HIP, Vec3.ZERO));
            a.add(new Attachment(left ? BlazePose.LEFT_KNEE : BlazePose.RIGHT_KNEE, left ? Smpl24.LEFT_KNEE : Smpl24.RIGHT_KNEE, Vec3.ZERO));
            int ankle = left ? Smpl24.LEFT_ANKLE : Smpl24.RIGHT_ANKLE;
            a.add(new Attachment(left ? BlazePose.LEFT_ANKLE : BlazePose.RIGHT_ANKLE, ankle, Vec3.ZERO));
            a.add(new Attachment(left ? BlazePose.LEFT_HEEL : BlazePose.RIGHT_HEEL, ankle, new Vec3(0, -ankleHeight, -heelBack)));
            a.add(new Attachment(left ? BlazePose.LEFT_FOOT_INDEX : BlazePose.RIGHT_FOOT_INDEX, ankle, new Vec3(0, -ankleHeight, toeForward)));
            a.add(new Attachment(left ? BlazePose.LEFT_SHOULDER : BlazePose.RIGHT_SHOULDER, left ? Smpl24.LEFT_SHOULDER : Smpl24.RIGHT_SHOULDER, Vec3.ZERO));
            a.add(new Attachment(left ? BlazePose.LEFT_ELBOW : BlazePose.RIGHT_ELBOW, left ? Smpl24.LEFT_ELBOW : Smpl24.RIGHT_ELBOW, Vec3.ZERO));
            int wrist = left ? Smpl24.LEFT_WRIST : Smpl24.RIGHT_WRIST;
            a.add(new Attachment(left ? BlazePose.LEFT_WRIST : BlazePose.RIGHT_WRIST, wrist, Vec3.ZERO));
            a.add(new Attachment(left ? BlazePose.LEFT_INDEX : BlazePose.RIGHT_INDEX, wrist, new Vec3(sx * hand, 0, palm / 2)));
            a.add(new Attachment(left ? BlazePose.LEFT_PINKY : BlazePose.RIGHT_PINKY, wrist, new Vec3(sx * hand, 0, -palm / 2)));
            a.add(new Attachment(left ? BlazePose.LEFT_EAR : BlazePose.RIGHT_EAR, Smpl24.HEAD, new Vec3(sx * earWidth / 2, 0, 0)));
        }
        a.add(new Attachment(BlazePose.NOSE, Smpl24.HEAD, nose));
        return new BodyModel(skeleton, List.copyOf(a));
    }

    /** The rest position of an attached landmark relative to its joint's rest position. */
    Vec3 restOffset(int landmark) {
        return attachments.stream().filter(x -> x.landmark() == landmark).findFirst().orElseThrow().offset();
    }
}
