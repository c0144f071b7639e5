package dev.mocap.retarget;

import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

/** A rotation, translation and uniform scale: what is left of a node or bind matrix once shear is ignored. */
public record Transform(Quat rotation, Vec3 translation, double scale) {
    public static final Transform IDENTITY = new Transform(Quat.IDENTITY, Vec3.ZERO, 1);

    /** From a column-major 4×4 matrix (glTF's layout); the scale is the mean length of the axes. */
    static Transform ofColumnMajor(float[] m) {
        Vec3 x = new Vec3(m[0], m[1], m[2]), y = new Vec3(m[4], m[5], m[6]), z = new Vec3(m[8], m[9], m[10]);
        return new Transform(Quat.fromColumns(x.normalized(), y.normalized(), z.normalized()), new Vec3(m[12], m[13], m[14]),
                (x.length() + y.length() + z.length()) / 3);
    }

    /** This after {@code inner}: inner applied first. */
    public Transform times(Transform inner) {
        return new Transform(rotation.times(inner.rotation).normalized(), translation.plus(rotation.rotate(inner.translation).times(scale)),
                scale * inner.scale);
    }

    public Transform inverse() {
        Quat r = rotation.conjugate();
        return new Transform(r, r.rotate(translation).times(-1 / scale), 1 / scale);
    }

    /** Whether both are the same transform up to {@code tolerance} (radians, relative scale, and lengths). */
    boolean near(Transform o, double tolerance) {
        return rotation.conjugate().times(o.rotation).angle() < tolerance && Math.abs(scale / o.scale - 1) < tolerance
                && translation.distance(o.translation) < tolerance * Math.max(1, translation.length());
    }
}
