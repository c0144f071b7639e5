package dev.mocap.format;

import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;

import java.util.Arrays;

/**
 * The pose exported files bind bones and mesh in: the skeleton's rest pose (a T-pose with
 * world-aligned joint frames) standing with its lowest joint on the floor, y = 0, below the origin.
 */
public final class BindPose {

    /** How far the rest pose (root at the origin) is moved up to stand on the floor. */
    public static Vec3 lift(Skeleton skeleton) {
        double lowest = Arrays.stream(skeleton.restPositions()).mapToDouble(Vec3::y).min().orElse(0);
        return new Vec3(0, -lowest, 0);
    }

    /** World position of every joint in the bind pose (metres). */
    public static Vec3[] jointPositions(Skeleton skeleton) {
        Vec3 lift = lift(skeleton);
        return Arrays.stream(skeleton.restPositions()).map(p -> p.plus(lift)).toArray(Vec3[]::new);
    }

    private BindPose() {
    }
}
