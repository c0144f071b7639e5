package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.ForwardKinematics;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;

import java.util.Arrays;

/**
 * Refines the whole sequence at once. The energy, per frame, is
 * <ul>
 *   <li>2D reprojection: each attached landmark point projected through the camera against the
 *       landmark's pixels (residual scaled to metres at the point's depth), weighted by its
 *       visibility — the strongest evidence;</li>
 *   <li>depth: the point's distance along its camera ray from the lifted landmark (world-landmark
 *       depth), weighted by how steady depth is compared with 2D in this clip — for real
 *       landmark models it is the least accurate output;</li>
 *   <li>smoothness: root position and joint rotations against the midpoint of the previous and
 *       next frames (a discrete acceleration), weighted by the clip's measured noise;</li>
 *   <li>joint limits: knees and elbows bend one way only and barely twist sideways; collars
 *       prefer their rest orientation;</li>
 *   <li>foot contacts: a heel or toe that is low and slow (or, on a foot the lifting network
 *       judges planted, low or at least the lower foot) is held, for the whole run of frames
 *       it stays planted, at the run's mean position and on the floor — this anchors the root,
 *       whose depth is the noisiest quantity, and keeps planted feet from sliding. A run well
 *       above the floor (a person on a box, a step, a stage) is held at its own height. A foot
 *       the network judges planted that is neither low nor the lower foot is lifted: its
 *       contact is dropped, unless the foot stands still in the image ({@link StillFeet}).</li>
 * </ul>
 * Bone lengths are constant by construction. The energy is minimised by Gauss–Seidel sweeps
 * over the frames, each frame taking one damped Gauss–Newton step with analytic Jacobians.
 */
final class TemporalFit {
    /** Weight of the depth term when depth is as reliable as the 2D landmarks. */
    private static final double DEPTH_WEIGHT = 1.0;
    /** Collars may turn (shrugs, a torso that is not rigid) but prefer rest: weight per radian. */
    private static final double COLLAR_PRIOR = 0.05;
    private static final double MIN_DEPTH_WEIGHT = 0.2;
    private static final double ROOT_SMOOTHNESS = 2.0;
    private static final double ROTATION_SMOOTHNESS = 0.5;
    private static final double LIMIT_WEIGHT = 2.0;
    private static final double CONTACT_WEIGHT = 3.0;
    private static final double FLOOR_WEIGHT = 1.0;
    /** A foot point is in contact below this height (m) and horizontal speed (m/s). */
    private static final double CONTACT_HEIGHT = 0.06, CONTACT_SPEED = 0.4;
    /**
     * A foot the network judges planted is planted wherever it is no more than
     * {@link #LOWER_FOOT_MARGIN} above the other foot (a raised foot is higher than the standing
     * one). A foot whose run is on average below this height (m) is pulled onto the floor, so that
     * a depth error that lifts the whole body is brought, with the root, down; a higher run stands
     * on something raised and is held at its height, if it rises or falls by no more than
     * {@link #RAISED_SPREAD} (until this release it was dropped: a person on a 2 m box in
     * {@code sports2d/demo.mp4} had 4 % of foot-frames planted and slid 35 mm/frame).
     */
    private static final double JUDGED_CONTACT_HEIGHT = 0.3, LOWER_FOOT_MARGIN = 0.05, RAISED_SPREAD = 0.2;
    /**
     * A foot still in the image is planted below this height (m). Foot locking could bring the body
     * down to higher ones now, but planting them up to 0.3 m cost contact F1 on the held-out clips
     * (models/LIFTER.md, "Limits").
     */
    private static final double STILL_CONTACT_HEIGHT = 0.1;
    private static final double RAISED_STILL_S = 0.3;
    private static final double DAMPING = 1e-4;
    private static final int SWEEPS = 4;

