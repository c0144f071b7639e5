package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.video.VideoInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Motion recovery by fitting the SMPL-24 skeleton to BlazePose landmarks: lift the landmarks
 * into camera space through a full-perspective camera ({@link Lifter}), undo left/right
 * swaps (the whole body read the wrong way round, then legs and arms: {@link SwapRepair}),
 * measure the subject's
 * skeleton ({@link BodyModel}), find the floor ({@link GroundPlane}), pose each frame
 * ({@link AnalyticPose}), refine the whole sequence ({@link TemporalFit}), then bridge short gaps
 * and split at long ones.
 */
public final class LandmarkRecovery implements MotionRecovery {
    /** The learned lifting network, or null to take body shapes from the world landmarks. */
    private final LearnedLifter lifter;

    LandmarkRecovery(LearnedLifter lifter) {
        this.lifter = lifter;
    }

    @Override
    public Recovery recover(LandmarkSequence seq, RecoveryOptions options) {
        RecoveryStart start = RecoveryStart.of(seq, options);
        List<FramePose> seen = start.seen();
        List<String> warnings = new ArrayList<>(seq.warnings());
        double fps = start.fps();
        Camera camera = lifter == null || options.focalGiven() ? start.camera()
                : estimatedCamera(seen, seq.video());

        SwapRepair.Repaired observed = SwapRepair.lifted(seen, camera);
        SwapRepair.Decisions repairs = observed.decisions();
        if (repairs.turns() > 0) {
            warnings.add(repairs.turns() + " frames in which the landmark model read the body the wrong way round (front for back)"
                    + " were turned back");
        }
        if (repairs.swaps() > 0) {
            warnings.add(repairs.swaps() + " left/right limb swaps of the landmark model were undone");
        }
        List<Observation> observations = observed.frames();
        Vec3 judgedUp = null;
        if (lifter != null) {
            LearnedLifter.Reshaped reshaped;
            synchronized (lifter) {
                reshaped = lifter.reshape(observations, camera);
            }
            observations = reshaped.frames();
            judgedUp = reshaped.up();
        }
        BodyModel body = BodyModel.measure(observations);
        if (Double.isFinite(options.subjectHeight())) {
            observations = rescaled(observations, camera, options.subjectHeight() / Smpl24.standingHeight(body.skeleton()),
                    lifter == null ? 1 : LearnedLifter.RAY_PULL);
            body = BodyModel.measure(observations);
        }
        unclearFigureWarning(observations, camera).ifPresent(warnings::add);
        WorldFrame frame = WorldFrame.cameraAxes();
        if (!options.keepCameraFrame()) {
            GroundPlane.Result ground = judgedUp == null ? GroundPlane.fit(observations) : GroundPlane.fit(observations, judgedUp);
            if (ground.contacts() < 10) {
                warnings.add("few foot contacts seen: the floor's tilt is a guess ("
                        + (judgedUp == null ? "upright torso, level camera" : "the lifting network's judgement") + ")");
            }
            frame = WorldFrame.levelled(ground.up(), ground.floor());
            frame = faceForward(frame, observations.get(0), new AnalyticPose(body));
        }

        Grid grid = new Grid(observations, fps);
        Track track = pose(grid, frame, body);
        NoiseLevel noise = NoiseLevel.of(observations);
        double smoothness = options.smoothness() * noise.smoothnessFactor() * (lifter == null ? 1 : LearnedLifter.FIT_SMOOTHNESS);
        new TemporalFit(body, frame.place(camera), smoothness, noise.depthFactor())
                .refine(track, grid);
        List<Segment> segments = track.segments(body.skeleton(), grid, (int) Math.round(options.maxGapSeconds() * fps), warnings);
        if (grid.first() > 0.5) {
            warnings.add(String.format(Locale.ROOT, "the person is first seen at %.2f s; the motion starts there", grid.first()));
        }
        return new Recovery(segments, frame.place(camera), body.skeleton(), warnings);
    }

