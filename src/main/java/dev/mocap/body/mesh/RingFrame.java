package dev.mocap.body.mesh;

import dev.mocap.body.Vec3;

/**
 * The orientation of a loop of vertices around a tube: the tube's direction and two axes across
 * it, right-handed ({@code first × second = axis}), so increasing angles run counter-clockwise
 * about the axis.
 */
record RingFrame(Vec3 axis, Vec3 first, Vec3 second) {

    /** The frame about {@code axis} whose first axis is {@code reference} made perpendicular to it. */
    static RingFrame of(Vec3 axis, Vec3 reference) {
        Vec3 d = axis.normalized();
        Vec3 first = reference.minus(d.times(reference.dot(d))).normalized();
        return new RingFrame(d, first, d.cross(first));
    }

    /** The point at {@code degrees} on the ellipse with semi-axes r1 along the first axis and r2 along the second. */
    Vec3 point(Vec3 centre, double degrees, double r1, double r2) {
        double a = Math.toRadians(degrees);
        return centre.plus(first.times(r1 * Math.cos(a))).plus(second.times(r2 * Math.sin(a)));
    }
}
