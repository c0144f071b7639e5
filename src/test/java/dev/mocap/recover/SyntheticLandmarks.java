package dev.mocap.recover;

import dev.mocap.body.ForwardKinematics;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.pose.Landmarks;
import dev.mocap.pose.Roi;
import dev.mocap.video.VideoInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic BlazePose landmarks from a CMU mocap clip (either CMU name set), seen by a known
 * static pinhole camera, with the clip's own joint positions as ground truth.
 *
 * <p>Landmarks sit on the CMU joints (hips, knees, ankles, shoulders, elbows, wrists; the toe
 * joint as foot_index); heel, knuckles, thumb and face points sit at fixed offsets in the frame
 * of the joint they ride on (BVH rest frames are world-aligned, so point = joint +
 * worldRotation(joint) · offset), the hand and foot offsets along the rest direction of the
 * child bone. Image landmarks are pixel projections (z: depth relative to the hips in the same
 * pixel scale); world landmarks are positions minus the mid-hip, in camera axes (x right, y
 * down, z forward). The camera is {@value #WIDTH}×{@value #HEIGHT}, focal {@value #FOCAL} px,
 * {@value #CAMERA_HEIGHT} m above the floor, looking at the centre of the trajectory from the
 * closest place (over 24 azimuths) that keeps every landmark of every frame inside the image and
 * the subject at least 4 m away.
 *
 * <p>Ground truth per frame, in the order of {@link #EVAL_JOINTS}: the mid-hip point as pelvis,
 * then the CMU positions of the twelve limb joints.
 */
final class SyntheticLandmarks {
    /** One CMU length unit, (1/0.45) inch, in metres. */
    static final double CMU_UNIT = 0.056444;
    static final int WIDTH = 1280, HEIGHT = 720;
    static final double FOCAL = 1000;
    static final double CAMERA_HEIGHT = 1.2;
    private static final double MARGIN_PX = 30;
    /** The subject (mid-hip) is never nearer than this to the camera. */
    private static final double MIN_DEPTH = 4;

    /** The SMPL-24 joints compared with the truth; index 0 (the pelvis) is the root. */
    static final int[] EVAL_JOINTS = {Smpl24.PELVIS, Smpl24.LEFT_HIP, Smpl24.RIGHT_HIP, Smpl24.LEFT_KNEE, Smpl24.RIGHT_KNEE,
            Smpl24.LEFT_ANKLE, Smpl24.RIGHT_ANKLE, Smpl24.LEFT_SHOULDER, Smpl24.RIGHT_SHOULDER,
            Smpl24.LEFT_ELBOW, Smpl24.RIGHT_ELBOW, Smpl24.LEFT_WRIST, Smpl24.RIGHT_WRIST};

    /** The noise applied to the landmarks. */
    enum Noise {
        /** Exact projections, exact world landmarks. */
        NONE,
        /**
         * BlazePose-like (BLAZEPOSE-ERRORS.md): 2D Gaussian jitter of 2 % of body height per axis
         * plus a 1 % slow drift, 1 % of points spiking by 8–20 % of body height for 1–3 frames
         * (visibility 0.15–0.45); world landmarks at 0.97 scale ("average body") with errors of
         * σ 100 mm drift + 25 mm jitter along the camera axis and 35 mm drift + 15 mm jitter
         * per axis across it (mean |depth error| ≈ 82 mm, mean across ≈ 48 mm, raw accel error
         * ≈ 75 mm/frame²); visibility lowered on the noisiest points.
         */
        BLAZEPOSE
    }

    /** A synthetic clip: landmarks, truth, the camera, and the noise actually applied. */
    record Clip(String name, LandmarkSequence landmarks, Vec3[][] truth, Camera camera, double minDepth, double maxDepth,
                NoiseStats noise) {
        int frames() {
            return truth.length;
        }
    }

    /** Measured noise: mean 2D error in % of body height, mean world depth / across error in mm, world accel mm/frame². */
    record NoiseStats(double image2dPercent, double depthMm, double acrossMm, double worldAccelMm) {
    }

    /** The CMU joints used, resolved for one name set. */
    private record Rig(int hipL, int hipR, int kneeL, int kneeR, int ankleL, int ankleR, int toeL, int toeR,
                       int shoulderL, int shoulderR, int elbowL, int elbowR, int wristL, int wristR, int head,
                       Vec3 handDirL, Vec3 handDirR, Vec3 thumbDirL, Vec3 thumbDirR, Vec3 footDirL, Vec3 footDirR,
                       double stature) {
    }

    private SyntheticLandmarks() {
    }

    /**
     * @param name         label for messages
     * @param motion       the CMU clip read in metres ({@link #CMU_UNIT})
     * @param firstFrame   first source frame used (1 skips a T-pose frame 0)
     * @param step         source frames per output frame (4: 120 → 30 fps)
     * @param maxSeconds   at most this much output
     */
    static Clip of(String name, Motion motion, int firstFrame, int step, double maxSeconds, Noise noise, long seed) {
        Rig rig = rig(motion.skeleton());
        double fps = motion.fps() / step;
        int frames = Math.min((motion.frameCount() - firstFrame + step - 1) / step, (int) Math.floor(maxSeconds * fps + 1e-9));
        Vec3[][] points = new Vec3[frames][];
        Vec3[][] truth = new Vec3[frames][];
        for (int k = 0; k < frames; k++) {
            int f = firstFrame + k * step;
            Vec3[] joints = motion.jointPositions(f);
            Quat[] world = ForwardKinematics.worldRotations(motion.skeleton(), motion.rotations()[f]);
            points[k] = landmarks(rig, joints, world);
            truth[k] = truth(rig, joints);
        }
        Camera camera = placeCamera(points);
        double minDepth = Double.POSITIVE_INFINITY, maxDepth = 0;
        for (Vec3[] p : points) {
            double z = camera.toCamera(p[BlazePose.LEFT_HIP].lerp(p[BlazePose.RIGHT_HIP], 0.5)).z();
            minDepth = Math.min(minDepth, z);
            maxDepth = Math.max(maxDepth, z);
        }
        Generator g = new Generator(camera, rig.stature(), fps, noise, new Random(seed));
        List<FramePose> poses = new ArrayList<>(frames);
        for (int k = 0; k < frames; k++) {
            poses.add(new FramePose(k, k / fps, g.frame(points[k])));
        }
        VideoInfo video = new VideoInfo(Path.of(name + ".mp4"), WIDTH, HEIGHT, fps, frames, 0, frames / fps, "synthetic");
        LandmarkSequence seq = new LandmarkSequence(video, "synthetic", poses, List.of());
        return new Clip(name, seq, truth, camera, minDepth, maxDepth, g.stats());
    }

    // ---------------------------------------------------------------- skeleton and landmarks

    private static Rig rig(Skeleton s) {
        boolean motionBuilder = s.indexOf("LeftUpLeg") >= 0;
        String[] l = motionBuilder
                ? new String[]{"LeftUpLeg", "LeftLeg", "LeftFoot", "LeftToeBase", "LeftArm", "LeftForeArm", "LeftHand", "LeftFingerBase", "LThumb"}
                : new String[]{"LeftHip", "LeftKnee", "LeftAnkle", "LeftToe", "LeftShoulder", "LeftElbow", "LeftWrist", "lhand", "LThumb"};
        String[] r = motionBuilder
                ? new String[]{"RightUpLeg", "RightLeg", "RightFoot", "RightToeBase", "RightArm", "RightForeArm", "RightHand", "RightFingerBase", "RThumb"}
                : new String[]{"RightHip", "RightKnee", "RightAnkle", "RightToe", "RightShoulder", "RightElbow", "RightWrist", "rhand", "RThumb"};
        int[] li = new int[l.length], ri = new int[r.length];
        for (int i = 0; i < l.length; i++) {
            li[i] = index(s, l[i]);
            ri[i] = index(s, r[i]);
        }
        Vec3[] rest = s.restPositions();
        Vec3 headTop = rest[index(s, "Head")].plus(s.endSites()[index(s, "Head")]);
        double floor = Double.POSITIVE_INFINITY;
        for (Vec3 p : rest) {
            floor = Math.min(floor, p.y());
        }
        return new Rig(li[0], ri[0], li[1], ri[1], li[2], ri[2], li[3], ri[3], li[4], ri[4], li[5], ri[5], li[6], ri[6],
                index(s, "Head"),
                chainDirection(s, li[7], li[6]), chainDirection(s, ri[7], ri[6]),
                thumbDirection(s, li[8]), thumbDirection(s, ri[8]),
                rest[li[3]].minus(rest[li[2]]).normalized(), rest[ri[3]].minus(rest[ri[2]]).normalized(),
                headTop.y() - floor + 0.03);
    }

    private static int index(Skeleton s, String name) {
        int i = s.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("not a CMU skeleton: no joint " + name + " in " + s.names());
        }
        return i;
    }

    /** Rest direction from {@code from} towards the first point of the chain at {@code joint} that is away from it. */
    private static Vec3 chainDirection(Skeleton s, int joint, int from) {
        Vec3[] rest = s.restPositions();
        for (int j = joint; ; ) {
            Vec3 d = rest[j].minus(rest[from]);
            if (d.length() > 1e-3) {
                return d.normalized();
            }
            List<Integer> children = s.children(j);
            if (children.isEmpty()) {
                return s.endSites()[j].normalized();
            }
            j = children.get(0);
        }
    }

    private static Vec3 thumbDirection(Skeleton s, int thumb) {
        Vec3 d = s.offset(thumb).length() > 1e-3 ? s.offset(thumb) : s.endSites()[thumb];
        return d == null ? Vec3.Z : d.normalized();
    }

    /** The 33 landmark positions (world, metres) of one frame. */
    private static Vec3[] landmarks(Rig rig, Vec3[] p, Quat[] q) {
        Vec3[] out = new Vec3[BlazePose.COUNT];
        out[BlazePose.LEFT_HIP] = p[rig.hipL()];
        out[BlazePose.RIGHT_HIP] = p[rig.hipR()];
        out[BlazePose.LEFT_KNEE] = p[rig.kneeL()];
        out[BlazePose.RIGHT_KNEE] = p[rig.kneeR()];
        out[BlazePose.LEFT_ANKLE] = p[rig.ankleL()];
        out[BlazePose.RIGHT_ANKLE] = p[rig.ankleR()];
        out[BlazePose.LEFT_FOOT_INDEX] = p[rig.toeL()];
        out[BlazePose.RIGHT_FOOT_INDEX] = p[rig.toeR()];
        out[BlazePose.LEFT_SHOULDER] = p[rig.shoulderL()];
        out[BlazePose.RIGHT_SHOULDER] = p[rig.shoulderR()];
        out[BlazePose.LEFT_ELBOW] = p[rig.elbowL()];
        out[BlazePose.RIGHT_ELBOW] = p[rig.elbowR()];
        out[BlazePose.LEFT_WRIST] = p[rig.wristL()];
        out[BlazePose.RIGHT_WRIST] = p[rig.wristR()];
        // Heel: behind the ankle along the foot and below it.
        out[BlazePose.LEFT_HEEL] = ride(p, q, rig.ankleL(), rig.footDirL().times(-0.06).plus(new Vec3(0, -0.035, 0)));
        out[BlazePose.RIGHT_HEEL] = ride(p, q, rig.ankleR(), rig.footDirR().times(-0.06).plus(new Vec3(0, -0.035, 0)));
        hand(out, p, q, rig.wristL(), rig.handDirL(), rig.thumbDirL(), BlazePose.LEFT_INDEX, BlazePose.LEFT_PINKY, 21);
        hand(out, p, q, rig.wristR(), rig.handDirR(), rig.thumbDirR(), BlazePose.RIGHT_INDEX, BlazePose.RIGHT_PINKY, 22);
        // Face on the head joint (CMU's Head sits about at ear level; rest faces +Z, left +X).
        int h = rig.head();
        out[BlazePose.NOSE] = ride(p, q, h, new Vec3(0, 0.0, 0.105));
        out[1] = ride(p, q, h, new Vec3(0.018, 0.035, 0.085));
        out[2] = ride(p, q, h, new Vec3(0.032, 0.035, 0.083));
        out[3] = ride(p, q, h, new Vec3(0.046, 0.035, 0.075));
        out[4] = ride(p, q, h, new Vec3(-0.018, 0.035, 0.085));
        out[5] = ride(p, q, h, new Vec3(-0.032, 0.035, 0.083));
        out[6] = ride(p, q, h, new Vec3(-0.046, 0.035, 0.075));
        out[BlazePose.LEFT_EAR] = ride(p, q, h, new Vec3(0.075, 0.01, -0.005));
        out[BlazePose.RIGHT_EAR] = ride(p, q, h, new Vec3(-0.075, 0.01, -0.005));
        out[9] = ride(p, q, h, new Vec3(0.025, -0.04, 0.09));
        out[10] = ride(p, q, h, new Vec3(-0.025, -0.04, 0.09));
        return out;
    }

    /** Index and pinky knuckles and the thumb: along the hand's rest direction, spread towards / away from the thumb side. */
    private static void hand(Vec3[] out, Vec3[] p, Quat[] q, int wrist, Vec3 dir, Vec3 thumbDir, int index, int pinky, int thumb) {
        Vec3 across = thumbDir.minus(dir.times(thumbDir.dot(dir))).normalized();
        out[index] = ride(p, q, wrist, dir.times(0.09).plus(across.times(0.025)));
        out[pinky] = ride(p, q, wrist, dir.times(0.08).plus(across.times(-0.035)));
        out[thumb] = ride(p, q, wrist, dir.times(0.05).plus(across.times(0.045)));
    }

    private static Vec3 ride(Vec3[] p, Quat[] q, int joint, Vec3 offset) {
        return p[joint].plus(q[joint].rotate(offset));
    }

    private static Vec3[] truth(Rig rig, Vec3[] p) {
        return new Vec3[]{p[rig.hipL()].lerp(p[rig.hipR()], 0.5), p[rig.hipL()], p[rig.hipR()], p[rig.kneeL()], p[rig.kneeR()],
                p[rig.ankleL()], p[rig.ankleR()], p[rig.shoulderL()], p[rig.shoulderR()], p[rig.elbowL()], p[rig.elbowR()],
                p[rig.wristL()], p[rig.wristR()]};
    }

    // ---------------------------------------------------------------- camera

    /**
     * The camera {@value #CAMERA_HEIGHT} m up, looking at the trajectory's centre (at 0.9 m
     * height), at the closest distance, over 24 azimuths, from which every landmark of every
     * frame is in view and the mid-hip never nearer than {@link #MIN_DEPTH}.
     */
    static Camera placeCamera(Vec3[][] points) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minZ = minX, maxZ = maxX, floor = minX;
        for (Vec3[] frame : points) {
            for (Vec3 v : frame) {
                minX = Math.min(minX, v.x());
                maxX = Math.max(maxX, v.x());
                minZ = Math.min(minZ, v.z());
                maxZ = Math.max(maxZ, v.z());
                floor = Math.min(floor, v.y());
            }
        }
        Vec3 target = new Vec3((minX + maxX) / 2, floor + 0.9, (minZ + maxZ) / 2);
        Camera best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int a = 0; a < 24; a++) {
            double azimuth = Math.toRadians(15 * a + 7.5);
            Vec3 back = new Vec3(Math.sin(azimuth), 0, Math.cos(azimuth));
            for (double d = 4; d <= 12 + 1e-9 && d < bestDistance; d += 0.05) {
                Camera c = lookAt(target.plus(back.times(d)).plus(new Vec3(0, floor + CAMERA_HEIGHT - target.y(), 0)), target);
                if (inView(c, points) && nearestHip(c, points) >= MIN_DEPTH) {
                    best = c;
                    bestDistance = d;
                    break;
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no camera within 12 m sees the whole trajectory");
        }
        return best;
    }

    private static double nearestHip(Camera c, Vec3[][] points) {
        double nearest = Double.POSITIVE_INFINITY;
        for (Vec3[] p : points) {
            nearest = Math.min(nearest, c.toCamera(p[BlazePose.LEFT_HIP].lerp(p[BlazePose.RIGHT_HIP], 0.5)).z());
        }
        return nearest;
    }

    static Camera lookAt(Vec3 eye, Vec3 target) {
        Vec3 forward = target.minus(eye).normalized();
        Vec3 right = forward.cross(Vec3.Y).normalized();
        Vec3 down = forward.cross(right);
        Quat cameraToWorld = Quat.fromColumns(right, down, forward);
        return new Camera(FOCAL, WIDTH / 2.0, HEIGHT / 2.0, WIDTH, HEIGHT, cameraToWorld.conjugate(), eye);
    }

    private static boolean inView(Camera c, Vec3[][] points) {
        for (Vec3[] frame : points) {
            for (Vec3 v : frame) {
                Vec3 p = c.toCamera(v);
                if (p.z() < 1) {
                    return false;
                }
                double[] uv = c.project(p);
                if (uv[0] < MARGIN_PX || uv[0] > WIDTH - MARGIN_PX || uv[1] < MARGIN_PX || uv[1] > HEIGHT - MARGIN_PX) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- landmarks and noise

    /** Turns world points into {@link Landmarks}, adding the noise frame by frame. */
    private static final class Generator {
        private static final double JITTER_2D = 0.02, DRIFT_2D = 0.01, DRIFT_2D_TAU = 0.3;
        private static final double SPIKE_RATE = 0.01, SPIKE_MIN = 0.08, SPIKE_MAX = 0.20;
        private static final double WORLD_SCALE = 0.97;
        private static final double DEPTH_DRIFT = 0.100, DEPTH_JITTER = 0.025;
        private static final double ACROSS_DRIFT = 0.035, ACROSS_JITTER = 0.015, WORLD_TAU = 0.7;

        private final Camera camera;
        private final double stature, fps;
        private final Noise noise;
        private final Random random;
        private final double[][] drift2d = new double[BlazePose.COUNT][2], drift3d = new double[BlazePose.COUNT][3];
        private final double[][] spike = new double[BlazePose.COUNT][2];
        private final int[] spikeFrames = new int[BlazePose.COUNT];
        private final double[] spikeVisibility = new double[BlazePose.COUNT];
        private double[] previousWorldError, beforeWorldError;
        private double sum2d, sumDepth, sumAcross, sumAccel;
        private long count, accelCount;
        private boolean started;

        Generator(Camera camera, double stature, double fps, Noise noise, Random random) {
            this.camera = camera;
            this.stature = stature;
            this.fps = fps;
            this.noise = noise;
            this.random = random;
        }

        Landmarks frame(Vec3[] world) {
            int n = BlazePose.COUNT;
            Vec3[] cam = new Vec3[n];
            for (int i = 0; i < n; i++) {
                cam[i] = camera.toCamera(world[i]);
            }
            Vec3 hip = cam[BlazePose.LEFT_HIP].lerp(cam[BlazePose.RIGHT_HIP], 0.5);
            double bodyPx = stature * camera.focal() / hip.z();
            float[] image = new float[3 * n], rel = new float[3 * n], vis = new float[n], presence = new float[n];
            double[] worldError = new double[3 * n];
            boolean noisy = noise == Noise.BLAZEPOSE;
            double a2 = Math.exp(-1 / (fps * DRIFT_2D_TAU)), a3 = Math.exp(-1 / (fps * WORLD_TAU));
            double uMin = Double.POSITIVE_INFINITY, uMax = Double.NEGATIVE_INFINITY, vMin = uMin, vMax = uMax;
            for (int i = 0; i < n; i++) {
                double[] uv = camera.project(cam[i]);
                double du = 0, dv = 0, visibility = 1;
                Vec3 r = cam[i].minus(hip);
                if (noisy) {
                    for (int c = 0; c < 2; c++) {
                        drift2d[i][c] = started ? a2 * drift2d[i][c] + Math.sqrt(1 - a2 * a2) * DRIFT_2D * random.nextGaussian()
                                : DRIFT_2D * random.nextGaussian();
                    }
                    du = bodyPx * (drift2d[i][0] + JITTER_2D * random.nextGaussian());
                    dv = bodyPx * (drift2d[i][1] + JITTER_2D * random.nextGaussian());
                    visibility = 0.85 + 0.13 * random.nextDouble();
                    if (spikeFrames[i] == 0 && random.nextDouble() < SPIKE_RATE) {
                        double angle = 2 * Math.PI * random.nextDouble();
                        double size = SPIKE_MIN + (SPIKE_MAX - SPIKE_MIN) * random.nextDouble();
                        spike[i][0] = size * Math.cos(angle);
                        spike[i][1] = size * Math.sin(angle);
                        spikeFrames[i] = 1 + random.nextInt(3);
                        spikeVisibility[i] = 0.15 + 0.3 * random.nextDouble();
                    }
                    if (spikeFrames[i] > 0) {
                        du += bodyPx * spike[i][0];
                        dv += bodyPx * spike[i][1];
                        visibility = spikeVisibility[i];
                        spikeFrames[i]--;
                    }
                    double[] e = new double[3];
                    for (int c = 0; c < 3; c++) {
                        double driftSigma = c == 2 ? DEPTH_DRIFT : ACROSS_DRIFT, jitter = c == 2 ? DEPTH_JITTER : ACROSS_JITTER;
                        drift3d[i][c] = started ? a3 * drift3d[i][c] + Math.sqrt(1 - a3 * a3) * driftSigma * random.nextGaussian()
                                : driftSigma * random.nextGaussian();
                        e[c] = drift3d[i][c] + jitter * random.nextGaussian();
                    }
                    // The noisiest points (large 2D or depth error) are flagged as less visible.
                    double e2d = Math.hypot(du, dv) / bodyPx;
                    if (spikeFrames[i] == 0 && visibility > 0.5 && (e2d > 0.06 || Math.abs(e[2]) > 0.2)) {
                        visibility = 0.55 + 0.15 * random.nextDouble();
                    }
                    r = r.times(WORLD_SCALE).plus(new Vec3(e[0], e[1], e[2]));
                    Vec3 truthRel = cam[i].minus(hip);
                    for (int c = 0; c < 3; c++) {
                        worldError[3 * i + c] = r.get(c) - truthRel.get(c);
                    }
                    sum2d += e2d;
                    sumDepth += Math.abs(e[2]);
                    sumAcross += Math.hypot(e[0], e[1]);
                    count++;
                }
                image[3 * i] = (float) (uv[0] + du);
                image[3 * i + 1] = (float) (uv[1] + dv);
                image[3 * i + 2] = (float) (r.z() * camera.focal() / hip.z());
                rel[3 * i] = (float) r.x();
                rel[3 * i + 1] = (float) r.y();
                rel[3 * i + 2] = (float) r.z();
                vis[i] = (float) visibility;
                presence[i] = 1;
                uMin = Math.min(uMin, image[3 * i]);
                uMax = Math.max(uMax, image[3 * i]);
                vMin = Math.min(vMin, image[3 * i + 1]);
                vMax = Math.max(vMax, image[3 * i + 1]);
            }
            if (noisy) {
                if (previousWorldError != null && beforeWorldError != null) {
                    for (int i = 0; i < n; i++) {
                        double s = 0;
                        for (int c = 0; c < 3; c++) {
                            double d2 = beforeWorldError[3 * i + c] - 2 * previousWorldError[3 * i + c] + worldError[3 * i + c];
                            s += d2 * d2;
                        }
                        sumAccel += Math.sqrt(s);
                        accelCount++;
                    }
                }
                beforeWorldError = previousWorldError;
                previousWorldError = worldError;
            }
            started = true;
            double[] hipPx = camera.project(hip);
            Roi roi = new Roi(hipPx[0], hipPx[1], 1.25 * Math.max(uMax - uMin, vMax - vMin), 0);
            return new Landmarks(image, rel, vis, presence, 1f, roi);
        }

        NoiseStats stats() {
            if (count == 0) {
                return new NoiseStats(0, 0, 0, 0);
            }
            return new NoiseStats(100 * sum2d / count, 1000 * sumDepth / count, 1000 * sumAcross / count,
                    accelCount == 0 ? 0 : 1000 * sumAccel / accelCount);
        }
    }
}
