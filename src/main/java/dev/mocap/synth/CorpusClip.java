package dev.mocap.synth;

import dev.mocap.body.ForwardKinematics;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;
import dev.mocap.format.bvh.BvhReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A motion-capture clip as {@link BodyPoints} per frame, metres, Y up, at the clip's rate. Reads
 * BVH (plain or gzip) of the CMU skeleton families of {@code ../shared/mocap-corpus} and of the
 * test clips: MotionBuilder-style ({@code LeftUpLeg}…), Poser-style ({@code lThigh}…), ASF names
 * ({@code lfemur}…), Character Creator ({@code CC_Base_L_Thigh}…), the simple CMU set
 * ({@code LeftHip}…) and the tool's own SMPL-24 skeleton ({@code left_hip}…). Units differ between families, so points are rescaled to a stature of
 * {@value #STATURE} m (estimated from the legs); a larger corpus in any of these families drops in.
 */
public record CorpusClip(String name, double fps, Vec3[][] points) {
    public static final double STATURE = 1.70;

    /** Candidate joint names per body point, first match wins (order matters: LeftArm before LeftShoulder). */
    private static final String[][] NAMES = {
            {"LeftUpLeg", "lThigh", "CC_Base_L_Thigh", "lfemur", "LeftHip", "left_hip"},
            {"RightUpLeg", "rThigh", "CC_Base_R_Thigh", "rfemur", "RightHip", "right_hip"},
            {"LeftLeg", "lShin", "CC_Base_L_Calf", "ltibia", "LeftKnee", "left_knee"},
            {"RightLeg", "rShin", "CC_Base_R_Calf", "rtibia", "RightKnee", "right_knee"},
            {"LeftFoot", "lFoot", "CC_Base_L_Foot", "lfoot", "LeftAnkle", "left_ankle"},
            {"RightFoot", "rFoot", "CC_Base_R_Foot", "rfoot", "RightAnkle", "right_ankle"},
            {"LeftToeBase", "CC_Base_L_ToeBase", "ltoes", "LeftToe", "left_foot"},
            {"RightToeBase", "CC_Base_R_ToeBase", "rtoes", "RightToe", "right_foot"},
            {"LeftArm", "lShldr", "CC_Base_L_Upperarm", "lhumerus", "LeftShoulder", "left_shoulder"},
            {"RightArm", "rShldr", "CC_Base_R_Upperarm", "rhumerus", "RightShoulder", "right_shoulder"},
            {"LeftForeArm", "lForeArm", "CC_Base_L_Forearm", "lradius", "LeftElbow", "left_elbow"},
            {"RightForeArm", "rForeArm", "CC_Base_R_Forearm", "rradius", "RightElbow", "right_elbow"},
            {"LeftHand", "lHand", "CC_Base_L_Hand", "lwrist", "LeftWrist", "left_wrist"},
            {"RightHand", "rHand", "CC_Base_R_Hand", "rwrist", "RightWrist", "right_wrist"},
            {"LeftFingerBase", "lMid1", "CC_Base_L_Mid1", "lhand", "left_hand"},
            {"RightFingerBase", "rMid1", "CC_Base_R_Mid1", "rhand", "right_hand"},
            {"Neck", "neck", "CC_Base_NeckTwist01", "lowerneck"},
            {"Head", "head", "CC_Base_Head"}};

    public int frames() {
        return points.length;
    }

    public static CorpusClip read(Path file) throws IOException {
        return of(name(file), readMotion(file));
    }

    /** The clip's name: its file name without {@code .bvh} or {@code .bvh.gz}. */
    public static String name(Path file) {
        return file.getFileName().toString().replaceFirst("\\.bvh(\\.gz)?$", "");
    }

    /**
     * The clip's motion in metres, for a body of {@value #STATURE} m (whatever unit the file uses),
     * without the take's {@link CalibrationFrames} at its start.
     */
    public static Motion readMotion(Path file) throws IOException {
        Motion m;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            m = BvhReader.read(reader, file.toString(), 1);
        }
        double scale = STATURE / BodyPoints.stature(points(m, joints(m.skeleton()), 0));
        Vec3[] root = new Vec3[m.frameCount()];
        for (int f = 0; f < root.length; f++) {
            root[f] = m.rootPositions()[f].times(scale);
        }
        Motion scaled = new Motion(m.skeleton().scaled(scale), m.fps(), root, m.rotations());
        int start = motionStart(scaled), n = m.frameCount();
        return start == 0 ? scaled
                : new Motion(scaled.skeleton(), m.fps(), Arrays.copyOfRange(root, start, n), m.rotations().range(start, n));
    }

    /** How many frames at the start of a take come before its motion ({@link CalibrationFrames}). */
    public static int motionStart(Motion take) {
        return CalibrationFrames.count(of("take", take).points(), take.fps());
    }

    /** The clip of a motion, its body points rescaled to a stature of {@value #STATURE} m. */
    public static CorpusClip of(String name, Motion motion) {
        int[] joints = joints(motion.skeleton());
        Vec3[][] points = new Vec3[motion.frameCount()][];
        for (int f = 0; f < points.length; f++) {
            points[f] = points(motion, joints, f);
        }
        double scale = STATURE / BodyPoints.stature(points[0]);
        for (Vec3[] p : points) {
            for (int k = 0; k < p.length; k++) {
                p[k] = p[k].times(scale);
            }
        }
        return new CorpusClip(name, motion.fps(), points);
    }

    private static int[] joints(Skeleton s) {
        int[] joint = new int[BodyPoints.COUNT];
        for (int p = 0; p < BodyPoints.COUNT; p++) {
            joint[p] = find(s, p);
        }
        return joint;
    }

    /** One frame's body points in the file's unit. */
    private static Vec3[] points(Motion motion, int[] joint, int f) {
        Skeleton s = motion.skeleton();
        Vec3[] positions = motion.jointPositions(f);
        Quat[] world = ForwardKinematics.worldRotations(s, motion.rotations().frame(f));
        Vec3[] p = new Vec3[BodyPoints.COUNT];
        for (int k = 0; k < BodyPoints.COUNT; k++) {
            p[k] = joint[k] >= 0 ? positions[joint[k]] : null;
        }
        p[BodyPoints.L_TOE] = orEnd(p[BodyPoints.L_TOE], s, joint[BodyPoints.L_ANKLE], positions, world);
        p[BodyPoints.R_TOE] = orEnd(p[BodyPoints.R_TOE], s, joint[BodyPoints.R_ANKLE], positions, world);
        p[BodyPoints.L_HAND] = hand(p[BodyPoints.L_HAND], p[BodyPoints.L_WRIST], p[BodyPoints.L_ELBOW]);
        p[BodyPoints.R_HAND] = hand(p[BodyPoints.R_HAND], p[BodyPoints.R_WRIST], p[BodyPoints.R_ELBOW]);
        return p;
    }

    private static int find(Skeleton s, int point) {
        for (String candidate : NAMES[point]) {
            int i = s.indexOf(candidate);
            if (i >= 0) {
                return i;
            }
        }
        boolean optional = point == BodyPoints.L_TOE || point == BodyPoints.R_TOE || point == BodyPoints.L_HAND
                || point == BodyPoints.R_HAND;
        if (optional) {
            return -1;
        }
        throw new IllegalArgumentException("not a known mocap skeleton: none of " + List.of(NAMES[point]) + " among its joints");
    }

    /** A missing toe joint: the ankle's end site (or first child) carried by its world rotation. */
    private static Vec3 orEnd(Vec3 toe, Skeleton s, int ankle, Vec3[] positions, Quat[] world) {
        if (toe != null) {
            return toe;
        }
        List<Integer> children = s.children(ankle);
        if (!children.isEmpty()) {
            return positions[children.get(0)];
        }
        Vec3 end = s.endSites()[ankle];
        if (end == null) {
            throw new IllegalArgumentException("the skeleton has no toe joint or foot end site");
        }
        return positions[ankle].plus(world[ankle].rotate(end));
    }

    /** A hand point too close to the wrist (zero-length bones) is put along the forearm. */
    private static Vec3 hand(Vec3 hand, Vec3 wrist, Vec3 elbow) {
        if (hand != null && hand.distance(wrist) > 0.05 * wrist.distance(elbow)) {
            return hand;
        }
        return wrist.plus(wrist.minus(elbow).normalized().times(0.35 * wrist.distance(elbow)));
    }
}
