package dev.mocap.body.mesh;

import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;

import static dev.mocap.body.Smpl24.*;

/**
 * What the mannequin's shape is measured from: an SMPL-24 skeleton's rest joint positions, a
 * body scale (1 for a 1.70 m adult: legs 0.81 m, pelvis to neck 0.51 m), and the end sites of
 * head, toes and fingers, estimated from the bones where the skeleton has none.
 */
final class Anatomy {
    private static final double REFERENCE_LEG_AND_SPINE = 0.81 + 0.51;
    private final Skeleton skeleton;
    private final Vec3[] joints;
    private final double scale;

    Anatomy(Skeleton skeleton) {
        if (!skeleton.names().equals(NAMES)) {
            throw new IllegalArgumentException("the mannequin needs the SMPL-24 skeleton, not joints " + skeleton.names());
        }
        this.skeleton = skeleton;
        this.joints = skeleton.restPositions();
        double legs = (legLength(LEFT_HIP) + legLength(RIGHT_HIP)) / 2;
        this.scale = (legs + joints[NECK].distance(joints[PELVIS])) / REFERENCE_LEG_AND_SPINE;
    }

    private double legLength(int hip) {
        int knee = hip == LEFT_HIP ? LEFT_KNEE : RIGHT_KNEE, ankle = hip == LEFT_HIP ? LEFT_ANKLE : RIGHT_ANKLE;
        return joints[knee].distance(joints[hip]) + joints[ankle].distance(joints[knee]);
    }

    Vec3 joint(int joint) {
        return joints[joint];
    }

    /** The joint on a side that corresponds to a left-side joint. */
    Vec3 joint(BodySide side, int leftJoint) {
        return joints[side.joint(leftJoint)];
    }

    /** A length for a 1.70 m adult, in this body's size. */
    double scaled(double metres) {
        return metres * scale;
    }

    /** The direction from one joint to another. */
    Vec3 direction(int from, int to) {
        return joints[to].minus(joints[from]).normalized();
    }

    double hipHalfWidth() {
        return joints[LEFT_HIP].distance(joints[RIGHT_HIP]) / 2;
    }

    double shoulderHalfWidth() {
        return joints[LEFT_SHOULDER].distance(joints[RIGHT_SHOULDER]) / 2;
    }

    Vec3 headTop() {
        return endSite(HEAD, Vec3.Y.times(scaled(0.15)));
    }

    Vec3 toeTip(BodySide side) {
        int foot = side.joint(LEFT_FOOT);
        return endSite(foot, forward(side).times(scaled(0.06)));
    }

    Vec3 fingerTip(BodySide side) {
        int hand = side.joint(LEFT_HAND);
        return endSite(hand, direction(skeleton.parent(hand), hand).times(scaled(0.09)));
    }

    /** The horizontal direction the foot points, from the ankle towards the ball of the foot. */
    Vec3 forward(BodySide side) {
        Vec3 d = joint(side, LEFT_FOOT).minus(joint(side, LEFT_ANKLE));
        return new Vec3(d.x(), 0, d.z()).normalized();
    }

    /** Height of the soles: a little below the balls of the feet. */
    double soleHeight(BodySide side) {
        return joint(side, LEFT_FOOT).y() - scaled(0.02);
    }

    private Vec3 endSite(int joint, Vec3 estimate) {
        Vec3 end = skeleton.endSites()[joint];
        return joints[joint].plus(end != null ? end : estimate);
    }
}
