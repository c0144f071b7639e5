package dev.mocap.body;

/** An immutable 3-vector of doubles. */
public record Vec3(double x, double y, double z) {
    public static final Vec3 ZERO = new Vec3(0, 0, 0);
    public static final Vec3 X = new Vec3(1, 0, 0), Y = new Vec3(0, 1, 0), Z = new Vec3(0, 0, 1);

    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    public Vec3 times(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public Vec3 cross(Vec3 o) {
        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    public double length() {
        return Math.sqrt(dot(this));
    }

    /** This vector scaled to length 1 (unchanged if it has no length). */
    public Vec3 normalized() {
        double l = length();
        return l > 0 ? times(1 / l) : this;
    }

    public double distance(Vec3 o) {
        return minus(o).length();
    }

    /** The angle between this direction and {@code o}'s, in radians (0 to π). */
    public double angle(Vec3 o) {
        return Math.acos(Math.max(-1, Math.min(1, normalized().dot(o.normalized()))));
    }

    /** Linear interpolation: {@code this} at t = 0, {@code o} at t = 1. */
    public Vec3 lerp(Vec3 o, double t) {
        return new Vec3(x + (o.x - x) * t, y + (o.y - y) * t, z + (o.z - z) * t);
    }

    public double get(int axis) {
        return axis == 0 ? x : axis == 1 ? y : z;
    }
}
