package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.math.WhittakerSmoother;
import dev.mocap.nn.Device;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.smpl.SmplBody;
import dev.mocap.smpl.SmplModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Motion recovery by a user's image-based temporal regressor ({@code --recovery onnx:MODEL.onnx},
 * {@link RegressorContract}): the person crops of the tracker go through the network in windows
 * of T; each frame's θ gives the joint rotations exactly as an SMPL file in camera axes would
 * ({@code mocap export} of a VIBE/TCMR {@code .npz}: the rotations unchanged, the root turned from
 * the camera's axes), its crop camera the root's full-perspective translation
 * ({@link WeakPerspective}). Over the sequence the root path is smoothed (its depth, read from the
 * apparent size, hardest), β is averaged into one body, and the world is levelled on the floor
 * the landmarks show, as the fit does. The skeleton is the one measured from the landmarks, or
 * with the user's SMPL model that model's J(β), and then its pelvis is placed exactly.
 */
public final class RegressorRecovery implements MotionRecovery {
    /** Cut-offs of the root path's smoothing at --fit-smoothness 1 (Hz). */
    private static final double SIDEWAYS_HZ = 4, DEPTH_HZ = 1;
    /** The floor goes under the lower foot's ball in this share of the frames. */
    private static final double FLOOR_QUANTILE = 0.1;
    private static final int CROP = 3 * RegressorContract.SIDE * RegressorContract.SIDE;

    private final RegressorNetwork network;
    private final SmplModel smplModel;

    /**
     * Opens and checks the model now, so a missing or unfit one fails before any video is read.
     *
     * @param smplModel the user's SMPL model (--smpl-model), or null
     */
    public RegressorRecovery(Path model, Device device, int threads, SmplModel smplModel) {
        this.network = new RegressorNetwork(model, device, threads);
        this.smplModel = smplModel;
    }

    public RegressorContract.Layout layout() {
        return network.layout();
    }

    /** What the network says for each frame with the person, in camera axes. */
    private record Regressed(Quat[][] rotations, Vec3[] translation, double[] betas) {
    }

    @Override
    public Recovery recover(LandmarkSequence seq, RecoveryOptions options) {
        RecoveryStart start = RecoveryStart.of(seq, options);
        List<FramePose> seen = start.seen();
        double fps = start.fps();
        Camera camera = start.camera();
        List<Observation> observations = new ArrayList<>(seen.size());
        for (FramePose f : seen) {
            observations.add(Lifter.lift(f.timestamp(), f.landmarks(), camera, 1));
        }
        Regressed r;
        synchronized (network) {
            r = regress(seq.video().file(), seen, camera);
        }
        SmplBody body = smplModel == null ? null : smplModel.body(r.betas());
        Skeleton skeleton = body != null ? body.skeleton() : measured(observations, options);
        double[] weight = seen.stream().mapToDouble(f -> Math.max(f.landmarks().score(), 1e-3)).toArray();
        Vec3[] pelvis = smoothed(r.translation(), body != null ? body.pelvis() : Vec3.ZERO, weight, fps, options.smoothness());
        WorldFrame frame = options.keepCameraFrame() ? WorldFrame.cameraAxes()
                : grounded(GroundPlane.fit(observations).up(), skeleton, fps, pelvis, r.rotations());

        Grid grid = new Grid(observations, fps);
        Map<Observation, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < observations.size(); i++) {
            index.put(observations.get(i), i);
        }
        Track track = new Track(grid.size());
        for (int k = 0; k < grid.size(); k++) {
            Observation o = grid.at(k);
            if (o != null) {
                int i = index.get(o);
                track.set(k, frame.apply(pelvis[i]), inWorld(frame, r.rotations()[i]), weight[i], null);
            }
        }
        List<String> warnings = new ArrayList<>(seq.warnings());
        List<Segment> segments = track.segments(skeleton, grid, (int) Math.round(options.maxGapSeconds() * fps), warnings);
        if (grid.first() > 0.5) {
            warnings.add(String.format(Locale.ROOT, "the person is first seen at %.2f s; the motion starts there", grid.first()));
        }
        return new Recovery(segments, frame.place(camera), skeleton, warnings);
    }

    /** Runs the network over the crops in windows and reads its results. */
    private Regressed regress(Path videoFile, List<FramePose> seen, Camera camera) {
        RegressorContract.Layout layout = network.layout();
        int n = seen.size(), t = layout.window();
        Quat[][] rotations = new Quat[n][];
        Vec3[] translation = new Vec3[n];
        double[] betas = new double[RegressorContract.BETA_COUNT];
        double betaWeight = 0;
        float[][] ring = new float[t][CROP];
        float[] window = new float[t * CROP], boxes = new float[3 * t];
        try (PersonCrops crops = new PersonCrops(videoFile, seen)) {
            int produced = 0;
            int step = layout.middleOnly() ? 1 : t;
            for (int start = 0; start < n; start += step) {
                int first = layout.middleOnly() ? start - t / 2 : start;
                int[] frames = new int[t];
                for (int k = 0; k < t; k++) {
                    frames[k] = Math.max(0, Math.min(n - 1, first + k));
                }
                for (; produced <= frames[t - 1]; produced++) {
                    crops.next(ring[produced % t], 0);
                }
                for (int k = 0; k < t; k++) {
                    System.arraycopy(ring[frames[k] % t], 0, window, k * CROP, CROP);
                    System.arraycopy(WeakPerspective.boxInfo(PersonCrops.box(seen.get(frames[k])), camera), 0, boxes, 3 * k, 3);
                }
                RegressorNetwork.Results out = network.run(window, boxes);
                for (int row = 0; row < layout.results(); row++) {
                    int f = layout.middleOnly() ? start : start + row;
                    if (f >= n) {
                        break;
                    }
                    rotations[f] = RegressorContract.rotations(out.pose(), row * layout.poseWidth(), layout.sixD());
                    translation[f] = translation(out.cam(), row, PersonCrops.box(seen.get(f)), camera, f);
                    double w = seen.get(f).landmarks().score();
                    for (int b = 0; b < betas.length; b++) {
                        betas[b] += w * out.betas()[row * RegressorContract.BETA_COUNT + b];
                    }
                    betaWeight += w;
                }
            }
        }
        for (int b = 0; b < betas.length; b++) {
            betas[b] /= Math.max(betaWeight, 1e-9);
        }
        return new Regressed(rotations, translation, betas);
    }

    private static Vec3 translation(float[] cam, int row, CropBox box, Camera camera, int frame) {
        try {
            return WeakPerspective.translation(cam[3 * row], cam[3 * row + 1], cam[3 * row + 2], box, camera);
        } catch (IllegalArgumentException e) {
            throw new MocapException(ExitCode.MODEL_MISSING, "the regressor's camera of frame " + frame + " is not usable: " + e.getMessage());
        }
    }

    private static Skeleton measured(List<Observation> observations, RecoveryOptions options) {
        Skeleton skeleton = BodyModel.measure(observations).skeleton();
        return Double.isFinite(options.subjectHeight()) ? skeleton.scaled(options.subjectHeight() / Smpl24.standingHeight(skeleton)) : skeleton;
    }

    /**
     * The pelvis path in camera space (translation + the model's pelvis offset J₀(β)), smoothed
     * sideways lightly and in depth hard; {@code smoothness} scales both (0: none).
     */
    private static Vec3[] smoothed(Vec3[] translation, Vec3 offset, double[] weight, double fps, double smoothness) {
        int n = translation.length;
        double[][] axes = new double[3][n];
        for (int i = 0; i < n; i++) {
            Vec3 p = translation[i].plus(offset);
            axes[0][i] = p.x();
            axes[1][i] = p.y();
            axes[2][i] = p.z();
        }
        double sideways = smoothness * WhittakerSmoother.lambda(SIDEWAYS_HZ, fps), depth = smoothness * WhittakerSmoother.lambda(DEPTH_HZ, fps);
        double[] x = WhittakerSmoother.smooth(axes[0], weight, sideways), y = WhittakerSmoother.smooth(axes[1], weight, sideways);
        double[] z = WhittakerSmoother.smooth(axes[2], weight, depth);
        Vec3[] out = new Vec3[n];
        for (int i = 0; i < n; i++) {
            out[i] = new Vec3(x[i], y[i], z[i]);
        }
        return out;
    }

    /** The local rotations with the root's turned from camera axes into the world. */
    private static Quat[] inWorld(WorldFrame frame, Quat[] local) {
        Quat[] out = local.clone();
        out[0] = frame.rotation().times(local[0]);
        return out;
    }

    /**
     * Y along the floor normal that the landmarks show, the floor under the lower foot's ball in
     * the lowest tenth of the frames, the subject starting at x = z = 0 facing +Z.
     */
    private static WorldFrame grounded(Vec3 up, Skeleton skeleton, double fps, Vec3[] pelvis, Quat[][] rotations) {
        WorldFrame level = WorldFrame.levelled(up, 0);
        Motion m = inFrame(level, skeleton, fps, pelvis, rotations);
        double[] lowest = new double[m.frameCount()];
        for (int f = 0; f < lowest.length; f++) {
            Vec3[] p = m.jointPositions(f);
            lowest[f] = Math.min(p[Smpl24.LEFT_FOOT].y(), p[Smpl24.RIGHT_FOOT].y());
        }
        Arrays.sort(lowest);
        WorldFrame floored = WorldFrame.levelled(up, lowest[(int) (FLOOR_QUANTILE * (lowest.length - 1))]);
        Vec3 forward = floored.rotation().times(rotations[0][0]).rotate(Vec3.Z);
        WorldFrame turned = floored.then(-Math.atan2(forward.x(), forward.z()), Vec3.ZERO);
        Vec3 start = turned.apply(pelvis[0]);
        return turned.then(0, new Vec3(-start.x(), 0, -start.z()));
    }

    private static Motion inFrame(WorldFrame frame, Skeleton skeleton, double fps, Vec3[] pelvis, Quat[][] rotations) {
        Vec3[] root = new Vec3[pelvis.length];
        Quat[][] local = new Quat[pelvis.length][];
        for (int i = 0; i < root.length; i++) {
            root[i] = frame.apply(pelvis[i]);
            local[i] = inWorld(frame, rotations[i]);
        }
        return new Motion(skeleton, fps, root, local);
    }
}
