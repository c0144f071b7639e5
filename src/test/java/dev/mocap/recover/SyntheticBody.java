package dev.mocap.recover;

import dev.mocap.body.ForwardKinematics;
import dev.mocap.body.Quat;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;

import java.util.List;
import java.util.Random;

/** A hand-made body model and landmarks generated from poses of it, for recovery unit tests. */
final class SyntheticBody {
    static final BodyModel BODY = BodyModel.measure(List.of());

    /** The 33 landmark positions of a pose (attachments where defined, the eyes and mouth near the nose). */
    static Vec3[] landmarks(Vec3 root, Quat[] local) {
        Quat[] world = ForwardKinematics.worldRotations(BODY.skeleton(), local);
        Vec3[] joints = ForwardKinematics.positions(BODY.skeleton(), root, local);
        Vec3[] p = new Vec3[BlazePose.COUNT];
        for (Attachment a : BODY.attachments()) {
            p[a.landmark()] = a.position(joints, world);
        }
        for (int i = 0; i < p.length; i++) {
            if (p[i] == null) {
                p[i] = p[BlazePose.NOSE];
            }
        }
        return p;
    }

    /**
     * A random but anatomically possible pose: knees and elbows bent their way, the rest
     * within a few tens of degrees.
     */
    static Quat[] randomPose(Random r) {
        Quat[] q = new Quat[Smpl24.COUNT];
        for (int j = 0; j < q.length; j++) {
            q[j] = Quat.exp(new Vec3(r.nextGaussian(), r.nextGaussian(), r.nextGaussian()).times(0.25));
        }
        q[Smpl24.LEFT_KNEE] = Quat.axisAngle(Vec3.X, 0.2 + 1.5 * r.nextDouble());
        q[Smpl24.RIGHT_KNEE] = Quat.axisAngle(Vec3.X, 0.2 + 1.5 * r.nextDouble());
        q[Smpl24.LEFT_ELBOW] = Quat.axisAngle(Vec3.Y, -0.3 - 1.5 * r.nextDouble());
        q[Smpl24.RIGHT_ELBOW] = Quat.axisAngle(Vec3.Y, 0.3 + 1.5 * r.nextDouble());
        for (int j : new int[]{Smpl24.LEFT_FOOT, Smpl24.RIGHT_FOOT, Smpl24.LEFT_HAND, Smpl24.RIGHT_HAND,
                Smpl24.LEFT_COLLAR, Smpl24.RIGHT_COLLAR}) {
            q[j] = Quat.IDENTITY;
        }
        // Hips and shoulders cannot tell a forward-bent spine from a tilted pelvis; the solver
        // gives the torso's lean to the pelvis and only the twist to the spine, evenly.
        q[Smpl24.SPINE1] = Quat.axisAngle(Vec3.Y, 0.3 * r.nextGaussian());
        q[Smpl24.SPINE2] = q[Smpl24.SPINE1];
        q[Smpl24.SPINE3] = q[Smpl24.SPINE1];
        q[Smpl24.HEAD] = q[Smpl24.NECK];
        q[Smpl24.LEFT_ANKLE] = Quat.axisAngle(Vec3.X, 0.4 * r.nextGaussian());
        q[Smpl24.RIGHT_ANKLE] = Quat.axisAngle(new Vec3(1, 0.3, 0.2), 0.4 * r.nextGaussian());
        return q;
    }

    private SyntheticBody() {
    }
}
