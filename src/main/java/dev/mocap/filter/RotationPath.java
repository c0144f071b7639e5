package dev.mocap.filter;

import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

/**
 * A sequence of rotations laid out as a continuous path in rotation-vector space, where linear
 * filters can work: r₀ = 0, rₜ = rₜ₋₁ + log(qₜ₋₁⁻¹ · qₜ). Each step is the shortest turn between
 * neighbouring frames, so the path does not care which of ±q a frame stores and does not wrap
 * at 180° (a dancer's spins keep adding up). A filtered path r̃ maps back as
 * qₜ · exp(r̃ₜ − rₜ): only the filter's correction goes through the approximation, so a
 * filter that changes nothing gives back the input exactly.
 */
public final class RotationPath {
    private final Quat[] rotations;
    private final double[][] path;

    private RotationPath(Quat[] rotations, double[][] path) {
        this.rotations = rotations;
        this.path = path;
    }

    public static RotationPath of(Quat[] rotations) {
        int n = rotations.length;
        double[][] path = new double[3][n];
        for (int t = 1; t < n; t++) {
            Vec3 step = rotations[t - 1].conjugate().times(rotations[t]).log();
            for (int a = 0; a < 3; a++) {
                path[a][t] = path[a][t - 1] + step.get(a);
            }
        }
        return new RotationPath(rotations, path);
    }

    /** The path's coordinate on one axis (0, 1, 2), one value per frame; do not modify. */
    public double[] axis(int axis) {
        return path[axis];
    }

    /** The rotations moved onto a filtered version of the path ({@code filtered[axis][frame]}). */
    public Quat[] along(double[][] filtered) {
        Quat[] out = new Quat[rotations.length];
        for (int t = 0; t < out.length; t++) {
            Vec3 correction = new Vec3(filtered[0][t] - path[0][t], filtered[1][t] - path[1][t], filtered[2][t] - path[2][t]);
            out[t] = rotations[t].times(Quat.exp(correction)).normalized();
        }
        return out;
    }
}
