package dev.mocap.body;

/**
 * An immutable rotation quaternion (w, x, y, z), Hamilton convention: {@code a.times(b)} applies
 * b first, then a, like matrices.
 */
public record Quat(double w, double x, double y, double z) {
    public static final Quat IDENTITY = new Quat(1, 0, 0, 0);

    /** Rotation by {@code angle} radians about {@code axis} (any length but zero). */
    public static Quat axisAngle(Vec3 axis, double angle) {
        Vec3 a = axis.normalized();
        double s = Math.sin(angle / 2);
        return new Quat(Math.cos(angle / 2), a.x() * s, a.y() * s, a.z() * s);
    }

    /** From a rotation vector (axis × angle in radians), as in SMPL pose vectors. */
    public static Quat exp(Vec3 rotationVector) {
        double angle = rotationVector.length();
        if (angle < 1e-12) {
            return new Quat(1, rotationVector.x() / 2, rotationVector.y() / 2, rotationVector.z() / 2).normalized();
        }
        return axisAngle(rotationVector, angle);
    }

    /** The shortest rotation taking direction {@code from} onto direction {@code to}. */
    public static Quat between(Vec3 from, Vec3 to) {
        Vec3 a = from.normalized(), b = to.normalized();
        double d = a.dot(b);
        if (d < -1 + 1e-12) {
            Vec3 axis = Math.abs(a.x()) < 0.9 ? a.cross(Vec3.X) : a.cross(Vec3.Y);
            return axisAngle(axis, Math.PI);
        }
        Vec3 c = a.cross(b);
        return new Quat(1 + d, c.x(), c.y(), c.z()).normalized();
    }

    /** From a rotation matrix given by its columns (the images of the x, y and z axes). */
    public static Quat fromColumns(Vec3 cx, Vec3 cy, Vec3 cz) {
        double m00 = cx.x(), m10 = cx.y(), m20 = cx.z();
        double m01 = cy.x(), m11 = cy.y(), m21 = cy.z();
        double m02 = cz.x(), m12 = cz.y(), m22 = cz.z();
        double trace = m00 + m11 + m22;
        Quat q;
        if (trace > 0) {
            double s = Math.sqrt(trace + 1) * 2;
            q = new Quat(s / 4, (m21 - m12) / s, (m02 - m20) / s, (m10 - m01) / s);
        } else if (m00 > m11 && m00 > m22) {
            double s = Math.sqrt(1 + m00 - m11 - m22) * 2;
            q = new Quat((m21 - m12) / s, s / 4, (m01 + m10) / s, (m02 + m20) / s);
        } else if (m11 > m22) {
            double s = Math.sqrt(1 + m11 - m00 - m22) * 2;
            q = new Quat((m02 - m20) / s, (m01 + m10) / s, s / 4, (m12 + m21) / s);
        } else {
            double s = Math.sqrt(1 + m22 - m00 - m11) * 2;
            q = new Quat((m10 - m01) / s, (m02 + m20) / s, (m12 + m21) / s, s / 4);
        }
        return q.normalized();
    }

    public Quat times(Quat o) {
        return new Quat(
                w * o.w - x * o.x - y * o.y - z * o.z,
                w * o.x + x * o.w + y * o.z - z * o.y,
                w * o.y - x * o.z + y * o.w + z * o.x,
                w * o.z + x * o.y - y * o.x + z * o.w);
    }

    /** The inverse rotation (for a unit quaternion). */
    public Quat conjugate() {
        return new Quat(w, -x, -y, -z);
    }

    public Vec3 rotate(Vec3 v) {
        // v + 2w(u × v) + 2u × (u × v), with u the vector part.
        double tx = 2 * (y * v.z() - z * v.y()), ty = 2 * (z * v.x() - x * v.z()), tz = 2 * (x * v.y() - y * v.x());
        return new Vec3(v.x() + w * tx + (y * tz - z * ty), v.y() + w * ty + (z * tx - x * tz), v.z() + w * tz + (x * ty - y * tx));
    }

    public double dot(Quat o) {
        return w * o.w + x * o.x + y * o.y + z * o.z;
    }

    public Quat normalized() {
        double n = Math.sqrt(dot(this));
        return new Quat(w / n, x / n, y / n, z / n);
    }

    public Quat negated() {
        return new Quat(-w, -x, -y, -z);
    }

    /** This quaternion or its negation, whichever is in the hemisphere of {@code reference}. */
    public Quat nearTo(Quat reference) {
        return dot(reference) < 0 ? negated() : this;
    }

    /** The rotation vector (axis × angle, angle in [0, π]). */
    public Vec3 log() {
        Quat q = w < 0 ? negated() : this;
        double s = Math.sqrt(q.x * q.x + q.y * q.y + q.z * q.z);
        if (s < 1e-12) {
            return new Vec3(2 * q.x, 2 * q.y, 2 * q.z);
        }
        double angle = 2 * Math.atan2(s, q.w);
        return new Vec3(q.x, q.y, q.z).times(angle / s);
    }

    /** Rotation angle in radians, in [0, π]. */
    public double angle() {
        return log().length();
    }

    /** Spherical interpolation along the shorter arc: this at t = 0, {@code o} at t = 1. */
    public Quat slerp(Quat o, double t) {
        Quat delta = conjugate().times(o.nearTo(this));
        return times(exp(delta.log().times(t))).normalized();
    }
}
