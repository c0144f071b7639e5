package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.Landmarks;

/**
 * Places one frame's landmarks in camera space. The world landmarks give a metric body shape
 * around the hips; its translation is the least-squares fit of its projection to the 2D
 * landmarks, unless that fit's depth is implausible for the body's size in the picture
 * ({@link #rootTranslation}). Because the 2D landmarks are far more accurate than the world landmarks' depth,
 * each landmark is then put on its own camera ray, at the depth the shape gives it.
 */
final class Lifter {
    /** Below this weight a landmark's ray is not trusted and the shape point is used instead. */
    private static final double RAY_TRUST = 0.5;

    private Lifter() {
    }

    /** @param scale subject size relative to the world landmarks' average adult */
    static Observation lift(double time, Landmarks l, Camera camera, double scale) {
        int n = BlazePose.COUNT;
        double[] pixels = new double[2 * n], weight = new double[n];
        Vec3[] body = new Vec3[n];
        for (int i = 0; i < n; i++) {
            pixels[2 * i] = l.image()[3 * i];
            pixels[2 * i + 1] = l.image()[3 * i + 1];
            weight[i] = l.visibility()[i] * l.presence()[i];
            body[i] = new Vec3(l.world()[3 * i], l.world()[3 * i + 1], l.world()[3 * i + 2]).times(scale);
        }
        return place(time, pixels, weight, body, l.score(), null, camera, 1);
    }

    /**
     * The observation with its body shape replaced by {@code body} (root-relative, camera axes,
     * metres) and the feet's contact probabilities by {@code footContact}; {@code rayPull} (0–1)
     * says how far a well-seen landmark goes from the shape onto its own camera ray.
     */
    static Observation reshape(Observation o, Vec3[] body, double[] footContact, Camera camera, double rayPull) {
        return place(o.time(), o.pixels(), o.weight(), body, o.score(), footContact, camera, rayPull);
    }

    /** Root-relative body shape of an observation. */
    static Vec3[] bodyShape(Observation o) {
        Vec3 root = LandmarkRecovery.pelvis(o.shape());
        Vec3[] body = new Vec3[o.shape().length];
        for (int i = 0; i < body.length; i++) {
            body[i] = o.shape()[i].minus(root);
        }
        return body;
    }

    private static Observation place(double time, double[] pixels, double[] weight, Vec3[] body, double score, double[] footContact,
                                     Camera camera, double rayPull) {
        int n = body.length;
        Vec3 t = rootTranslation(body, pixels, weight, camera);
        Vec3[] shape = new Vec3[n], lifted = new Vec3[n];
        for (int i = 0; i < n; i++) {
            shape[i] = body[i].plus(t);
            Vec3 onRay = camera.unproject(pixels[2 * i], pixels[2 * i + 1], shape[i].z());
            double trust = rayPull * Math.min(1, weight[i] / RAY_TRUST);
            lifted[i] = shape[i].lerp(onRay, trust);
        }
        return new Observation(time, pixels, lifted, shape, weight, score, footContact);
    }

    /**
     * Solves f·(S + T)ₓ = (u − cx)·(S + T)_z and the same for y, for the translation T of the
     * shape S, weighted least squares over all landmarks (linear in T). For a small or distant
     * figure whose shape disagrees with the picture that fit is ill-conditioned (it put a walker
     * 7–9 m away anywhere from 12 m in front of the camera to 5 m behind it), so where its depth
     * is more than a factor {@code e^DEPTH_GUARD} from the depth that size alone gives, the latter
     * is taken.
     */
    static Vec3 rootTranslation(Vec3[] shape, double[] pixels, double[] weight, Camera camera) {
        Vec3 fitted = leastSquares(shape, pixels, weight, camera), bySize = fromSize(shape, pixels, weight, camera);
        return takeSize(fitted, bySize) ? bySize : fitted;
    }

    /** Whether the observation's shape is placed by its size because the full fit disagreed with it. */
    static boolean placedBySize(Observation o, Camera camera) {
        Vec3[] body = bodyShape(o);
        return takeSize(leastSquares(body, o.pixels(), o.weight(), camera), fromSize(body, o.pixels(), o.weight(), camera));
    }

    /** The size-based placement replaces the fitted one where it is sound and the fitted depth is not near it. */
    private static boolean takeSize(Vec3 fitted, Vec3 bySize) {
        boolean sound = bySize.z() > 0 && Double.isFinite(bySize.z()) && Double.isFinite(bySize.x()) && Double.isFinite(bySize.y());
        return sound && !(fitted.z() > 0 && Math.abs(Math.log(fitted.z() / bySize.z())) <= DEPTH_GUARD);
    }

