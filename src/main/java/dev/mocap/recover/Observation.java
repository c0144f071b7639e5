package dev.mocap.recover;

import dev.mocap.body.Vec3;

/**
 * One frame's evidence about the body, in camera space (x right, y down, z forward, metres):
 * per BlazePose landmark its pixel position, its lifted point ({@code lifted}: the body shape's
 * point moved toward the landmark's camera ray, onto it for well-seen landmarks with the world
 * landmarks as the shape, part of the way with the lifting network's), the body shape (world landmarks, or the lifting network's) placed
 * at the fitted root ({@code shape}), a weight in [0, 1] (visibility × presence), and the
 * probabilities that the left and right foot are planted ({@code footContact}; null where no
 * network judged them).
 */
public record Observation(double time, double[] pixels, Vec3[] lifted, Vec3[] shape, double[] weight, double score,
                          double[] footContact) {

    public Observation(double time, double[] pixels, Vec3[] lifted, Vec3[] shape, double[] weight, double score) {
        this(time, pixels, lifted, shape, weight, score, null);
    }

    public double u(int landmark) {
        return pixels[2 * landmark];
    }

    public double v(int landmark) {
        return pixels[2 * landmark + 1];
    }
}