    /** Joints moved together: a spine or neck chain shares one rotation split evenly. */
    private static final int[][] GROUPS = {
            {Smpl24.PELVIS}, {Smpl24.SPINE1, Smpl24.SPINE2, Smpl24.SPINE3}, {Smpl24.NECK, Smpl24.HEAD},
            {Smpl24.LEFT_HIP}, {Smpl24.RIGHT_HIP}, {Smpl24.LEFT_KNEE}, {Smpl24.RIGHT_KNEE},
            {Smpl24.LEFT_ANKLE}, {Smpl24.RIGHT_ANKLE}, {Smpl24.LEFT_SHOULDER}, {Smpl24.RIGHT_SHOULDER},
            {Smpl24.LEFT_ELBOW}, {Smpl24.RIGHT_ELBOW}, {Smpl24.LEFT_WRIST}, {Smpl24.RIGHT_WRIST},
            {Smpl24.LEFT_COLLAR}, {Smpl24.RIGHT_COLLAR}};
    private static final int PARAMS = 3 + 3 * GROUPS.length;
    static final java.util.Set<Integer> FOOT_LANDMARKS = java.util.Set.of(BlazePose.LEFT_HEEL, BlazePose.RIGHT_HEEL,
            BlazePose.LEFT_FOOT_INDEX, BlazePose.RIGHT_FOOT_INDEX);

    /** Soft bounds of a local rotation vector's components, radians (x, y, z). */
    private record Limit(int joint, double[] min, double[] max) {
    }

    private static final Limit[] LIMITS = {
            new Limit(Smpl24.LEFT_KNEE, new double[]{-0.15, -0.35, -0.2}, new double[]{2.7, 0.35, 0.2}),
            new Limit(Smpl24.RIGHT_KNEE, new double[]{-0.15, -0.35, -0.2}, new double[]{2.7, 0.35, 0.2}),
            new Limit(Smpl24.LEFT_ELBOW, new double[]{-1.6, -2.7, -0.35}, new double[]{1.6, 0.15, 0.35}),
            new Limit(Smpl24.RIGHT_ELBOW, new double[]{-1.6, -0.15, -0.35}, new double[]{1.6, 2.7, 0.35})};

    private final BodyModel body;
    private final Skeleton skeleton;
    private final Camera camera;
    private final double smoothness;
    private final double depthWeight;
    private final int[] groupOf = new int[Smpl24.COUNT];
    private final int[][] usedColumns;
    private final Attachment[] feet;

    /**
     * @param smoothness  factor on the smoothness terms
     * @param depthFactor factor on the depth term, 0..1, by how reliable depth is in this clip
     */
    TemporalFit(BodyModel body, Camera camera, double smoothness, double depthFactor) {
        this.body = body;
        this.skeleton = body.skeleton();
        this.camera = camera;
        this.smoothness = smoothness;
        this.depthWeight = DEPTH_WEIGHT * depthFactor;
        Arrays.fill(groupOf, -1);
        for (int g = 0; g < GROUPS.length; g++) {
            for (int j : GROUPS[g]) {
                groupOf[j] = g;
            }
        }
        usedColumns = usedColumns();
        feet = body.attachments().stream().filter(a -> FOOT_LANDMARKS.contains(a.landmark())).toArray(Attachment[]::new);
    }