    /** The translation of the least-squares fit alone (see {@link #rootTranslation}). */
    static Vec3 leastSquares(Vec3[] shape, double[] pixels, double[] weight, Camera camera) {
        double[][] a = new double[3][3];
        double[] b = new double[3];
        double f = camera.focal();
        for (int i = 0; i < shape.length; i++) {
            double w = Math.max(weight[i], 1e-3);
            double du = pixels[2 * i] - camera.cx(), dv = pixels[2 * i + 1] - camera.cy();
            accumulate(a, b, w, new double[]{f, 0, -du}, du * shape[i].z() - f * shape[i].x());
            accumulate(a, b, w, new double[]{0, f, -dv}, dv * shape[i].z() - f * shape[i].y());
        }
        double[] t = LinearAlgebra.solve(a, b);
        return new Vec3(t[0], t[1], t[2]);
    }

    private static final double DEPTH_GUARD = 0.25;

    private static void accumulate(double[][] a, double[] b, double w, double[] row, double rhs) {
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                a[r][c] += w * row[r] * row[c];
            }
            b[r] += w * row[r] * rhs;
        }
    }

    /**
     * The translation whose depth comes from size alone: the depth at which the projected twelve
     * limb joints spread as far about their centre as the image's do (a fixed point, so it keeps
     * the perspective), with x and y then fitted as above at that depth; not finite where either
     * spread is nil (no size to go by).
     */
    static Vec3 fromSize(Vec3[] shape, double[] pixels, double[] weight, Camera camera) {
        double imageSpread = spread(pixels, weight), shapeSpread = shapeSpread(shape, weight);
        if (!(imageSpread > 1e-9) || !(shapeSpread > 1e-9)) {
            return new Vec3(Double.NaN, Double.NaN, Double.NaN);
        }
        double depth = camera.focal() * shapeSpread / imageSpread;
        Vec3 t = atDepth(shape, pixels, weight, camera, depth);
        for (int step = 0; step < SIZE_STEPS; step++) {
            double[] projected = new double[pixels.length];
            for (int i = 0; i < shape.length; i++) {
                double[] uv = camera.project(shape[i].plus(t));
                projected[2 * i] = uv[0];
                projected[2 * i + 1] = uv[1];
            }
            double ratio = spread(projected, weight) / imageSpread;
            if (!(ratio > 0) || !Double.isFinite(ratio)) {
                break;
            }
            depth *= ratio;
            t = atDepth(shape, pixels, weight, camera, depth);
            if (Math.abs(ratio - 1) < 1e-12) {
                break;
            }
        }
        return t;
    }

    private static final int SIZE_STEPS = 30;

    /** x and y of the translation for a root at {@code depth}, weighted least squares (linear in each). */
    private static Vec3 atDepth(Vec3[] shape, double[] pixels, double[] weight, Camera camera, double depth) {
        double f = camera.focal(), sx = 0, sy = 0, sw = 0;
        for (int i = 0; i < shape.length; i++) {
            double w = Math.max(weight[i], 1e-3), z = shape[i].z() + depth;
            sx += w * ((pixels[2 * i] - camera.cx()) * z / f - shape[i].x());
            sy += w * ((pixels[2 * i + 1] - camera.cy()) * z / f - shape[i].y());
            sw += w;
        }
        return new Vec3(sx / sw, sy / sw, depth);
    }

    /** Weighted RMS distance of the twelve limb joints' 2D points from their weighted centre. */
    private static double spread(double[] pixels, double[] weight) {
        double cu = 0, cv = 0, sw = 0;
        for (int j : BlazePose.MAJOR_JOINTS) {
            double w = Math.max(weight[j], 1e-3);
            cu += w * pixels[2 * j];
            cv += w * pixels[2 * j + 1];
            sw += w;
        }
        cu /= sw;
        cv /= sw;
        double sum = 0;
        for (int j : BlazePose.MAJOR_JOINTS) {
            double du = pixels[2 * j] - cu, dv = pixels[2 * j + 1] - cv;
            sum += Math.max(weight[j], 1e-3) * (du * du + dv * dv);
        }
        return Math.sqrt(sum / sw);
    }

    /** The same spread of the shape across the view (x and y), in metres: the starting depth's numerator. */
    private static double shapeSpread(Vec3[] shape, double[] weight) {
        double[] flat = new double[2 * shape.length];
        for (int i = 0; i < shape.length; i++) {
            flat[2 * i] = shape[i].x();
            flat[2 * i + 1] = shape[i].y();
        }
        return spread(flat, weight);
    }
}
