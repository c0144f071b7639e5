package dev.mocap.recover;

import dev.mocap.body.Quat;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;

/**
 * One frame's joint rotations straight from landmark positions (world axes, Y up): each bone is
 * turned onto its observed direction, and its twist comes from a second observed axis — the
 * hip line for the pelvis, the shoulder line for the chest, the knee and elbow hinge planes for
 * the limbs (or the foot and the hand when a limb is straight), heel–toe and the ankle above them for the foot,
 * index–pinky for the hand, the ears and the nose for the head. The torso's bend is spread over
 * the three spine joints, the head's over neck and head. Local rotation = parent world rotation⁻¹
 * · world rotation, since every rest frame is the identity.
 */
final class AnalyticPose {
    /** A limb bent less than this has no reliable hinge plane; its twist then comes from the foot or hand. */
    private static final double RELIABLE_BEND = Math.sin(Math.toRadians(25));
    private static final double USABLE = 0.3;

    private final BodyModel body;
    private final Quat headRest;

    AnalyticPose(BodyModel body) {
        this.body = body;
        this.headRest = Frames.xz(Vec3.X, body.restOffset(BlazePose.NOSE));
    }

    /** Local rotations for the 24 joints; {@code p} are the 33 landmark positions in world axes. */
    Quat[] solve(Vec3[] p, double[] w) {
        Quat[] world = new Quat[Smpl24.COUNT];
        Vec3 hipL = p[BlazePose.LEFT_HIP], hipR = p[BlazePose.RIGHT_HIP];
        Vec3 shL = p[BlazePose.LEFT_SHOULDER], shR = p[BlazePose.RIGHT_SHOULDER];
        Vec3 up = shL.lerp(shR, 0.5).minus(hipL.lerp(hipR, 0.5));
        Quat pelvis = Frames.xy(hipL.minus(hipR), up);
        Quat chest = Frames.xy(shL.minus(shR), up);
        world[Smpl24.PELVIS] = pelvis;
        Quat spineStep = Quat.IDENTITY.slerp(pelvis.conjugate().times(chest), 1.0 / 3);
        world[Smpl24.SPINE1] = pelvis.times(spineStep);
        world[Smpl24.SPINE2] = world[Smpl24.SPINE1].times(spineStep);
        world[Smpl24.SPINE3] = world[Smpl24.SPINE2].times(spineStep);

        Quat head = head(p, w, chest);
        Quat neckStep = Quat.IDENTITY.slerp(chest.conjugate().times(head), 0.5);
        world[Smpl24.NECK] = chest.times(neckStep);
        world[Smpl24.HEAD] = world[Smpl24.NECK].times(neckStep);
        world[Smpl24.LEFT_COLLAR] = chest;
        world[Smpl24.RIGHT_COLLAR] = chest;

        leg(p, w, pelvis, world, true);
        leg(p, w, pelvis, world, false);
        arm(p, w, chest, world, true);
        arm(p, w, chest, world, false);

        Quat[] local = new Quat[Smpl24.COUNT];
        local[0] = world[0];
        for (int j = 1; j < local.length; j++) {
            local[j] = body.skeleton().parent(j) < 0 ? world[j]
                    : world[body.skeleton().parent(j)].conjugate().times(world[j]).normalized();
        }
        return local;
    }

    private Quat head(Vec3[] p, double[] w, Quat chest) {
        if (Math.min(w[BlazePose.NOSE], Math.max(w[BlazePose.LEFT_EAR], w[BlazePose.RIGHT_EAR])) < USABLE) {
            return chest;
        }
        Vec3 ears = p[BlazePose.LEFT_EAR].minus(p[BlazePose.RIGHT_EAR]);
        Vec3 face = p[BlazePose.NOSE].minus(p[BlazePose.LEFT_EAR].lerp(p[BlazePose.RIGHT_EAR], 0.5));
        return Frames.xz(ears, face).times(headRest.conjugate());
    }

