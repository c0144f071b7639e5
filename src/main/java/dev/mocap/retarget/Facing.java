package dev.mocap.retarget;

import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

import java.util.Arrays;
import java.util.List;

/**
 * Which way a character stands, told by its feet, which point forward. First by its skeleton:
 * the bones low on the body that run more along the floor than up it (ankle to ball of the foot,
 * toes; not the shins) summed as horizontal vectors; splayed feet cancel sideways, so the sum
 * points where the toes do. A rig whose feet end at the ankle says nothing that way; then its
 * mesh does, where it has one: the soles reach further forward of the ankles than back. The way
 * found is rounded to the nearest of +Z, +X, −Z and −X: characters are made facing along an
 * axis, and the rounding keeps one that faces +Z exactly as it is.
 */
final class Facing {
    /** Bones ending below this fraction of the height are foot bones. */
    private static final double FOOT_REGION = 0.15;
    /** Mesh vertices below this fraction of the height are the soles. */
    private static final double SOLE_REGION = 0.05;
    /** Feet shorter than this fraction of the height, summed, tell nothing; nor soles less far forward of the ankles. */
    private static final double MIN_FOOT = 0.02, MIN_SOLE = 0.01;
    private static final List<String> DIRECTIONS = List.of("+Z", "+X", "−Z", "−X");

    /** The quarter turn about +Y that makes the character face +Z, and the way it faced. */
    record Turn(Quat rotation, String faced) {
    }

    /**
     * The turn, or null when the character faces +Z or neither its feet bones nor its mesh
     * ({@code mesh}: world positions, or null) tell.
     */
    static Turn toFront(int[] parents, Vec3[] rest, Vec3[] mesh) {
        double floor = Arrays.stream(rest).mapToDouble(Vec3::y).min().orElse(0);
        double height = Arrays.stream(rest).mapToDouble(Vec3::y).max().orElse(0) - floor;
        if (!(height > 0)) {
            return null;
        }
        Vec3 toes = Vec3.ZERO, ankles = Vec3.ZERO;
        int lowBones = 0;
        for (int b = 0; b < rest.length; b++) {
            if (parents[b] >= 0 && rest[b].y() - floor < FOOT_REGION * height) {
                Vec3 bone = rest[b].minus(rest[parents[b]]);
                Vec3 along = new Vec3(bone.x(), 0, bone.z());
                toes = along.length() > Math.abs(bone.y()) ? toes.plus(along) : toes;
                ankles = ankles.plus(rest[b]);
                lowBones++;
            }
        }
        if (toes.length() < MIN_FOOT * height) {
            if (mesh == null || lowBones == 0) {
                return null;
            }
            Vec3 forward = soles(mesh, height).minus(ankles.times(1.0 / lowBones));
            toes = new Vec3(forward.x(), 0, forward.z());
            if (toes.length() < MIN_SOLE * height) {
                return null;
            }
        }
        int quarters = Math.floorMod((int) Math.round(Math.atan2(toes.x(), toes.z()) / (Math.PI / 2)), 4);
        return quarters == 0 ? null : new Turn(Quat.axisAngle(Vec3.Y, -quarters * Math.PI / 2), DIRECTIONS.get(quarters));
    }

    /** The middle of the mesh's lowest vertices (zero without a mesh below the region). */
    private static Vec3 soles(Vec3[] mesh, double height) {
        double floor = Arrays.stream(mesh).mapToDouble(Vec3::y).min().orElse(0);
        Vec3 sum = Vec3.ZERO;
        int n = 0;
        for (Vec3 v : mesh) {
            if (v.y() - floor < SOLE_REGION * height) {
                sum = sum.plus(v);
                n++;
            }
        }
        return n == 0 ? Vec3.ZERO : sum.times(1.0 / n);
    }

    private Facing() {
    }
}
