package dev.mocap.bench;

import dev.mocap.AtomicFiles;
import dev.mocap.nn.Device;
import dev.mocap.nn.ModelStore;
import dev.mocap.nn.OnnxSession;
import dev.mocap.nn.PoseModel;
import dev.mocap.nn.TfliteRuntime;
import dev.mocap.nn.TfliteToOnnx;
import dev.mocap.pipeline.LandmarksJob;
import dev.mocap.pipeline.Progress;
import dev.mocap.pose.Detection;
import dev.mocap.pose.LandmarkEstimator;
import dev.mocap.pose.PersonSelection;
import dev.mocap.pose.PoseDetector;
import dev.mocap.pose.PoseOptions;
import dev.mocap.pose.PoseTracker;
import dev.mocap.pose.Roi;
import dev.mocap.video.VideoFrame;
import dev.mocap.video.VideoInfo;
import dev.mocap.video.VideoSource;

import com.sun.management.OperatingSystemMXBean;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Speed of the landmark stage on one video: milliseconds per frame for each step (decode,
 * pre-processing, detector, landmark model, post-processing) and end-to-end frames per second,
 * at 1 and 2 inference threads, with the TFLite interpreter (XNNPACK) on the same input tensors
 * as the baseline, all in one run.
 */
public final class LandmarkBenchmark {
    private static final int WARMUP = 5;
    private static final int[] THREADS = {1, 2};

    private final ModelStore models;
    private final PoseModel model;
    private final PrintStream out;

    public LandmarkBenchmark(ModelStore models, PoseModel model, PrintStream out) {
        this.models = models;
        this.model = model;
        this.out = out;
    }

    /** Mean milliseconds per frame of each step, for one runtime and thread count. */
    private record Steps(double preprocess, double detector, double landmarks, double postprocess) {
    }

    /** The model inputs of every frame, kept to feed the baseline runtime exactly the same tensors. */
    private record Inputs(List<float[]> detector, List<float[]> landmarks) {
    }

    public void run(Path video, int maxFrames) {
        long t0 = System.nanoTime();
        List<VideoFrame> frames = new ArrayList<>();
        VideoInfo info;
        try (VideoSource source = VideoSource.open(video)) {
            info = source.info();
            for (VideoFrame f = source.next(); f != null && frames.size() < maxFrames; f = source.next()) {
                frames.add(f);
            }
        }
        double decodeMs = (System.nanoTime() - t0) / 1e6 / frames.size();
        if (frames.size() <= WARMUP) {
            throw new IllegalArgumentException("the benchmark needs more than " + WARMUP + " frames; " + video + " has " + frames.size());
        }
        out.printf(Locale.ROOT, "video %s: %dx%d, %s, %d frames measured; landmark model %s%n", video.getFileName(),
                info.width(), info.height(), info.codec(), frames.size(), model.fileBase());
        out.printf(Locale.ROOT, "decode: %.2f ms/frame (including opening the file)%n%n", decodeMs);

        Inputs inputs = new Inputs(new ArrayList<>(), new ArrayList<>());
        List<String> rows = new ArrayList<>();
        for (int threads : THREADS) {
            Steps ort = onnxRuntime(frames, threads, threads == THREADS[0] ? inputs : null);
            EndToEnd whole = endToEnd(video, maxFrames, threads);
            rows.add(row("ONNX Runtime", threads, ort, whole));
            if (TfliteRuntime.isAvailable()) {
                Steps tflite = tflite(inputs, threads);
                double wholeGraph = onnxWholeGraph(inputs, threads);
                rows.add(row("TFLite+XNNPACK", threads, tflite, null));
                rows.add(String.format(Locale.ROOT, "  ORT on the whole landmark graph (with the segmentation head, as TFLite runs it): %.2f ms/frame", wholeGraph));
                rows.add(String.format(Locale.ROOT, "  ratio ORT/TFLite, %d thread(s): detector %.2f, landmarks same graph %.2f, landmarks as the tool runs them %.2f",
                        threads, ort.detector / tflite.detector, wholeGraph / tflite.landmarks, ort.landmarks / tflite.landmarks));
            }
        }
        out.println("runtime         threads  preprocess  detector  landmarks  postprocess  (ms/frame)  end-to-end fps (CPU ms/frame)");
        rows.forEach(out::println);
        if (!TfliteRuntime.isAvailable()) {
            out.println("TFLite baseline skipped: " + TfliteRuntime.unavailableReason());
        }
        out.println("\nend-to-end: decode on its own thread + tracking (detector every few frames and when someone is lost), whole pipeline of `mocap landmarks` without writing files;"
                + "\nCPU ms/frame: the process's CPU time per frame of that run without model loading (a one-frame run subtracted), which other load on the machine disturbs far less than fps");
    }

    private static String row(String runtime, int threads, Steps s, EndToEnd whole) {
        return String.format(Locale.ROOT, "%-15s %7d  %10.2f  %8.2f  %9.2f  %11.2f  %26s", runtime, threads,
                s.preprocess, s.detector, s.landmarks, s.postprocess,
                whole == null ? "-" : String.format(Locale.ROOT, "%.1f (%.2f)", whole.fps, whole.cpuMsPerFrame));
    }