    /**
     * A warning where, in at least {@link #UNCLEAR_SHARE} of the frames, the body's shape fits the
     * picture only at a depth its size contradicts (see {@link Lifter#rootTranslation}): the mark
     * of landmarks that are wrong, not merely noisy.
     */
    static Optional<String> unclearFigureWarning(List<Observation> observations, Camera camera) {
        long unclear = observations.stream().filter(o -> Lifter.placedBySize(o, camera)).count();
        if (unclear == 0 || unclear < UNCLEAR_SHARE * observations.size()) {
            return Optional.empty();
        }
        return Optional.of(unclear + " frames in which the landmarks' 3D reading disagrees with the picture (a small, distant or"
                + " unclear figure): the motion there is unreliable, its depth taken from the body's size alone");
    }

    private static final double UNCLEAR_SHARE = 0.05;

    private static List<Observation> rescaled(List<Observation> frames, Camera camera, double scale, double rayPull) {
        List<Observation> out = new ArrayList<>(frames.size());
        for (Observation o : frames) {
            Vec3[] body = Lifter.bodyShape(o);
            for (int i = 0; i < body.length; i++) {
                body[i] = body[i].times(scale);
            }
            out.add(Lifter.reshape(o, body, o.footContact(), camera, rayPull));
        }
        return out;
    }

    /** The focal length given (--focal, else --fov), else the image diagonal. */
    static double focal(RecoveryOptions options, VideoInfo video) {
        if (!options.focalGiven()) {
            return Camera.defaultFocal(video.width(), video.height());
        }
        return Double.isFinite(options.focalPx()) ? options.focalPx() : Camera.focalFromFov(options.fovDegrees(), video.width());
    }

    /** The camera at the origin with the focal length the lifter estimates ({@link FocalEstimate}). */
    private Camera estimatedCamera(List<FramePose> seen, VideoInfo video) {
        synchronized (lifter) {
            return Camera.atOrigin(FocalEstimate.of(seen, video, lifter), video.width(), video.height());
        }
    }

    /** Turns the world about Y so that the subject faces +Z in the first frame and starts at x = z = 0. */
    private static WorldFrame faceForward(WorldFrame frame, Observation first, AnalyticPose ik) {
        Vec3 forward = ik.solve(frame.apply(first.lifted()), first.weight())[0].rotate(Vec3.Z);
        WorldFrame turned = frame.then(-Math.atan2(forward.x(), forward.z()), Vec3.ZERO);
        Vec3 root = pelvis(turned.apply(first.lifted()));
        return turned.then(0, new Vec3(-root.x(), 0, -root.z()));
    }

    static Vec3 pelvis(Vec3[] points) {
        return points[BlazePose.LEFT_HIP].lerp(points[BlazePose.RIGHT_HIP], 0.5);
    }

    private static Track pose(Grid grid, WorldFrame frame, BodyModel body) {
        AnalyticPose ik = new AnalyticPose(body);
        Track track = new Track(grid.size());
        for (int k = 0; k < grid.size(); k++) {
            Observation o = grid.at(k);
            if (o != null) {
                Vec3[] targets = frame.apply(o.lifted());
                track.set(k, pelvis(targets), ik.solve(targets, o.weight()), confidence(o), o.footContact());
            }
        }
        return track;
    }

    /** Mean weight of the twelve limb landmarks times the pose score. */
    private static double confidence(Observation o) {
        double sum = 0;
        for (int j : BlazePose.MAJOR_JOINTS) {
            sum += o.weight()[j];
        }
        return sum / BlazePose.MAJOR_JOINTS.length * o.score();
    }

    static double medianRate(List<FramePose> frames) {
        if (frames.size() < 2) {
            return 30;
        }
        double[] dt = new double[frames.size() - 1];
        for (int i = 1; i < frames.size(); i++) {
            dt[i - 1] = frames.get(i).timestamp() - frames.get(i - 1).timestamp();
        }
        java.util.Arrays.sort(dt);
        double median = dt[dt.length / 2];
        return median > 0 ? 1 / median : 30;
    }
}
