package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

/** A rigid map from camera space to the motion's world: world = rotation · camera + offset. */
record WorldFrame(Quat rotation, Vec3 offset) {

    /** The camera's own axes turned to Y up (a half turn about X: the camera then looks along −Z). */
    static WorldFrame cameraAxes() {
        return new WorldFrame(Quat.axisAngle(Vec3.X, Math.PI), Vec3.ZERO);
    }

    /**
     * Y along the floor normal {@code up} (camera space), the floor at y = 0, and the camera
     * looking along −Z as seen from above, so that a person facing the camera faces +Z.
     */
    static WorldFrame levelled(Vec3 up, double floor) {
        Vec3 y = up.normalized();
        Vec3 forward = new Vec3(0, 0, 1);
        Vec3 z = forward.minus(y.times(forward.dot(y))).normalized().times(-1);
        Vec3 x = y.cross(z);
        // The columns x, y, z are the world axes in camera space, so this rotation maps world → camera.
        return new WorldFrame(Quat.fromColumns(x, y, z).conjugate(), new Vec3(0, -floor, 0));
    }

    Vec3 apply(Vec3 camera) {
        return rotation.rotate(camera).plus(offset);
    }

    Vec3[] apply(Vec3[] camera) {
        Vec3[] out = new Vec3[camera.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = apply(camera[i]);
        }
        return out;
    }

    /** This frame followed by a turn of {@code yaw} radians about +Y and a shift. */
    WorldFrame then(double yaw, Vec3 shift) {
        Quat turn = Quat.axisAngle(Vec3.Y, yaw);
        return new WorldFrame(turn.times(rotation), turn.rotate(offset).plus(shift));
    }

    /** The camera in this world. */
    Camera place(Camera camera) {
        return camera.withPose(rotation.conjugate(), offset);
    }
}
