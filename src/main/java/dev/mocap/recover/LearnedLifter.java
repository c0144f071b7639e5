package dev.mocap.recover;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Camera;
import dev.mocap.body.Vec3;
import dev.mocap.nn.Device;
import dev.mocap.nn.OnnxSession;
import dev.mocap.pose.BlazePose;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The learned lifting network (model card {@code models/LIFTER.md}) on ONNX Runtime: a dilated
 * temporal convolution over {@value #RECEPTIVE_FIELD} frames at {@value #FPS} fps that reads
 * {@link LiftingFeatures} and gives, per frame, the 33 landmarks relative to the mid-hip in camera
 * axes (metres, for a body of {@value #STATURE} m), the probability that each foot is planted, and
 * up (the floor's normal) in camera axes, which perspective and posture show even where the feet
 * never rest on the floor twice.
 * The observations' times are put on a {@value #FPS} fps grid (linear interpolation, so any frame
 * rate and gaps work), the grid is extended at both ends by repeating its end frames (so a clip
 * of one frame works), and run in fixed chunks of {@value #CHUNK} frames with their context, so
 * memory does not grow with the clip. Any network of the same contract runs (input
 * [1, {@value LiftingFeatures#SIZE}, {@value #INPUT_FRAMES}] of raw features, output {@value #OUTPUT}
 * [1, {@value #OUTPUTS}, {@value #CHUNK}]): the other designs of the model card are measured so.
 * Not for concurrent use.
 */
public final class LearnedLifter {
    public static final double FPS = 30, STATURE = 1.70;
    public static final int RECEPTIVE_FIELD = 81, CHUNK = 128, CONTACTS = 33 * 3, UP = CONTACTS + 2, OUTPUTS = UP + 3;
    public static final int INPUT_FRAMES = CHUNK + RECEPTIVE_FIELD - 1;
    public static final String OUTPUT = "lifted";
    private static final int PAD = RECEPTIVE_FIELD / 2;
    /**
     * How far a well-seen landmark goes from the network's shape onto its own camera ray; the
     * temporal fit still pulls the skeleton onto the 2D landmarks. With the first network halfway
     * was best. The eight-network mean, read after the turn repair, earns more trust where the
     * landmarks come from the real model: PA-MPJPE at 0.5 / 0.35 / 0.2 / 0.1 on views of training
     * motions that no network saw 66.7 / 65.1 / 64.0 / 63.6 mm, on the rendered training views
     * 55.5 / 54.3 / 53.7 / 53.5 (below 0.2 the feet slide more there, and at 0 much more). Where
     * the landmarks' errors are simulated it earns less (held-out synthetic set 39.2 / 39.3 / 39.9
     * / 40.7 mm), so a fifth of the way (models/LIFTER.md).
     */
    static final double RAY_PULL = 0.2;
    /**
     * The temporal fit's smoothness on the network's shapes, as a multiple of that on the world
     * landmarks. The shapes are steady, so what still shakes comes from the 2D landmarks through
     * the reprojection term. On every 8th rendered training view (76 views, default finishing):
     * factor 1 / 3 / 5 gave PA-MPJPE 66.2 / 64.5 / 64.1 mm, acceleration error 15.1 / 12.1 / 11.4
     * mm/frame², sliding on true contacts 19.6 / 17.1 / 16.3 mm/frame; 3 takes most of the gain
     * and costs least on the test data's CMU clips. On the world landmarks any factor above 1
     * costs accuracy.
     */
    static final double FIT_SMOOTHNESS = 3;

    private final OnnxSession session;

    public LearnedLifter(Path model, int threads) {
        session = new OnnxSession(model, Device.CPU, threads, List.of(OUTPUT));
        long[] input = {1, LiftingFeatures.SIZE, INPUT_FRAMES}, output = {1, OUTPUTS, CHUNK};
        long[] actualInput = session.inputShape(), actualOutput = session.outputShape(OUTPUT);
        if (!Arrays.equals(actualInput, input) || !Arrays.equals(actualOutput, output)) {
            session.close();
            throw new MocapException(ExitCode.MODEL_MISSING, model + " is not a lifting network of this version: it takes "
                    + Arrays.toString(actualInput) + " to " + Arrays.toString(actualOutput) + ", not " + Arrays.toString(input) + " to "
                    + Arrays.toString(output) + " (restore the shipped one with 'git checkout models/')");
        }
    }

    /**
     * What the network says of a clip: per observation the body shape and the two feet's contact
     * probabilities, and up in camera axes (unit; the camera does not move, so one for the clip).
     */
    record Lifted(List<Vec3[]> shapes, double[][] contacts, Vec3 up) {
    }

    /** The observations with their body shapes (hence their depths along the rays) from the network, and its up. */
    record Reshaped(List<Observation> frames, Vec3 up) {
    }

    Reshaped reshape(List<Observation> frames, Camera camera) {
        Lifted lifted = lift(frames, camera);
        List<Observation> out = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            out.add(Lifter.reshape(frames.get(i), lifted.shapes().get(i), lifted.contacts()[i], camera, RAY_PULL));
        }
        return new Reshaped(out, lifted.up());
    }

    Lifted lift(List<Observation> frames, Camera camera) {
        double t0 = frames.get(0).time(), t1 = frames.get(frames.size() - 1).time();
        int n = (int) Math.round((t1 - t0) * FPS) + 1;
        float[][] features = new float[frames.size()][];
        for (int i = 0; i < features.length; i++) {
            features[i] = LiftingFeatures.of(frames.get(i), camera);
        }
        float[][] grid = new float[n][];
        double[] times = new double[frames.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = (frames.get(i).time() - t0) * FPS;
        }
        for (int k = 0; k < n; k++) {
            grid[k] = interpolate(features, times, k);
        }
        float[][] outputs = run(LiftingFeatures.withFootMotion(grid));
        double[] gridTimes = new double[n];
        for (int k = 0; k < n; k++) {
            gridTimes[k] = k;
        }
        List<Vec3[]> shapes = new ArrayList<>(frames.size());
        double[][] contacts = new double[frames.size()][2];
        Vec3 up = Vec3.ZERO;
        for (int i = 0; i < frames.size(); i++) {
            float[] o = interpolate(outputs, gridTimes, times[i]);
            Vec3[] shape = new Vec3[BlazePose.COUNT];
            for (int j = 0; j < shape.length; j++) {
                shape[j] = new Vec3(o[3 * j], o[3 * j + 1], o[3 * j + 2]);
            }
            shapes.add(shape);
            contacts[i][0] = sigmoid(o[CONTACTS]);
            contacts[i][1] = sigmoid(o[CONTACTS + 1]);
            up = up.plus(new Vec3(o[UP], o[UP + 1], o[UP + 2]));
        }
        return new Lifted(shapes, contacts, up.normalized());
    }

    /** The network over the grid, chunk by chunk, each with {@value #PAD} frames of context on both sides. */
    private float[][] run(float[][] grid) {
        int n = grid.length, c = LiftingFeatures.SIZE;
        float[][] out = new float[n][];
        for (int start = 0; start < n; start += CHUNK) {
            FloatBuffer input = session.input();
            // Layout [1, channel, time].
            for (int ch = 0; ch < c; ch++) {
                for (int t = 0; t < INPUT_FRAMES; t++) {
                    int k = Math.max(0, Math.min(n - 1, start - PAD + t));
                    input.put(grid[k][ch]);
                }
            }
            float[] result = session.run().get(OUTPUT);
            for (int t = 0; t < CHUNK && start + t < n; t++) {
                float[] frame = new float[OUTPUTS];
                for (int o = 0; o < OUTPUTS; o++) {
                    frame[o] = result[o * CHUNK + t];
                }
                out[start + t] = frame;
            }
        }
        return out;
    }

    /** Linear interpolation of per-sample vectors at {@code t} (clamped to the first and last sample). */
    private static float[] interpolate(float[][] values, double[] times, double t) {
        int hi = Arrays.binarySearch(times, t);
        if (hi >= 0) {
            return values[hi];
        }
        hi = -hi - 1;
        if (hi == 0) {
            return values[0];
        }
        if (hi >= times.length) {
            return values[times.length - 1];
        }
        int lo = hi - 1;
        double w = (t - times[lo]) / (times[hi] - times[lo]);
        float[] out = new float[values[lo].length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (values[lo][i] + w * (values[hi][i] - values[lo][i]));
        }
        return out;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
