package dev.mocap.recover;

import dev.mocap.body.Vec3;

/**
 * One frame's evidence about the body, in camera space (x right, y down, z forward, metres):
 * per BlazePose landmark its pixel position, its point on the camera ray at the depth the world
 * landmarks give ({@code lifted}), the world-landmark shape placed at the fitted root
 * ({@code shape}), and a weight in [0, 1] (visibility × presence).
 */
public record Observation(double time, double[] pixels, Vec3[] lifted, Vec3[] shape, double[] weight, double score) {

    public double u(int landmark) {
        return pixels[2 * landmark];
    }

    public double v(int landmark) {
        return pixels[2 * landmark + 1];
    }
}
