package dev.mocap.body;


/**
 * A static full-perspective pinhole camera: focal length and principal point in pixels, and its
 * pose in the world (position, and the rotation taking world axes to camera axes; camera axes
 * are x right, y down, z forward, as images are).
 */
public record Camera(double focal, double cx, double cy, int width, int height, Quat worldToCamera, Vec3 position) {

    /**
     * Focal length when the user gives none: the image diagonal in pixels (a 53° diagonal field
     * of view), the guess CLIFF and WHAM use for unknown phone and web footage.
     */
    public static double defaultFocal(int width, int height) {
        return Math.hypot(width, height);
    }

    /** Focal length from a horizontal field of view in degrees. */
    public static double focalFromFov(double fovDegrees, int width) {
        return width / 2.0 / Math.tan(Math.toRadians(fovDegrees) / 2);
    }

    /** A camera at the world origin looking along world +z (world = camera axes). */
    public static Camera atOrigin(double focal, int width, int height) {
        return new Camera(focal, width / 2.0, height / 2.0, width, height, Quat.IDENTITY, Vec3.ZERO);
    }

    public Camera withPose(Quat worldToCameraRotation, Vec3 cameraPosition) {
        return new Camera(focal, cx, cy, width, height, worldToCameraRotation, cameraPosition);
    }

    /** A world point in camera coordinates. */
    public Vec3 toCamera(Vec3 world) {
        return worldToCamera.rotate(world.minus(position));
    }

    /** A camera-space point in world coordinates. */
    public Vec3 toWorld(Vec3 camera) {
        return worldToCamera.conjugate().rotate(camera).plus(position);
    }

    /** Pixel coordinates (u, v) of a camera-space point in front of the camera. */
    public double[] project(Vec3 camera) {
        return new double[]{cx + focal * camera.x() / camera.z(), cy + focal * camera.y() / camera.z()};
    }

    /** The camera-space point at depth {@code z} on the ray through pixel (u, v). */
    public Vec3 unproject(double u, double v, double z) {
        return new Vec3((u - cx) / focal * z, (v - cy) / focal * z, z);
    }
}
