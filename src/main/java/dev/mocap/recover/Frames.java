package dev.mocap.recover;

import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

/** Orthonormal frames (as rotations from world axes) built from one exact and one hinted axis. */
final class Frames {

    private Frames() {
    }

    /** X along {@code x}; Y as close to {@code yHint} as orthogonality allows. */
    static Quat xy(Vec3 x, Vec3 yHint) {
        Vec3 ex = x.normalized();
        Vec3 ey = orthogonal(yHint, ex, Vec3.Y);
        return Quat.fromColumns(ex, ey, ex.cross(ey));
    }

    /** Y along {@code y}; X as close to {@code xHint} as orthogonality allows. */
    static Quat yx(Vec3 y, Vec3 xHint) {
        Vec3 ey = y.normalized();
        Vec3 ex = orthogonal(xHint, ey, Vec3.X);
        return Quat.fromColumns(ex, ey, ex.cross(ey));
    }

    /** X along {@code x}; Z as close to {@code zHint} as orthogonality allows. */
    static Quat xz(Vec3 x, Vec3 zHint) {
        Vec3 ex = x.normalized();
        Vec3 ez = orthogonal(zHint, ex, Vec3.Z);
        return Quat.fromColumns(ex, ez.cross(ex), ez);
    }

    /** Z along {@code z}; Y as close to {@code yHint} as orthogonality allows. */
    static Quat zy(Vec3 z, Vec3 yHint) {
        Vec3 ez = z.normalized();
        Vec3 ey = orthogonal(yHint, ez, Vec3.Y);
        return Quat.fromColumns(ey.cross(ez), ey, ez);
    }

    /** {@code v} minus its component along unit {@code axis}, normalised; a fallback when parallel. */
    private static Vec3 orthogonal(Vec3 v, Vec3 axis, Vec3 fallback) {
        Vec3 o = v.minus(axis.times(v.dot(axis)));
        if (o.length() < 1e-9 * Math.max(v.length(), 1e-300)) {
            o = fallback.minus(axis.times(fallback.dot(axis)));
            if (o.length() < 1e-9) {
                o = axis.cross(Vec3.Z).length() > 1e-6 ? axis.cross(Vec3.Z) : axis.cross(Vec3.X);
            }
        }
        return o.normalized();
    }

    /** A unit vector mixing two unit directions: {@code a} with weight w, {@code b} with 1 − w. */
    static Vec3 blend(Vec3 a, Vec3 b, double w) {
        Vec3 m = a.normalized().times(w).plus(b.normalized().times(1 - w));
        return m.length() > 1e-9 ? m.normalized() : b.normalized();
    }
}
