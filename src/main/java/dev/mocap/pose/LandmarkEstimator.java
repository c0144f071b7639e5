package dev.mocap.pose;

import dev.mocap.nn.Device;
import dev.mocap.nn.OnnxSession;
import dev.mocap.nn.PoseModel;
import dev.mocap.video.VideoFrame;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * BlazePose GHUM 3D landmark model on a rotated ROI crop: 39 landmarks (33 body points and two
 * alignment points for the next frame's ROI), refined by the heatmap and mapped back to frame
 * pixels; world landmarks rotated back by the ROI rotation. Several people's crops of one frame
 * run in one call of the model, up to {@value #MAX_BATCH}.
 */
public final class LandmarkEstimator implements AutoCloseable {
    static final int INPUT_SIZE = 256;
    /**
     * Crops per call of the model at most. On two intra-op threads a batch of two took 0.86–0.89
     * of the CPU time of two calls of one (wall time 0.80–0.82); the session for two opens with
     * the first frame that has two people.
     */
    public static final int MAX_BATCH = 2;
    private static final int ALL_POINTS = 39;
    private static final int HEATMAP_SIZE = 64;
    private static final int HEATMAP_KERNEL = 7;
    private static final float MIN_HEATMAP_CONFIDENCE = 0.5f;
    private static final int ALIGN_CENTRE = 33, ALIGN_SCALE = 34;

    /** What the model says about one ROI, plus the two alignment points (frame pixels) for tracking. */
    public record Estimate(Landmarks landmarks, float[] alignment) {
    }

    private final Path model;
    private final Device device;
    private final int threads;
    /** By batch size, the sessions opened so far. */
    private final OnnxSession[] sessions = new OnnxSession[MAX_BATCH + 1];
    /** The session whose input was prepared last. */
    private OnnxSession prepared;
    /** Calls of the model so far by how many crops they took (index 1 to {@value #MAX_BATCH}). */
    private final int[] calls = new int[MAX_BATCH + 1];
    private final float[] pixels = new float[INPUT_SIZE * INPUT_SIZE * 3];

    public LandmarkEstimator(Path model, Device device, int threads) {
        this.model = model;
        this.device = device;
        this.threads = threads;
        prepared = session(1);
    }

    private OnnxSession session(int batch) {
        if (sessions[batch] == null) {
            sessions[batch] = new OnnxSession(model, device, threads, PoseModel.LANDMARK_OUTPUTS, batch);
        }
        return sessions[batch];
    }

    public Estimate estimate(VideoFrame frame, Roi roi) {
        return estimate(frame, List.of(roi)).get(0);
    }

    /** The estimates in several regions of one frame, in their order, {@value #MAX_BATCH} at most in a call of the model. */
    public List<Estimate> estimate(VideoFrame frame, List<Roi> rois) {
        List<Estimate> out = new ArrayList<>(rois.size());
        for (int from = 0; from < rois.size(); from += MAX_BATCH) {
            List<Roi> batch = rois.subList(from, Math.min(rois.size(), from + MAX_BATCH));
            prepare(frame, batch);
            infer();
            for (int item = 0; item < batch.size(); item++) {
                out.add(decode(batch.get(item), item));
            }
        }
        return out;
    }

    /** Step 1 of {@link #estimate}: the ROI crop into the model's input tensor. */
    public void prepare(VideoFrame frame, Roi roi) {
        prepare(frame, List.of(roi));
    }

    /** Step 1 for a batch ({@value #MAX_BATCH} crops at most): the crops one after the other in the input tensor. */
    public void prepare(VideoFrame frame, List<Roi> rois) {
        if (rois.isEmpty() || rois.size() > MAX_BATCH) {
            throw new IllegalArgumentException(rois.size() + " crops for one call: 1 to " + MAX_BATCH + " are taken");
        }
        prepared = session(rois.size());
        FloatBuffer input = prepared.input();
        for (Roi roi : rois) {
            ImageTensors.crop(frame, roi, INPUT_SIZE, pixels);
            input.put(pixels);
        }
    }

    /** A copy of the first prepared input tensor (NHWC), e.g. to feed another runtime. */
    public float[] preparedInput() {
        return prepared.inputCopy();
    }

    /** Step 2: the model, on the prepared crops. */
    public void infer() {
        prepared.infer();
        calls[prepared.batch()]++;
    }

    /** How many calls of the model so far took 1, 2, … crops (index = crops). */
    public int[] calls() {
        return calls.clone();
    }

    /** Step 3: the model's outputs to landmarks in frame coordinates (the heatmap read in place, only around each landmark). */
    public Estimate decode(Roi roi) {
        return decode(roi, 0);
    }

    /** Step 3 for the crop {@code item} of a batch, in region {@code roi}. */
    public Estimate decode(Roi roi, int item) {
        float[] raw = values("Identity", item);
        float score = prepared.output("Identity_1", item).get(0);
        refineWithHeatmap(raw, prepared.output("Identity_3", item));

        int n = BlazePose.COUNT;
        float[] image = new float[3 * n], world = new float[3 * n], visibility = new float[n], presence = new float[n];
        for (int i = 0; i < n; i++) {
            double u = raw[5 * i] / INPUT_SIZE, v = raw[5 * i + 1] / INPUT_SIZE;
            image[3 * i] = (float) roi.frameX(u, v);
            image[3 * i + 1] = (float) roi.frameY(u, v);
            image[3 * i + 2] = (float) (raw[5 * i + 2] / INPUT_SIZE * roi.size());
            visibility[i] = PoseDetector.sigmoid(raw[5 * i + 3]);
            presence[i] = PoseDetector.sigmoid(raw[5 * i + 4]);
        }
        rotateWorld(values("Identity_4", item), roi.rotation(), world);
        float[] alignment = new float[4];
        for (int k = 0; k < 2; k++) {
            int p = k == 0 ? ALIGN_CENTRE : ALIGN_SCALE;
            double u = raw[5 * p] / INPUT_SIZE, v = raw[5 * p + 1] / INPUT_SIZE;
            alignment[2 * k] = (float) roi.frameX(u, v);
            alignment[2 * k + 1] = (float) roi.frameY(u, v);
        }
        return new Estimate(new Landmarks(image, world, visibility, presence, score, roi), alignment);
    }

    private float[] values(String output, int item) {
        FloatBuffer buffer = prepared.output(output, item);
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }

    /** World landmarks come in the crop's orientation; only x and y turn back with the ROI. */
    private static void rotateWorld(float[] raw, double rotation, float[] world) {
        double cos = Math.cos(rotation), sin = Math.sin(rotation);
        for (int i = 0; i < BlazePose.COUNT; i++) {
            double x = raw[3 * i], y = raw[3 * i + 1];
            world[3 * i] = (float) (cos * x - sin * y);
            world[3 * i + 1] = (float) (sin * x + cos * y);
            world[3 * i + 2] = raw[3 * i + 2];
        }
    }

    /**
     * Replaces each landmark's x, y by the confidence-weighted mean cell of a 7×7 heatmap window
     * around it (MediaPipe's refinement, including its cell-corner convention).
     */
    static void refineWithHeatmap(float[] raw, FloatBuffer heatmap) {
        int offset = (HEATMAP_KERNEL - 1) / 2;
        float cell = (float) INPUT_SIZE / HEATMAP_SIZE;
        for (int i = 0; i < ALL_POINTS; i++) {
            int col = (int) (raw[5 * i] / cell), row = (int) (raw[5 * i + 1] / cell);
            if (raw[5 * i] < 0 || raw[5 * i + 1] < 0 || col >= HEATMAP_SIZE || row >= HEATMAP_SIZE) {
                continue;
            }
            float sum = 0, max = 0, sumCol = 0, sumRow = 0;
            for (int r = Math.max(0, row - offset); r < Math.min(HEATMAP_SIZE, row + offset + 1); r++) {
                for (int c = Math.max(0, col - offset); c < Math.min(HEATMAP_SIZE, col + offset + 1); c++) {
                    float conf = PoseDetector.sigmoid(heatmap.get((r * HEATMAP_SIZE + c) * ALL_POINTS + i));
                    sum += conf;
                    max = Math.max(max, conf);
                    sumCol += c * conf;
                    sumRow += r * conf;
                }
            }
            if (max >= MIN_HEATMAP_CONFIDENCE && sum > 0) {
                raw[5 * i] = sumCol / sum * cell;
                raw[5 * i + 1] = sumRow / sum * cell;
            }
        }
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (OnnxSession session : sessions) {
            try {
                if (session != null) {
                    session.close();
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
