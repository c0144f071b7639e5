package dev.mocap.pose;

import dev.mocap.nn.Device;
import dev.mocap.nn.OnnxSession;
import dev.mocap.video.VideoFrame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * BlazePose person detector: the frame (or a square window of it) scaled into the 224×224
 * input, 2254 SSD anchors, weighted non-maximum suppression. Returns every person found, best
 * first, in frame pixels.
 */
public final class PoseDetector implements AutoCloseable {
    public static final float DEFAULT_MIN_SCORE = 0.5f;
    private static final float NMS_IOU = 0.3f;
    private static final int VALUES_PER_ANCHOR = 12;
    private static final int KEYPOINTS = 4;

    private final OnnxSession session;
    private final float[] anchors = SsdAnchors.centres();
    private final float minScore;
    private final float[] pixels = new float[SsdAnchors.INPUT_SIZE * SsdAnchors.INPUT_SIZE * 3];
    private DetectionWindow window;

    public PoseDetector(Path model, Device device, int threads, float minScore) {
        this.session = new OnnxSession(model, device, threads, List.of("Identity", "Identity_1"));
        this.minScore = minScore;
    }

    /** The people in the whole frame. */
    public List<Detection> detect(VideoFrame frame) {
        return detect(frame, DetectionWindow.whole(frame.width(), frame.height()));
    }

    /** The people in a window of the frame. */
    public List<Detection> detect(VideoFrame frame, DetectionWindow window) {
        prepare(frame, window);
        return decode(infer());
    }

    /** Step 1 of {@link #detect}: the whole frame, letterboxed, into the model's input tensor. */
    public void prepare(VideoFrame frame) {
        prepare(frame, DetectionWindow.whole(frame.width(), frame.height()));
    }

    private void prepare(VideoFrame frame, DetectionWindow window) {
        ImageTensors.window(frame, window, SsdAnchors.INPUT_SIZE, pixels);
        session.input().put(pixels);
        this.window = window;
    }

    /** A copy of the prepared input tensor (NHWC), e.g. to feed another runtime. */
    public float[] preparedInput() {
        return session.inputCopy();
    }

    /** Step 2: the model. */
    public Map<String, float[]> infer() {
        return session.run();
    }

    /** Step 3: model outputs of the prepared frame to detections, best first. */
    public List<Detection> decode(Map<String, float[]> out) {
        return weightedNms(decodeAnchors(out.get("Identity"), out.get("Identity_1"), window));
    }

    private List<Detection> decodeAnchors(float[] raw, float[] logits, DetectionWindow box) {
        List<Detection> found = new ArrayList<>();
        float s = SsdAnchors.INPUT_SIZE;
        for (int a = 0; a < logits.length; a++) {
            float score = sigmoid(Math.max(-100f, Math.min(100f, logits[a])));
            if (score < minScore) {
                continue;
            }
            int o = a * VALUES_PER_ANCHOR;
            float ax = anchors[2 * a], ay = anchors[2 * a + 1];
            double cx = raw[o] / s + ax, cy = raw[o + 1] / s + ay;
            double w = raw[o + 2] / s, h = raw[o + 3] / s;
            double x0 = box.frameX(cx - w / 2), x1 = box.frameX(cx + w / 2);
            double y0 = box.frameY(cy - h / 2), y1 = box.frameY(cy + h / 2);
            float[] keypoints = new float[2 * KEYPOINTS];
            for (int k = 0; k < KEYPOINTS; k++) {
                keypoints[2 * k] = (float) box.frameX(raw[o + 4 + 2 * k] / s + ax);
                keypoints[2 * k + 1] = (float) box.frameY(raw[o + 5 + 2 * k] / s + ay);
            }
            found.add(new Detection(score, (float) x0, (float) y0, (float) (x1 - x0), (float) (y1 - y0), keypoints));
        }
        return found;
    }

    /** Each cluster of overlapping boxes becomes their score-weighted mean, with the best score. */
    static List<Detection> weightedNms(List<Detection> candidates) {
        List<Detection> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Detection best = remaining.get(0);
            List<Detection> cluster = new ArrayList<>();
            List<Detection> rest = new ArrayList<>();
            for (Detection d : remaining) {
                (best.iou(d) > NMS_IOU ? cluster : rest).add(d);
            }
            kept.add(weightedMean(best.score(), cluster));
            remaining = rest;
        }
        return kept;
    }

    private static Detection weightedMean(float score, List<Detection> cluster) {
        double total = 0, x = 0, y = 0, w = 0, h = 0;
        double[] kp = new double[2 * KEYPOINTS];
        for (Detection d : cluster) {
            total += d.score();
            x += d.score() * d.x();
            y += d.score() * d.y();
            w += d.score() * d.width();
            h += d.score() * d.height();
            for (int k = 0; k < kp.length; k++) {
                kp[k] += d.score() * d.keypoints()[k];
            }
        }
        float[] keypoints = new float[kp.length];
        for (int k = 0; k < kp.length; k++) {
            keypoints[k] = (float) (kp[k] / total);
        }
        return new Detection(score, (float) (x / total), (float) (y / total), (float) (w / total), (float) (h / total), keypoints);
    }

    static float sigmoid(float v) {
        return (float) (1 / (1 + Math.exp(-v)));
    }

    @Override
    public void close() {
        session.close();
    }
}
