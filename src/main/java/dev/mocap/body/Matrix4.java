package dev.mocap.body;


/** A 4×4 affine matrix, column-major as FBX and glTF store them: enough for FBX's chain of pivots, offsets and scales. */
public record Matrix4(double[] m) {
    public static final Matrix4 IDENTITY = scaling(new Vec3(1, 1, 1));

    public static Matrix4 translation(Vec3 t) {
        double[] m = IDENTITY.m.clone();
        m[12] = t.x();
        m[13] = t.y();
        m[14] = t.z();
        return new Matrix4(m);
    }

    public static Matrix4 scaling(Vec3 s) {
        double[] m = new double[16];
        m[0] = s.x();
        m[5] = s.y();
        m[10] = s.z();
        m[15] = 1;
        return new Matrix4(m);
    }

    public static Matrix4 rotation(Quat q) {
        Vec3 x = q.rotate(Vec3.X), y = q.rotate(Vec3.Y), z = q.rotate(Vec3.Z);
        return new Matrix4(new double[]{x.x(), x.y(), x.z(), 0, y.x(), y.y(), y.z(), 0, z.x(), z.y(), z.z(), 0, 0, 0, 0, 1});
    }

    /** This after {@code inner}: inner applied first. */
    public Matrix4 times(Matrix4 inner) {
        double[] out = new double[16];
        for (int c = 0; c < 4; c++) {
            for (int r = 0; r < 4; r++) {
                double sum = 0;
                for (int k = 0; k < 4; k++) {
                    sum += m[k * 4 + r] * inner.m[c * 4 + k];
                }
                out[c * 4 + r] = sum;
            }
        }
        return new Matrix4(out);
    }

    /** Where this matrix takes a point. */
    public Vec3 apply(Vec3 p) {
        return new Vec3(m[0] * p.x() + m[4] * p.y() + m[8] * p.z() + m[12], m[1] * p.x() + m[5] * p.y() + m[9] * p.z() + m[13],
                m[2] * p.x() + m[6] * p.y() + m[10] * p.z() + m[14]);
    }

    /** The same linear part (rotation, scale, shear) with this translation. */
    public Matrix4 withTranslation(Vec3 t) {
        double[] out = m.clone();
        out[12] = t.x();
        out[13] = t.y();
        out[14] = t.z();
        return new Matrix4(out);
    }

    public Vec3 translationPart() {
        return new Vec3(m[12], m[13], m[14]);
    }

    /** The rotation of its axes: X as it points, Y made square to X, Z square to both (what is left is scale and shear). */
    public Quat rotationPart() {
        Vec3 x = column(0).normalized();
        Vec3 y = column(1).minus(x.times(column(1).dot(x))).normalized();
        return Quat.fromColumns(x, y, x.cross(y));
    }

    /** How far from square its axes are: the largest |cos| of the angle between two of them (0 without shear). */
    public double shear() {
        Vec3 x = column(0).normalized(), y = column(1).normalized(), z = column(2).normalized();
        return Math.max(Math.abs(x.dot(y)), Math.max(Math.abs(y.dot(z)), Math.abs(z.dot(x))));
    }

    private Vec3 column(int c) {
        return new Vec3(m[4 * c], m[4 * c + 1], m[4 * c + 2]);
    }

    /** Its rotation, translation and mean axis scale (shear dropped). */
    public Transform transform() {
        Vec3 x = new Vec3(m[0], m[1], m[2]), y = new Vec3(m[4], m[5], m[6]), z = new Vec3(m[8], m[9], m[10]);
        return new Transform(Quat.fromColumns(x.normalized(), y.normalized(), z.normalized()), new Vec3(m[12], m[13], m[14]),
                (x.length() + y.length() + z.length()) / 3);
    }
}
