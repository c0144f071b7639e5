package dev.mocap.synth;

import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.body.Camera;
import dev.mocap.video.VideoInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A mocap clip filmed by a synthetic camera: the landmark sequence the real landmark model would
 * give ({@link LandmarkNoise}), and the truth per frame — the 33 landmark positions and the foot
 * contacts. Also makes the training variants: random body height and limb proportions, mirror
 * image, playback speed, and a random full-perspective camera.
 *
 * @param world    per frame the 33 true landmark positions, world metres, Y up
 * @param contacts per frame whether the left / right foot is planted
 */
public record SyntheticView(String name, LandmarkSequence landmarks, Camera camera, double stature, Vec3[][] world,
                            boolean[][] contacts) {
    static final double FPS = 30;
    /** A foot is planted when its lowest point is this near the floor (metres, 1.7 m body) and moves slower than {@link #CONTACT_SPEED}. */
    private static final double CONTACT_HEIGHT = 0.05, CONTACT_SPEED = 0.2;

    public int frames() {
        return world.length;
    }

    /** The true landmark positions of frame {@code k} in camera axes relative to the mid-hip point, in metres. */
    public Vec3[] cameraRelative(int k) {
        Vec3[] out = new Vec3[BlazePose.COUNT];
        Vec3 hip = camera.toCamera(world[k][BlazePose.LEFT_HIP].lerp(world[k][BlazePose.RIGHT_HIP], 0.5));
        for (int i = 0; i < out.length; i++) {
            out[i] = camera.toCamera(world[k][i]).minus(hip);
        }
        return out;
    }

    /** A view of the clip's body points (already at the wanted size, speed and side) from {@code camera}. */
    public static SyntheticView film(String name, Vec3[][] points, double fps, Camera camera, double noiseStrength, Random random) {
        double stature = BodyPoints.stature(points[0]);
        Vec3[][] world = new Vec3[points.length][];
        for (int k = 0; k < points.length; k++) {
            world[k] = LandmarkPlacement.place(points[k], stature);
        }
        LandmarkNoise noise = new LandmarkNoise(camera, stature, fps, noiseStrength, random);
        List<FramePose> poses = new ArrayList<>(points.length);
        for (int k = 0; k < points.length; k++) {
            poses.add(new FramePose(k, k / fps, noise.frame(world[k])));
        }
        VideoInfo video = new VideoInfo(Path.of(name + ".mp4"), camera.width(), camera.height(), fps, points.length, 0,
                points.length / fps, "synthetic");
        return new SyntheticView(name, new LandmarkSequence(video, "synthetic", poses, List.of()), camera, stature, world,
                contacts(world, fps, stature));
    }

    /**
     * A clip's body points as a real landmark model saw them (a rendered video of them run
     * through the landmark pipeline): {@code seen} has one frame per point frame, a frame
     * without a person where the model found none.
     */
    public static SyntheticView seen(String name, Vec3[][] points, Camera camera, LandmarkSequence seen) {
        if (seen.frames().size() != points.length) {
            throw new IllegalArgumentException(name + ": " + seen.frames().size() + " landmark frames for " + points.length + " frames of motion");
        }
        double stature = BodyPoints.stature(points[0]);
        Vec3[][] world = new Vec3[points.length][];
        for (int k = 0; k < points.length; k++) {
            world[k] = LandmarkPlacement.place(points[k], stature);
        }
        return new SyntheticView(name, seen, camera, stature, world, contacts(world, seen.video().fps(), stature));
    }

    /** The runs of at least {@code minFrames} consecutive frames with a person, each as a view of its own. */
    public List<SyntheticView> runsWithPerson(int minFrames) {
        List<SyntheticView> out = new ArrayList<>();
        List<FramePose> frames = landmarks.frames();
        for (int start = 0; start < frames.size(); ) {
            int end = start;
            while (end < frames.size() && frames.get(end).hasPerson()) {
                end++;
            }
            if (end - start >= minFrames) {
                out.add(new SyntheticView(name, new LandmarkSequence(landmarks.video(), landmarks.model(), frames.subList(start, end),
                        List.of()), camera, stature, Arrays.copyOfRange(world, start, end),
                        Arrays.copyOfRange(contacts, start, end)));
            }
            start = end + 1;
        }
        return out;
    }

    /**
     * A random training variant of (part of) a clip, filmed by a random camera; null when no
     * camera sees it well. With {@code upperBody}, the upper body comes from a window of that
     * clip where the two mix plausibly ({@link BodyMix}).
     */
    public static SyntheticView randomVariant(CorpusClip clip, CorpusClip upperBody, int maxFrames, Random random) {
        double speed = Math.exp((random.nextDouble() * 2 - 1) * Math.log(1.4));
        Vec3[][] points = resample(clip.points(), clip.fps() * speed / FPS, maxFrames, random);
        String name = clip.name();
        if (upperBody != null) {
            Vec3[][] mixed = BodyMix.of(points, resample(upperBody.points(), upperBody.fps() * speed / FPS, points.length, random));
            if (mixed != null) {
                points = mixed;
                name += "+" + upperBody.name();
            }
        }
        points = Proportions.random(random).apply(points);
        if (random.nextBoolean()) {
            points = mirror(points);
        }
        Camera camera = RandomCamera.pick(points, random);
        if (camera == null) {
            return null;
        }
        double strength = 0.6 + random.nextDouble();
        return film(name, points, FPS, camera, strength, random);
    }

    /**
     * The clip as it is (its first {@code maxFrames} frames, a {@value CorpusClip#STATURE} m body at
     * the clip's speed) seen by a random camera, with the landmark model's errors at their
     * measured strength: for evaluation.
     */
    public static SyntheticView evaluation(CorpusClip clip, int maxFrames, Random random) {
        Vec3[][] points = resample(clip.points(), clip.fps() / FPS, maxFrames, new Random(0));
        for (int t = 0; ; t++) {
            Camera camera = RandomCamera.pick(points, random);
            if (camera != null) {
                return film(clip.name(), points, FPS, camera, 1, random);
            }
            if (t > 20) {
                throw new IllegalStateException("no camera sees " + clip.name() + " well");
            }
        }
    }

    /** A window of at most {@code maxFrames} output frames, {@code step} source frames apart, from a random start. */
    static Vec3[][] resample(Vec3[][] source, double step, int maxFrames, Random random) {
        int available = (int) Math.floor((source.length - 1) / step) + 1;
        int frames = Math.min(available, maxFrames);
        double start = available > frames ? random.nextDouble() * (source.length - 1 - (frames - 1) * step) : 0;
        Vec3[][] out = new Vec3[frames][];
        for (int k = 0; k < frames; k++) {
            double t = start + k * step;
            int i = Math.min((int) t, source.length - 1), j = Math.min(i + 1, source.length - 1);
            double w = t - i;
            out[k] = new Vec3[source[i].length];
            for (int p = 0; p < out[k].length; p++) {
                out[k][p] = source[i][p].lerp(source[j][p], w);
            }
        }
        return out;
    }

    /** The mirror image across the YZ plane: x negated, left and right exchanged. */
    static Vec3[][] mirror(Vec3[][] points) {
        Vec3[][] out = new Vec3[points.length][];
        for (int k = 0; k < points.length; k++) {
            out[k] = new Vec3[BodyPoints.COUNT];
            for (int p = 0; p < BodyPoints.COUNT; p++) {
                Vec3 v = points[k][BodyPoints.MIRROR[p]];
                out[k][p] = new Vec3(-v.x(), v.y(), v.z());
            }
        }
        return out;
    }

    /** Planted feet: lowest foot landmark near the clip's floor ({@link CaptureFloor}) and slow. */
    static boolean[][] contacts(Vec3[][] world, double fps, double stature) {
        int[][] feet = {{BlazePose.LEFT_HEEL, BlazePose.LEFT_FOOT_INDEX}, {BlazePose.RIGHT_HEEL, BlazePose.RIGHT_FOOT_INDEX}};
        CaptureFloor floor = CaptureFloor.fit(world, fps, new int[]{feet[0][0], feet[0][1], feet[1][0], feet[1][1]});
        double s = stature / CorpusClip.STATURE;
        boolean[][] out = new boolean[world.length][2];
        for (int k = 0; k < world.length; k++) {
            for (int side = 0; side < 2; side++) {
                double low = Math.min(floor.height(world[k][feet[side][0]]), floor.height(world[k][feet[side][1]]));
                int a = Math.max(0, k - 1), b = Math.min(world.length - 1, k + 1);
                double speed = b == a ? 0 : midFoot(world[b], feet[side]).distance(midFoot(world[a], feet[side])) * fps / (b - a);
                out[k][side] = low < CONTACT_HEIGHT * s && speed < CONTACT_SPEED * s;
            }
        }
        return out;
    }

    private static Vec3 midFoot(Vec3[] w, int[] foot) {
        return w[foot[0]].lerp(w[foot[1]], 0.5);
    }

    /** The pinhole camera at {@code eye} looking at {@code target}, rolled by {@code roll} radians. */
    public static Camera lookAt(Vec3 eye, Vec3 target, double roll, double focal, int width, int height) {
        Vec3 forward = target.minus(eye).normalized();
        Vec3 right = forward.cross(Vec3.Y).normalized();
        Vec3 down = forward.cross(right);
        Quat rolled = Quat.axisAngle(forward, roll);
        Quat cameraToWorld = Quat.fromColumns(rolled.rotate(right), rolled.rotate(down), forward);
        return new Camera(focal, width / 2.0, height / 2.0, width, height, cameraToWorld.conjugate(), eye);
    }
}
