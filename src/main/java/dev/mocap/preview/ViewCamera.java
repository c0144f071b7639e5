package dev.mocap.preview;

import com.jme3.math.Vector3f;
import com.jme3.renderer.Camera;
import dev.mocap.body.Vec3;

/** Where the 3D view looks from at each frame. */
interface ViewCamera {
    float NEAR = 0.05f, FAR = 200f;

    void place(Camera camera, PreviewScene scene, int frame);

    /** Follows the subject from the front-left, a little above, at a fixed distance. */
    static ViewCamera following(float yawDegrees, float pitchDegrees, float distance) {
        return (camera, scene, frame) -> {
            camera.setFrustumPerspective(40, (float) camera.getWidth() / camera.getHeight(), NEAR, FAR);
            PreviewScene.orbit(camera, scene.focus(frame), yawDegrees, pitchDegrees, distance);
        };
    }

    /** A fixed pinhole camera (a video's, as the sidecar describes it; principal point at the image centre). */
    static ViewCamera pinhole(dev.mocap.body.Camera pinhole) {
        return (camera, scene, frame) -> {
            float fovY = (float) Math.toDegrees(2 * Math.atan(pinhole.height() / 2.0 / pinhole.focal()));
            camera.setFrustumPerspective(fovY, (float) camera.getWidth() / camera.getHeight(), NEAR, FAR);
            Vec3 right = pinhole.worldToCamera().conjugate().rotate(Vec3.X);
            Vec3 down = pinhole.worldToCamera().conjugate().rotate(Vec3.Y);
            Vec3 forward = pinhole.worldToCamera().conjugate().rotate(Vec3.Z);
            camera.setLocation(vector(pinhole.position()));
            camera.setAxes(vector(right.times(-1)), vector(down.times(-1)), vector(forward));
        };
    }

    private static Vector3f vector(Vec3 v) {
        return new Vector3f((float) v.x(), (float) v.y(), (float) v.z());
    }
}
