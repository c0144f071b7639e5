package dev.mocap.smpl;

import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.math.Cholesky;

/**
 * SMPL shape parameters β whose skeleton has the measured bone lengths: Gauss–Newton on the 23
 * bone-length residuals |J_j(β) − J_parent(β)| − L_j, with a small ridge on β that keeps shape
 * directions the lengths do not determine at zero. J(β) is linear in β, so each step is a small
 * least-squares problem (betas unknowns). Each beta is kept within ±{@value #LIMIT} standard
 * deviations, where SMPL bodies stop looking human.
 *
 * @param rmsError RMS of the bone-length residuals after the fit (metres)
 * @param maxError the largest residual (metres)
 */
public record BetaFit(double[] betas, double rmsError, double maxError) {
    private static final int ITERATIONS = 30;
    /**
     * The prior on β (SMPL's betas are scaled to unit variance over people), against squared
     * metres of bone-length residual: one standard deviation costs as much as 1 mm on a bone, so
     * directions the lengths hardly determine stay near the average body instead of running off.
     */
    private static final double RIDGE = 1e-6;
    private static final double LIMIT = 5;

    public static BetaFit fit(SmplModel model, Skeleton measured) {
        if (!measured.names().equals(Smpl24.NAMES)) {
            throw new IllegalArgumentException("betas are fitted to an SMPL-24 skeleton");
        }
        int n = model.betaCount();
        double[] beta = new double[n];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[][] normal = new double[n][n];
            double[] gradient = new double[n];
            Vec3[] joints = model.joints(beta);
            for (int j = 1; j < Smpl24.COUNT; j++) {
                int p = measured.parent(j);
                Vec3 bone = joints[j].minus(joints[p]);
                double length = bone.length();
                if (length < 1e-9) {
                    continue;
                }
                double residual = length - measured.boneLength(j);
                Vec3 unit = bone.times(1 / length);
                double[] row = new double[n];
                for (int b = 0; b < n; b++) {
                    row[b] = unit.dot(model.jointDirection(j, b).minus(model.jointDirection(p, b)));
                }
                for (int a = 0; a < n; a++) {
                    gradient[a] += row[a] * residual;
                    for (int b = 0; b < n; b++) {
                        normal[a][b] += row[a] * row[b];
                    }
                }
            }
            for (int a = 0; a < n; a++) {
                normal[a][a] += RIDGE;
                gradient[a] += RIDGE * beta[a];
            }
            double[] step = Cholesky.solve(normal, gradient);
            double size = 0;
            for (int a = 0; a < n; a++) {
                double next = Math.max(-LIMIT, Math.min(LIMIT, beta[a] - step[a]));
                size = Math.max(size, Math.abs(next - beta[a]));
                beta[a] = next;
            }
            if (size < 1e-10) {
                break;
            }
        }
        return withErrors(model, measured, beta);
    }

    private static BetaFit withErrors(SmplModel model, Skeleton measured, double[] beta) {
        Vec3[] joints = model.joints(beta);
        double sum = 0, max = 0;
        for (int j = 1; j < Smpl24.COUNT; j++) {
            double e = Math.abs(joints[j].distance(joints[measured.parent(j)]) - measured.boneLength(j));
            sum += e * e;
            max = Math.max(max, e);
        }
        return new BetaFit(beta, Math.sqrt(sum / (Smpl24.COUNT - 1)), max);
    }
}
