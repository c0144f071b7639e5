package dev.mocap.filter;

import dev.mocap.body.FootContacts;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Smpl24;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.pose.Landmarks;
import dev.mocap.pose.Roi;
import dev.mocap.body.Camera;
import dev.mocap.video.VideoInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A second of a body standing in the rest pose, filmed from 4 m, with exact landmarks. */
final class StandingClip {
    static final int FRAMES = 30;
    /** 4 m in front of the subject (who faces +Z), 1 m up, looking along −Z: a half turn about X takes world to camera axes. */
    static final Camera CAMERA = Camera.atOrigin(1000, 1280, 720).withPose(new Quat(0, 1, 0, 0), new Vec3(0, 1, 4));
    /** The landmarks that sit on SMPL joints here: BlazePose index, SMPL-24 joint. */
    private static final Map<Integer, Integer> ON_JOINTS = Map.ofEntries(
            Map.entry(BlazePose.LEFT_SHOULDER, Smpl24.LEFT_SHOULDER), Map.entry(BlazePose.RIGHT_SHOULDER, Smpl24.RIGHT_SHOULDER),
            Map.entry(BlazePose.LEFT_ELBOW, Smpl24.LEFT_ELBOW), Map.entry(BlazePose.RIGHT_ELBOW, Smpl24.RIGHT_ELBOW),
            Map.entry(BlazePose.LEFT_WRIST, Smpl24.LEFT_WRIST), Map.entry(BlazePose.RIGHT_WRIST, Smpl24.RIGHT_WRIST),
            Map.entry(BlazePose.LEFT_HIP, Smpl24.LEFT_HIP), Map.entry(BlazePose.RIGHT_HIP, Smpl24.RIGHT_HIP),
            Map.entry(BlazePose.LEFT_KNEE, Smpl24.LEFT_KNEE), Map.entry(BlazePose.RIGHT_KNEE, Smpl24.RIGHT_KNEE),
            Map.entry(BlazePose.LEFT_ANKLE, Smpl24.LEFT_ANKLE), Map.entry(BlazePose.RIGHT_ANKLE, Smpl24.RIGHT_ANKLE),
            Map.entry(BlazePose.LEFT_FOOT_INDEX, Smpl24.LEFT_FOOT), Map.entry(BlazePose.RIGHT_FOOT_INDEX, Smpl24.RIGHT_FOOT));

    /** The rest pose (T-pose) with the balls of the feet {@code up} above the floor, the root moving {@code drift} m a frame along X. */
    static Motion standing(double drift, double up, boolean planted) {
        Quat[][] rotations = new Quat[FRAMES][Smpl24.COUNT];
        Vec3[] root = new Vec3[FRAMES];
        for (int f = 0; f < FRAMES; f++) {
            Arrays.fill(rotations[f], Quat.IDENTITY);
            root[f] = new Vec3(drift * f, TestMotions.PELVIS_HEIGHT + up, 0);
        }
        boolean[] contacts = new boolean[FRAMES];
        Arrays.fill(contacts, planted);
        return new Motion(TestMotions.humanSkeleton(), 30, root, rotations, null, new FootContacts(contacts, contacts.clone()));
    }

    /** Exact landmarks of the motion as the camera sees it: limb landmarks on their joints, the rest on the pelvis. */
    static LandmarkSequence filmed(Motion motion) {
        List<FramePose> frames = new ArrayList<>();
        for (int f = 0; f < motion.frameCount(); f++) {
            Vec3[] joints = motion.jointPositions(f);
            float[] image = new float[3 * BlazePose.COUNT], world = new float[3 * BlazePose.COUNT];
            float[] visible = new float[BlazePose.COUNT];
            Arrays.fill(visible, 1);
            for (int i = 0; i < BlazePose.COUNT; i++) {
                double[] uv = CAMERA.project(CAMERA.toCamera(joints[ON_JOINTS.getOrDefault(i, Smpl24.PELVIS)]));
                image[3 * i] = (float) uv[0];
                image[3 * i + 1] = (float) uv[1];
            }
            frames.add(new FramePose(f, f / motion.fps(), new Landmarks(image, world, visible, visible.clone(), 1, new Roi(640, 360, 400, 0))));
        }
        VideoInfo video = new VideoInfo(Path.of("standing.mp4"), 1280, 720, motion.fps(), FRAMES, 0, FRAMES / motion.fps(), "synthetic");
        return new LandmarkSequence(video, "synthetic", frames, List.of());
    }

    private StandingClip() {
    }
}
