package dev.mocap.nn;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.mocap.TestData;
import dev.mocap.nn.onnx.OnnxGraph;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The converted ONNX models against the original .tflite on TFLite 2.6.2 + XNNPACK, fed the same
 * inputs made from real video frames (a centred square crop, resized to the model input).
 */
class TfliteOracleTest {
    /*
     * Largest |ONNX Runtime − TFLite| allowed per output: a few times the largest difference
     * measured over the 6 test frames (x86-64, ORT 1.22.0 vs TFLite 2.6.2 + XNNPACK, one thread;
     * measured value in each comment). Both compute in FP32 with different summation orders, so
     * the differences grow with network depth and the magnitude of the values.
     */
    /** Detector box and keypoint regressors, 224-px input units, values up to ±830 (1.0e-3). */
    private static final double DETECTOR_REGRESSORS = 1e-2;
    /** Detector score logits, values up to ±560 (4.3e-4). */
    private static final double DETECTOR_SCORES = 2e-3;
    /** Landmarks: x, y, z in 256-px crop units (up to ±290) and visibility/presence logits (3.6e-3 heavy). */
    private static final double LANDMARKS = 1e-2;
    /** Pose flag, a probability (8.2e-5 heavy). */
    private static final double POSE_FLAG = 5e-4;
    /** Heatmap logits, values up to ±100 (8.2e-4). */
    private static final double HEATMAP = 5e-3;
    /** World landmarks, metres (1.9e-5). */
    private static final double WORLD = 1e-4;

    private static final int[][] FRAMES = {{5, 30, 55}, {30, 120, 200}};
    private static final String[] VIDEOS = {"video/tfjs/pose_squats.mp4", "video/sports2d/demo.mp4"};

    private static List<BufferedImage> frames;

    @BeforeAll
    static void decodeFrames() throws Exception {
        Assumptions.assumeTrue(TfliteRuntime.isAvailable(), "TFLite runtime unavailable: " + TfliteRuntime.unavailableReason());
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        frames = new ArrayList<>();
        for (int v = 0; v < VIDEOS.length; v++) {
            frames.addAll(decode(TestData.file(VIDEOS[v]), FRAMES[v]));
        }
    }

    @ParameterizedTest
    @EnumSource(PoseModel.class)
    void onnxMatchesTflite(PoseModel model) throws OrtException {
        ModelStore store = ModelStore.locate();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (TfliteRuntime tflite = TfliteRuntime.open(store.tflite(model), 1);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession onnx = env.createSession(store.onnx(model).toString(), options)) {
            int[] shape = tflite.inputShape();
            assertSameInterface(model, tflite, onnx);
            boolean detector = model == PoseModel.DETECTOR;
            Map<String, Extremes> extremes = new LinkedHashMap<>();
            for (BufferedImage frame : frames) {
                float[] input = nhwc(frame, shape[1], detector);
                Map<String, float[]> actual = run(env, onnx, input, shape);
                Map<String, float[]> reference = tflite.run(input);
                actual.forEach((name, values) -> extremes.computeIfAbsent(name, n -> new Extremes()).add(reference.get(name), values));
            }
            List<String> failures = new ArrayList<>();
            extremes.forEach((name, e) -> {
                double tolerance = tolerance(detector, name);
                System.out.printf(Locale.ROOT, "%-20s %-10s %-16s max |diff| %.3g (tolerance %.0e), max |value| %.4g%n",
                        model.fileBase(), name, Arrays.toString(tflite.outputShapes().get(name)), e.diff, tolerance, e.value);
                if (e.diff > tolerance) {
                    failures.add(name + ": max |diff| " + e.diff + " > " + tolerance);
                }
            });
            assertEquals(List.of(), failures, model + " outputs off");
        }
    }

    /** Largest difference and largest reference magnitude seen on one output. */
    private static final class Extremes {
        double diff;
        double value;

