package dev.mocap.format;

import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

/**
 * Euler angle orders, named by matrix product order as BVH lists its channels: {@code ZXY} means
 * R = Rz(a) · Rx(b) · Ry(c), so the last axis is applied first. FBX and Blender name orders the
 * other way round: their "XYZ" is {@link #ZYX} here. Angles are in radians.
 */
public enum EulerOrder {
    XYZ(0, 1, 2), XZY(0, 2, 1), YXZ(1, 0, 2), YZX(1, 2, 0), ZXY(2, 0, 1), ZYX(2, 1, 0);

    /** Below this |cos(middle angle)| the outer angles are no longer separable (gimbal lock). */
    private static final double GIMBAL_LOCK = 1e-8;
    private static final Vec3[] UNIT = {Vec3.X, Vec3.Y, Vec3.Z};

    private final int first, second, third;

    EulerOrder(int first, int second, int third) {
        this.first = first;
        this.second = second;
        this.third = third;
    }

    /** The axis (0 = X, 1 = Y, 2 = Z) at a position (0, 1, 2) of the product. */
    public int axis(int position) {
        return position == 0 ? first : position == 1 ? second : third;
    }

    /** The rotation R_first(a) · R_second(b) · R_third(c). */
    public Quat toQuat(double a, double b, double c) {
        return Quat.axisAngle(UNIT[first], a).times(Quat.axisAngle(UNIT[second], b)).times(Quat.axisAngle(UNIT[third], c));
    }

    /** The angles {a, b, c} of a rotation, with the middle angle b in [−π/2, π/2]. */
    public double[] angles(Quat q) {
        Vec3[] columns = {q.rotate(Vec3.X), q.rotate(Vec3.Y), q.rotate(Vec3.Z)};
        // Cyclic orders (XYZ, YZX, ZXY) and the others differ in the signs of the matrix terms.
        double s = (second - first + 3) % 3 == 1 ? 1 : -1;
        double cosB = Math.hypot(element(columns, first, first), element(columns, first, second));
        return new double[]{
                Math.atan2(-s * element(columns, second, third), element(columns, third, third)),
                Math.atan2(s * element(columns, first, third), cosB),
                Math.atan2(-s * element(columns, first, second), element(columns, first, first))};
    }

    /**
     * The angles of a rotation closest to {@code previous} (the "Euler filter"): of the two
     * equivalent triples (a, b, c) and (a + π, π − b, c + π), each shifted by whole turns, the one
     * nearest the previous frame's, so that curves do not jump by 360° or flip. At gimbal lock the
     * third angle keeps its previous value. Without a previous triple: {@link #angles(Quat)}.
     */
    public double[] anglesNear(Quat q, double[] previous) {
        double[] canonical = angles(q);
        if (previous == null) {
            return canonical;
        }
        if (Math.cos(canonical[1]) < GIMBAL_LOCK) {
            double c = previous[2], b = canonical[1];
            Quat firstAxisOnly = q.times(Quat.axisAngle(UNIT[third], -c)).times(Quat.axisAngle(UNIT[second], -b));
            double a = 2 * Math.atan2(component(firstAxisOnly, first), firstAxisOnly.w());
            return unwrapped(new double[]{a, b, c}, previous);
        }
        double[] one = unwrapped(canonical, previous);
        double[] other = unwrapped(new double[]{canonical[0] + Math.PI, Math.PI - canonical[1], canonical[2] + Math.PI}, previous);
        return distance(one, previous) <= distance(other, previous) ? one : other;
    }

    /** Row r, column c of the rotation matrix given by its columns. */
    private static double element(Vec3[] columns, int r, int c) {
        return columns[c].get(r);
    }

    private static double component(Quat q, int axis) {
        return axis == 0 ? q.x() : axis == 1 ? q.y() : q.z();
    }

    private static double[] unwrapped(double[] angles, double[] reference) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = angles[i] + 2 * Math.PI * Math.rint((reference[i] - angles[i]) / (2 * Math.PI));
        }
        return out;
    }

    private static double distance(double[] a, double[] b) {
        return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
    }
}
