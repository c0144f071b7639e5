package dev.mocap.body;


/** A rotation, translation and uniform scale: what is left of a node or bind matrix once shear is ignored. */
public record Transform(Quat rotation, Vec3 translation, double scale) {
    public static final Transform IDENTITY = new Transform(Quat.IDENTITY, Vec3.ZERO, 1);

    /** From a column-major 4×4 matrix (glTF's layout); the scale is the mean length of the axes. */
    public static Transform ofColumnMajor(float[] m) {
        double[] d = new double[16];
        for (int i = 0; i < 16; i++) {
            d[i] = m[i];
        }
        return new Matrix4(d).transform();
    }

    /** This after {@code inner}: inner applied first. */
    public Transform times(Transform inner) {
        return new Transform(rotation.times(inner.rotation).normalized(), translation.plus(rotation.rotate(inner.translation).times(scale)),
                scale * inner.scale);
    }

    /** Where this transform takes a point. */
    public Vec3 apply(Vec3 point) {
        return translation.plus(rotation.rotate(point).times(scale));
    }

    public Transform inverse() {
        Quat r = rotation.conjugate();
        return new Transform(r, r.rotate(translation).times(-1 / scale), 1 / scale);
    }

    /** Whether both are the same transform up to {@code tolerance} (radians, relative scale, and lengths). */
    public boolean near(Transform o, double tolerance) {
        return rotation.conjugate().times(o.rotation).angle() < tolerance && Math.abs(scale / o.scale - 1) < tolerance
                && translation.distance(o.translation) < tolerance * Math.max(1, translation.length());
    }
}
