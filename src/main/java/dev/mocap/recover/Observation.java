package dev.mocap.recover;

import dev.mocap.body.Vec3;

/**
 * One frame's evidence about the body, in camera space (x right, y down, z forward, metres):
 * per BlazePose landmark its pixel position, its point on the camera ray at the depth the body
 * shape gives ({@code lifted}), the body shape (world landmarks, or the lifting network's) placed
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