    private void leg(Vec3[] p, double[] w, Quat pelvis, Quat[] world, boolean left) {
        Vec3 hip = p[left ? BlazePose.LEFT_HIP : BlazePose.RIGHT_HIP];
        Vec3 knee = p[left ? BlazePose.LEFT_KNEE : BlazePose.RIGHT_KNEE];
        Vec3 ankle = p[left ? BlazePose.LEFT_ANKLE : BlazePose.RIGHT_ANKLE];
        int heel = left ? BlazePose.LEFT_HEEL : BlazePose.RIGHT_HEEL, toe = left ? BlazePose.LEFT_FOOT_INDEX : BlazePose.RIGHT_FOOT_INDEX;
        Vec3 thigh = knee.minus(hip).normalized(), shin = ankle.minus(knee).normalized();
        boolean footSeen = Math.min(w[heel], w[toe]) >= USABLE;
        Vec3 sole = p[toe].minus(p[heel]);
        // Knee flexion turns about the thigh's +X; a straight leg takes its X from the foot.
        Vec3 hinge = thigh.cross(shin);
        Vec3 straightX = footSeen ? thigh.times(-1).cross(sole) : pelvis.rotate(Vec3.X);
        Vec3 x = Frames.blend(hinge, straightX, Math.min(1, hinge.length() / RELIABLE_BEND));
        Quat upper = Frames.yx(thigh.times(-1), x);
        Quat lower = Frames.yx(shin.times(-1), x);
        // Ankle, heel and toe span the foot's plane: forward along the sole, up towards the ankle.
        Quat foot = footSeen ? Frames.zy(sole, ankle.minus(p[heel])) : lower;
        world[left ? Smpl24.LEFT_HIP : Smpl24.RIGHT_HIP] = upper;
        world[left ? Smpl24.LEFT_KNEE : Smpl24.RIGHT_KNEE] = lower;
        world[left ? Smpl24.LEFT_ANKLE : Smpl24.RIGHT_ANKLE] = foot;
        world[left ? Smpl24.LEFT_FOOT : Smpl24.RIGHT_FOOT] = foot;
    }

    private void arm(Vec3[] p, double[] w, Quat chest, Quat[] world, boolean left) {
        double side = left ? 1 : -1;
        Vec3 shoulder = p[left ? BlazePose.LEFT_SHOULDER : BlazePose.RIGHT_SHOULDER];
        Vec3 elbow = p[left ? BlazePose.LEFT_ELBOW : BlazePose.RIGHT_ELBOW];
        int wristIndex = left ? BlazePose.LEFT_WRIST : BlazePose.RIGHT_WRIST;
        int index = left ? BlazePose.LEFT_INDEX : BlazePose.RIGHT_INDEX, pinky = left ? BlazePose.LEFT_PINKY : BlazePose.RIGHT_PINKY;
        Vec3 wrist = p[wristIndex];
        Vec3 upperDir = elbow.minus(shoulder).normalized(), foreDir = wrist.minus(elbow).normalized();
        boolean handSeen = Math.min(w[wristIndex], Math.min(w[index], w[pinky])) >= USABLE;
        Vec3 knuckles = p[index].lerp(p[pinky], 0.5).minus(wrist);
        Vec3 across = p[index].minus(p[pinky]);
        // Elbow flexion turns about the upper arm's −Y (left) / +Y (right) at rest.
        Vec3 hinge = upperDir.cross(foreDir).times(-side);
        Vec3 straightY = handSeen ? across.cross(foreDir.times(side)) : chest.rotate(Vec3.Y);
        Vec3 y = Frames.blend(hinge, straightY, Math.min(1, hinge.length() / RELIABLE_BEND));
        Quat upper = Frames.xy(upperDir.times(side), y);
        Quat lower = Frames.xy(foreDir.times(side), y);
        Quat hand = handSeen ? Frames.xz(knuckles.times(side), across) : lower;
        world[left ? Smpl24.LEFT_SHOULDER : Smpl24.RIGHT_SHOULDER] = upper;
        world[left ? Smpl24.LEFT_ELBOW : Smpl24.RIGHT_ELBOW] = lower;
        world[left ? Smpl24.LEFT_WRIST : Smpl24.RIGHT_WRIST] = hand;
        world[left ? Smpl24.LEFT_HAND : Smpl24.RIGHT_HAND] = hand;
    }
}