    void refine(Track track, Grid grid) {
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            Vec3[][] anchors = anchors(footPoints(track), track, grid.fps());
            for (int k = 0; k < track.size(); k++) {
                if (track.has(k)) {
                    step(track, grid, k, anchors);
                }
            }
        }
        Vec3[][] points = footPoints(track);
        dropLiftedContacts(track, grid, points);
        plantStillFeet(track, grid, points);
    }

    /**
     * Feet still in the image ({@link StillFeet}) that the fit leaves no higher than the other
     * foot, where the network judged the frame but not that foot: planted too, for foot locking,
     * within reach of the floor, or raised (a box, a step) where the still run lasts at least
     * {@link #RAISED_STILL_S} and is steady as a judged raised run must be (a jump's top is still
     * for a frame or two). They do not anchor the fit: a held foot that the fit cannot bring down
     * would pull the body off the picture.
     */
    private void plantStillFeet(Track track, Grid grid, Vec3[][] points) {
        int minRaisedRun = (int) Math.ceil(RAISED_STILL_S * grid.fps());
        for (int side = 0; side < 2; side++) {
            boolean left = side == 0;
            boolean[] still = new boolean[track.size()];
            for (int k = 0; k < still.length; k++) {
                still[k] = stillLowerFoot(track, grid, points, k, side);
            }
            int k = 0;
            while (k < still.length) {
                if (!still[k]) {
                    k++;
                    continue;
                }
                int end = k;
                double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
                while (end < still.length && still[end]) {
                    low = Math.min(low, lowest(points[end], left));
                    high = Math.max(high, lowest(points[end], left));
                    end++;
                }
                boolean steady = end - k >= minRaisedRun && high - low <= RAISED_SPREAD;
                for (int f = k; f < end; f++) {
                    double height = lowest(points[f], left);
                    if (height < STILL_CONTACT_HEIGHT || steady && height >= JUDGED_CONTACT_HEIGHT) {
                        track.addContact(f, side);
                    }
                }
                k = end;
            }
        }
    }

    /** Foot {@code side} is still in the image, no higher than the other, and not judged planted where the network judged the frame. */
    private boolean stillLowerFoot(Track track, Grid grid, Vec3[][] points, int k, int side) {
        double[] judged = track.footContact(k);
        return judged != null && judged[side] <= Track.PLANTED
                && lowest(points[k], side == 0) <= lowest(points[k], side != 0) + LOWER_FOOT_MARGIN
                && StillFeet.still(grid, k, side, camera.focal());
    }

    /**
     * Drops contacts the network judged on a foot that the fit leaves neither low nor the lower
     * foot, and raised ones (at least {@link #JUDGED_CONTACT_HEIGHT} up) whose run of judged
     * frames rises or falls by more than {@link #RAISED_SPREAD}: a foot in mid-air, not on a step.
     * A foot that stands still in the image ({@link StillFeet}) keeps its contact: the network and
     * the picture agree that it is planted, so the height the fit gives it is what is wrong. (On
     * the held-out rendered clips in varied looks, 39 of the 157 truly planted foot-frames that
     * the output missed had been judged planted and dropped here.)
     */
    void dropLiftedContacts(Track track, Grid grid, Vec3[][] points) {
        for (int side = 0; side < 2; side++) {
            boolean left = side == 0;
            int k = 0;
            while (k < track.size()) {
                if (!judgedPlanted(track, k, side)) {
                    k++;
                    continue;
                }
                int end = k;
                while (end < track.size() && judgedPlanted(track, end, side)) {
                    end++;
                }
                double[] heights = new double[end - k];
                for (int f = k; f < end; f++) {
                    heights[f - k] = lowest(points[f], left);
                }
                double low = Arrays.stream(heights).min().orElseThrow(), high = Arrays.stream(heights).max().orElseThrow();
                boolean wavering = high - low > RAISED_SPREAD;
                for (int f = k; f < end; f++) {
                    double height = heights[f - k];
                    double limit = Math.max(CONTACT_HEIGHT, lowest(points[f], !left) + LOWER_FOOT_MARGIN);
                    if ((height > limit || height >= JUDGED_CONTACT_HEIGHT && wavering) && !StillFeet.still(grid, f, side, camera.focal())) {
                        track.dropContact(f, side);
                    }
                }
                k = end;
            }
        }
    }

    private static boolean judgedPlanted(Track track, int k, int side) {
        double[] judged = track.has(k) ? track.footContact(k) : null;
        return judged != null && judged[side] > Track.PLANTED;
    }

    /** Height of the lowest heel or toe of one foot. */
    private double lowest(Vec3[] points, boolean left) {
        double y = Double.POSITIVE_INFINITY;
        for (int i = 0; i < feet.length; i++) {
            if (BlazePose.isLeft(feet[i].landmark()) == left) {
                y = Math.min(y, points[i].y());
            }
        }
        return y;
    }

    /** Per frame, the world positions of the foot attachments (heels and toes), or null. */
    private Vec3[][] footPoints(Track track) {
        Vec3[][] out = new Vec3[track.size()][];
        for (int k = 0; k < track.size(); k++) {
            if (track.has(k)) {
                Quat[] world = ForwardKinematics.worldRotations(skeleton, track.rotations[k]);
                Vec3[] joints = ForwardKinematics.positions(skeleton, track.root[k], track.rotations[k]);
                out[k] = new Vec3[feet.length];
                for (int i = 0; i < feet.length; i++) {
                    out[k][i] = feet[i].position(joints, world);
                }
            }
        }
        return out;
    }

    /**
     * Per frame and foot point, where it is planted (the mean of its positions over the run of
     * contact frames it belongs to), or null while it moves or is off the floor.
     */
    private Vec3[][] anchors(Vec3[][] points, Track track, double fps) {
        int frames = points.length, count = FOOT_LANDMARKS.size();
        Vec3[][] anchors = new Vec3[frames][count];
        for (int i = 0; i < count; i++) {
            int k = 0;
            while (k < frames) {
                if (!planted(points, track, k, i, fps)) {
                    k++;
                    continue;
                }
                int end = k;
                Vec3 sum = Vec3.ZERO;
                double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
                while (end < frames && planted(points, track, end, i, fps)) {
                    sum = sum.plus(points[end][i]);
                    low = Math.min(low, points[end][i].y());
                    high = Math.max(high, points[end][i].y());
                    end++;
                }
                boolean raised = sum.y() / (end - k) >= JUDGED_CONTACT_HEIGHT;
                if (end - k >= 2 && (!raised || high - low <= RAISED_SPREAD)) {
                    Vec3 anchor = sum.times(1.0 / (end - k));
                    for (int f = k; f < end; f++) {
                        anchors[f][i] = anchor;
                    }
                }
                k = end;
            }
        }
        return anchors;
    }

    /**
     * A foot point is planted when it is low and, where the lifting network judged the frame,
     * its foot is planted by the network's judgement; elsewhere when it is also slow.
     */
    private boolean planted(Vec3[][] points, Track track, int k, int i, double fps) {
        if (points[k] == null) {
            return false;
        }
        double[] judged = track.footContact(k);
        if (judged != null) {
            boolean left = BlazePose.isLeft(feet[i].landmark());
            double y = points[k][i].y();
            return judged[left ? 0 : 1] > Track.PLANTED && (y < CONTACT_HEIGHT
                    || lowest(points[k], left) <= lowest(points[k], !left) + LOWER_FOOT_MARGIN);
        }
        Vec3 before = k > 0 && points[k - 1] != null ? points[k - 1][i] : points[k][i];
        Vec3 after = k + 1 < points.length && points[k + 1] != null ? points[k + 1][i] : points[k][i];
        double speed = Math.hypot(after.x() - before.x(), after.z() - before.z()) * fps / 2;
        return points[k][i].y() < CONTACT_HEIGHT && speed < CONTACT_SPEED;
    }

    private void step(Track track, Grid grid, int k, Vec3[][] anchors) {
        Observation o = grid.at(k);
        Quat[] local = track.rotations[k];
        Quat[] world = ForwardKinematics.worldRotations(skeleton, local);
        Vec3[] joints = ForwardKinematics.positions(skeleton, track.root[k], local);
        double[][] h = new double[PARAMS][PARAMS];
        double[] g = new double[PARAMS];
        double[] row = new double[PARAMS];

        for (Attachment a : body.attachments()) {
            double w = o.weight()[a.landmark()];
            Vec3 p = a.position(joints, world);
            Vec3 c = camera.toCamera(p);
            if (c.z() < 0.1) {
                continue;
            }
            Vec3 rowU = camera.worldToCamera().conjugate().rotate(new Vec3(1, 0, -c.x() / c.z()));
            Vec3 rowV = camera.worldToCamera().conjugate().rotate(new Vec3(0, 1, -c.y() / c.z()));
            double scale = c.z() / camera.focal(), sw = Math.sqrt(w);
            double[] uv = camera.project(c);
            addPointRow(h, g, row, a, p, joints, world, rowU, sw * (uv[0] - o.u(a.landmark())) * scale, sw);
            addPointRow(h, g, row, a, p, joints, world, rowV, sw * (uv[1] - o.v(a.landmark())) * scale, sw);
            Vec3 target = worldPoint(o.lifted()[a.landmark()]);
            Vec3 ray = p.minus(camera.position()).normalized();
            double dw = depthWeight * Math.sqrt(Math.max(w, MIN_DEPTH_WEIGHT));
            addPointRow(h, g, row, a, p, joints, world, ray, dw * ray.dot(p.minus(target)), dw);
        }
        addContacts(h, g, row, joints, world, anchors[k]);
        addSmoothness(h, g, track, k);
        addLimits(h, g, local);
        addCollarPrior(h, g, local);
        for (int i = 0; i < PARAMS; i++) {
            h[i][i] += DAMPING + 1e-3 * h[i][i];
        }
        double[] delta = LinearAlgebra.solve(h, g);
        apply(track, k, delta);
    }

    /** The lifted landmark is in camera space; the fit works in world space. */
    private Vec3 worldPoint(Vec3 cameraPoint) {
        return camera.toWorld(cameraPoint);
    }

    /**
     * One scalar residual r = weight · direction·(point) + const, with the point's Jacobian
     * projected on {@code direction}: root columns get the direction, each ancestor group the
     * rotational lever arm.
     */
    private void addPointRow(double[][] h, double[] g, double[] row, Attachment a, Vec3 p, Vec3[] joints, Quat[] world,
                             Vec3 direction, double residual, double weight) {
        int[] used = usedColumns[a.joint()];
        for (int i : used) {
            row[i] = 0;
        }
        row[0] = weight * direction.x();
        row[1] = weight * direction.y();
        row[2] = weight * direction.z();
        for (int j = a.joint(); j >= 0; j = skeleton.parent(j)) {
            int group = groupOf[j];
            if (group < 0) {
                continue;
            }
            // Rotating joint j by δ (in its parent's frame) moves p by (R_parent·δ) × (p − P_j),
            // so ∂(d·p)/∂δ = R_parentᵀ · ((p − P_j) × d).
            Vec3 lever = p.minus(joints[j]).cross(direction);
            Vec3 inParent = j == 0 ? lever : world[skeleton.parent(j)].conjugate().rotate(lever);
            double share = weight / GROUPS[group].length;
            int c = 3 + 3 * group;
            row[c] += share * inParent.x();
            row[c + 1] += share * inParent.y();
            row[c + 2] += share * inParent.z();
        }
        for (int i : used) {
            g[i] -= row[i] * residual;
            for (int j : used) {
                h[i][j] += row[i] * row[j];
            }
        }
    }

    /** Per joint, the parameters that move a point on it: the root's and its ancestor groups'. */
    private int[][] usedColumns() {
        int[][] used = new int[Smpl24.COUNT][];
        for (int joint = 0; joint < Smpl24.COUNT; joint++) {
            java.util.SortedSet<Integer> columns = new java.util.TreeSet<>(java.util.List.of(0, 1, 2));
            for (int j = joint; j >= 0; j = skeleton.parent(j)) {
                if (groupOf[j] >= 0) {
                    for (int i = 0; i < 3; i++) {
                        columns.add(3 + 3 * groupOf[j] + i);
                    }
                }
            }
            used[joint] = columns.stream().mapToInt(Integer::intValue).toArray();
        }
        return used;
    }

    private void addContacts(double[][] h, double[] g, double[] row, Vec3[] joints, Quat[] world, Vec3[] anchors) {
        // Floor or raised is decided per foot, by its lowest anchored point: heel and toe of one foot go together.
        double[] lowestAnchor = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int i = 0; i < feet.length; i++) {
            if (anchors[i] != null) {
                int side = BlazePose.isLeft(feet[i].landmark()) ? 0 : 1;
                lowestAnchor[side] = Math.min(lowestAnchor[side], anchors[i].y());
            }
        }
        for (int i = 0; i < feet.length; i++) {
            if (anchors[i] == null) {
                continue;
            }
            Vec3 p = feet[i].position(joints, world);
            addPointRow(h, g, row, feet[i], p, joints, world, Vec3.X, CONTACT_WEIGHT * (p.x() - anchors[i].x()), CONTACT_WEIGHT);
            addPointRow(h, g, row, feet[i], p, joints, world, Vec3.Z, CONTACT_WEIGHT * (p.z() - anchors[i].z()), CONTACT_WEIGHT);
            double floor = lowestAnchor[BlazePose.isLeft(feet[i].landmark()) ? 0 : 1] < JUDGED_CONTACT_HEIGHT ? 0 : anchors[i].y();
            addPointRow(h, g, row, feet[i], p, joints, world, Vec3.Y, FLOOR_WEIGHT * (p.y() - floor), FLOOR_WEIGHT);
        }
    }

    private void addSmoothness(double[][] h, double[] g, Track track, int k) {
        boolean before = k > 0 && track.has(k - 1), after = k + 1 < track.size() && track.has(k + 1);
        if (smoothness <= 0 || !before && !after) {
            return;
        }
        double weight = before && after ? 1 : 0.5;
        Vec3 rootTarget = before && after ? track.root[k - 1].lerp(track.root[k + 1], 0.5) : track.root[before ? k - 1 : k + 1];
        double wr = ROOT_SMOOTHNESS * smoothness * weight;
        Vec3 dr = track.root[k].minus(rootTarget);
        for (int i = 0; i < 3; i++) {
            h[i][i] += wr * wr;
            g[i] -= wr * wr * dr.get(i);
        }
        double wq = ROTATION_SMOOTHNESS * smoothness * weight;
        for (int group = 0; group < GROUPS.length; group++) {
            for (int j : GROUPS[group]) {
                Quat target = before && after ? track.rotations[k - 1][j].slerp(track.rotations[k + 1][j], 0.5)
                        : track.rotations[before ? k - 1 : k + 1][j];
                // Error e = log(q · target⁻¹); rotating q by δ/n in its parent's frame adds δ/n.
                Vec3 e = track.rotations[k][j].times(target.conjugate()).log();
                double share = 1.0 / GROUPS[group].length;
                int c = 3 + 3 * group;
                for (int i = 0; i < 3; i++) {
                    h[c + i][c + i] += wq * wq * share * share;
                    g[c + i] -= wq * wq * share * e.get(i);
                }
            }
        }
    }

    private void addLimits(double[][] h, double[] g, Quat[] local) {
        for (Limit limit : LIMITS) {
            Vec3 v = local[limit.joint()].log();
            int c = 3 + 3 * groupOf[limit.joint()];
            for (int i = 0; i < 3; i++) {
                double excess = v.get(i) > limit.max()[i] ? v.get(i) - limit.max()[i]
                        : v.get(i) < limit.min()[i] ? v.get(i) - limit.min()[i] : 0;
                if (excess != 0) {
                    h[c + i][c + i] += LIMIT_WEIGHT * LIMIT_WEIGHT;
                    g[c + i] -= LIMIT_WEIGHT * LIMIT_WEIGHT * excess;
                }
            }
        }
    }

    private void addCollarPrior(double[][] h, double[] g, Quat[] local) {
        for (int collar : new int[]{Smpl24.LEFT_COLLAR, Smpl24.RIGHT_COLLAR}) {
            Vec3 v = local[collar].log();
            int c = 3 + 3 * groupOf[collar];
            for (int i = 0; i < 3; i++) {
                h[c + i][c + i] += COLLAR_PRIOR * COLLAR_PRIOR;
                g[c + i] -= COLLAR_PRIOR * COLLAR_PRIOR * v.get(i);
            }
        }
    }

    private void apply(Track track, int k, double[] delta) {
        track.root[k] = track.root[k].plus(new Vec3(delta[0], delta[1], delta[2]));
        Quat[] local = track.rotations[k];
        for (int group = 0; group < GROUPS.length; group++) {
            Vec3 d = new Vec3(delta[3 + 3 * group], delta[4 + 3 * group], delta[5 + 3 * group]).times(1.0 / GROUPS[group].length);
            Quat turn = Quat.exp(d);
            for (int j : GROUPS[group]) {
                local[j] = turn.times(local[j]).normalized();
            }
        }
    }
}