        void add(float[] expected, float[] actual) {
            assertEquals(expected.length, actual.length, "output size");
            for (int i = 0; i < expected.length; i++) {
                diff = Math.max(diff, Math.abs(expected[i] - actual[i]));
                value = Math.max(value, Math.abs(expected[i]));
            }
        }
    }

    /** The .tflite's input, and the outputs the tool uses with their .tflite names and shapes, the batch symbolic. */
    private static void assertSameInterface(PoseModel model, TfliteRuntime tflite, OrtSession onnx) throws OrtException {
        assertEquals(List.of("input_1"), List.copyOf(onnx.getInputNames()));
        assertArrayEquals(batched(tflite.inputShape()), ((TensorInfo) onnx.getInputInfo().get("input_1").getInfo()).getShape());
        assertEquals(model.outputs(), List.copyOf(onnx.getOutputNames()));
        for (Map.Entry<String, NodeInfo> output : onnx.getOutputInfo().entrySet()) {
            assertArrayEquals(batched(tflite.outputShapes().get(output.getKey())),
                    ((TensorInfo) output.getValue().getInfo()).getShape(), output.getKey());
        }
    }

    /** A TFLite shape (batch 1) as the converted model declares it: the batch symbolic (−1). */
    private static long[] batched(int[] shape) {
        assertEquals(1, shape[0], "TFLite batch");
        long[] out = longs(shape);
        out[0] = OnnxGraph.BATCH;
        return out;
    }

    private static long[] longs(int[] values) {
        return Arrays.stream(values).asLongStream().toArray();
    }

    private static double tolerance(boolean detector, String output) {
        if (detector) {
            return output.equals("Identity") ? DETECTOR_REGRESSORS : DETECTOR_SCORES;
        }
        return switch (output) {
            case "Identity" -> LANDMARKS;
            case "Identity_1" -> POSE_FLAG;
            case "Identity_3" -> HEATMAP;
            case "Identity_4" -> WORLD;
            default -> throw new AssertionError("unexpected output " + output);
        };
    }

    private static Map<String, float[]> run(OrtEnvironment env, OrtSession session, float[] input, int[] shape)
            throws OrtException {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), longs(shape));
             OrtSession.Result result = session.run(Map.of("input_1", tensor))) {
            Map<String, float[]> outputs = new HashMap<>();
            for (Map.Entry<String, OnnxValue> e : result) {
                FloatBuffer values = ((OnnxTensor) e.getValue()).getFloatBuffer();
                float[] out = new float[values.remaining()];
                values.get(out);
                outputs.put(e.getKey(), out);
            }
            return outputs;
        }
    }

    /** The centred square of the frame resized to size×size, RGB, in [-1, 1] for the detector, else [0, 1]. */
    private static float[] nhwc(BufferedImage frame, int size, boolean detector) {
        int side = Math.min(frame.getWidth(), frame.getHeight());
        BufferedImage resized = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = resized.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        int x = (frame.getWidth() - side) / 2;
        int y = (frame.getHeight() - side) / 2;
        g.drawImage(frame, 0, 0, size, size, x, y, x + side, y + side, null);
        g.dispose();
        float[] out = new float[size * size * 3];
        int[] rgb = resized.getRGB(0, 0, size, size, null, 0, size);
        for (int i = 0; i < rgb.length; i++) {
            for (int c = 0; c < 3; c++) {
                int value = (rgb[i] >> (16 - 8 * c)) & 0xFF;
                out[3 * i + c] = detector ? value / 127.5f - 1f : value / 255f;
            }
        }
        return out;
    }

    private static List<BufferedImage> decode(Path video, int[] indices) throws Exception {
        List<BufferedImage> images = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            for (int index = 0, next = 0; next < indices.length; index++) {
                Frame frame = grabber.grabImage();
                assertNotNull(frame, video + " has no frame " + indices[next]);
                if (index == indices[next]) {
                    images.add(copy(converter.convert(frame)));
                    next++;
                }
            }
        }
        return images;
    }

    /** The converter reuses its image, so keep a copy. */
    private static BufferedImage copy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }
}