    /**
     * Runs every step on every frame: the detector on each frame (to time it), the landmark model
     * on the region tracked from the previous frame, as the tracker does.
     */
    private Steps onnxRuntime(List<VideoFrame> frames, int threads, Inputs keep) {
        try (PoseDetector detector = new PoseDetector(models.onnx(PoseModel.DETECTOR), Device.CPU, threads, PoseDetector.DEFAULT_MIN_SCORE);
             LandmarkEstimator estimator = new LandmarkEstimator(models.onnx(model), Device.CPU, threads)) {
            long pre = 0, det = 0, lm = 0, post = 0;
            Roi roi = null;
            for (int i = 0; i < frames.size(); i++) {
                VideoFrame frame = frames.get(i);
                long a = System.nanoTime();
                detector.prepare(frame);
                long b = System.nanoTime();
                Map<String, float[]> detOut = detector.infer();
                long c = System.nanoTime();
                List<Detection> found = detector.decode(detOut);
                long d = System.nanoTime();
                if (roi == null && !found.isEmpty()) {
                    roi = found.get(0).roi();
                }
                Roi current = roi != null ? roi : new Roi(frame.width() / 2.0, frame.height() / 2.0, Math.min(frame.width(), frame.height()), 0);
                long e = System.nanoTime();
                estimator.prepare(frame, current);
                long f = System.nanoTime();
                estimator.infer();
                long g = System.nanoTime();
                LandmarkEstimator.Estimate estimate = estimator.decode(current);
                long h = System.nanoTime();
                float[] p = estimate.alignment();
                roi = estimate.landmarks().score() >= PoseTracker.DEFAULT_MIN_POSE_SCORE ? Roi.fromAlignmentPoints(p[0], p[1], p[2], p[3]) : null;
                if (keep != null) {
                    keep.detector.add(detector.preparedInput());
                    keep.landmarks.add(estimator.preparedInput());
                }
                if (i >= WARMUP) {
                    pre += (b - a) + (f - e);
                    det += c - b;
                    lm += g - f;
                    post += (d - c) + (h - g);
                }
            }
            double n = (frames.size() - WARMUP) * 1e6;
            return new Steps(pre / n, det / n, lm / n, post / n);
        }
    }

    private Steps tflite(Inputs inputs, int threads) {
        try (TfliteRuntime detector = TfliteRuntime.open(models.tflite(PoseModel.DETECTOR), threads);
             TfliteRuntime landmarks = TfliteRuntime.open(models.tflite(model), threads)) {
            long det = 0, lm = 0;
            for (int i = 0; i < inputs.detector.size(); i++) {
                long a = System.nanoTime();
                detector.run(inputs.detector.get(i));
                long b = System.nanoTime();
                landmarks.run(inputs.landmarks.get(i));
                long c = System.nanoTime();
                if (i >= WARMUP) {
                    det += b - a;
                    lm += c - b;
                }
            }
            double n = (inputs.detector.size() - WARMUP) * 1e6;
            return new Steps(Double.NaN, det / n, lm / n, Double.NaN);
        }
    }

    /** The landmark model converted with all its outputs, timed on the same inputs. */
    private double onnxWholeGraph(Inputs inputs, int threads) {
        Path file = null;
        try {
            byte[] tflite = Files.readAllBytes(models.tflite(model));
            List<String> all = List.of("Identity", "Identity_1", "Identity_2", "Identity_3", "Identity_4");
            file = Files.createTempFile("mocap-bench-", ".onnx");
            Files.write(file, TfliteToOnnx.convert(tflite, model.fileBase(), "benchmark: whole graph", all));
            try (OnnxSession session = new OnnxSession(file, Device.CPU, threads, all)) {
                long total = 0;
                for (int i = 0; i < inputs.landmarks.size(); i++) {
                    long a = System.nanoTime();
                    session.input().put(inputs.landmarks.get(i));
                    session.infer();
                    if (i >= WARMUP) {
                        total += System.nanoTime() - a;
                    }
                }
                return total / ((inputs.landmarks.size() - WARMUP) * 1e6);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                AtomicFiles.deleteQuietly(file);
            }
        }
    }

    /** Frames per second of the whole landmark job, and its CPU time per frame. */
    private record EndToEnd(double fps, double cpuMsPerFrame) {
    }

    private EndToEnd endToEnd(Path video, int maxFrames, int threads) {
        PoseOptions options = new PoseOptions(model, Device.CPU, threads, PoseDetector.DEFAULT_MIN_SCORE, PoseTracker.DEFAULT_MIN_POSE_SCORE,
                PersonSelection.LARGEST);
        LandmarksJob job = new LandmarksJob(models, options);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = os.getProcessCpuTime();
        job.run(video, null, null, Progress.silent(), 1);
        long oneFrame = os.getProcessCpuTime() - start;
        start = os.getProcessCpuTime();
        LandmarksJob.Result r = job.run(video, null, null, Progress.silent(), maxFrames);
        long all = os.getProcessCpuTime() - start;
        return new EndToEnd(r.fps(), (all - oneFrame) / 1e6 / (r.people().frames().size() - 1));
    }
}
