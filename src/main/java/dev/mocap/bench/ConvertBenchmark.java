package dev.mocap.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import dev.mocap.filter.SmoothingPreset;
import dev.mocap.nn.Device;
import dev.mocap.nn.ModelStore;
import dev.mocap.nn.OnnxSession;
import dev.mocap.nn.PoseModel;
import dev.mocap.nn.TfliteRuntime;
import dev.mocap.pipeline.ConvertJob;
import dev.mocap.pipeline.Progress;
import dev.mocap.pose.LandmarkEstimator;
import dev.mocap.pose.PoseDetector;
import dev.mocap.pose.PoseModelPool;
import dev.mocap.pose.PoseModels;
import dev.mocap.pose.PoseOptions;
import dev.mocap.pose.PoseTracker;
import dev.mocap.pose.TrackedPose;
import dev.mocap.recover.RecoveryOptions;
import dev.mocap.retarget.Retargeting;
import dev.mocap.video.VideoFrame;
import dev.mocap.video.VideoInfo;
import dev.mocap.video.VideoSource;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * How close {@code convert} comes to the speed of its neural networks, on one video, in one
 * process: (a) the whole {@code convert} (default settings, BVH; model loading and writing
 * included); (b) inference alone: the detector and the landmark model on input tensors made
 * beforehand from the video's own frames and tracked regions, as many calls of each as the
 * tracker makes on this video (several people's crops of a frame in one call of the landmark
 * model, as the tracker batches them); (c) the same with TFLite+XNNPACK on the original graphs,
 * which take one crop a run. Each is
 * given as frames per second and process CPU milliseconds per frame, for several rounds taken in
 * turn; the ratios compare the rounds' medians.
 */
public final class ConvertBenchmark {
    /** Runs of each network left out of the timing while caches and thread pools settle. */
    private static final int WARMUP = 3;
    /** At most this many distinct input tensors are kept per network (each crop takes 0.8 MB). */
    private static final int MAX_CROPS = 100, MAX_DETECTOR_INPUTS = 30;
    private static final int PROBE_RUNS = 10;

    private final ModelStore models;
    private final PoseOptions pose;
    private final PrintStream out;
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public ConvertBenchmark(ModelStore models, PoseOptions pose, PrintStream out) {
        this.models = models;
        this.pose = pose;
        this.out = out;
    }

    /** Frames per second and CPU time per frame of one measurement. */
    record Speed(double fps, double cpuMsPerFrame) {
    }

    /** The inference a conversion of the video needs: sample input tensors and how many runs of each network. */
    private record Workload(int frames, List<float[]> detectorInputs, List<float[]> crops, int detectorRuns, int newcomerSearches,
                            int landmarkRuns, int[] landmarkCalls) {
    }

    /** Inference alone on one runtime: its speed and the milliseconds of one detector and one landmark-model run. */
    private record Inference(Speed speed, double detectorMs, double landmarkMs) {
    }

    /** One round's three measurements; {@code tflite} is null when that runtime is unavailable. */
    private record Round(Speed convert, Inference onnx, Inference tflite) {
    }

    public void run(Path video, int rounds) {
        Workload work = record(video);
        out.printf(Locale.ROOT, "%d frames; the tracker ran the detector %d times (%d of them while everyone tracked was followed, "
                        + "searching for newcomers; the rest while someone was lost or nobody was tracked) and the landmark model %d times "
                        + "(%.2f per frame) in %s calls of 1, 2, … crops; %d inference threads, %d cores%n", work.frames, work.detectorRuns,
                work.newcomerSearches, work.landmarkRuns, (double) work.landmarkRuns / work.frames,
                Arrays.toString(Arrays.copyOfRange(work.landmarkCalls, 1, work.landmarkCalls.length)), pose.threads(),
                Runtime.getRuntime().availableProcessors());
        Path dir = BenchFolder.create("mocap-bench-convert");
        try {
            convert(video, dir.resolve("warm-up"));
            int tfliteThreads = TfliteRuntime.isAvailable() ? fasterTfliteThreads(work) : 0;
            List<Round> all = new ArrayList<>();
            out.println("round  (a) convert fps (CPU ms/frame)  (b) inference ORT  (c) inference TFLite+XNNPACK  (a)/(b)  (a)/(b) CPU  ORT/TFLite");
            for (int r = 0; r < rounds; r++) {
                Round round = new Round(convert(video, dir.resolve("round" + r)), inference(work, Engine.ONNX_RUNTIME, pose.threads()),
                        TfliteRuntime.isAvailable() ? inference(work, Engine.TFLITE, tfliteThreads) : null);
                all.add(round);
                out.println(line(String.valueOf(r + 1), round));
            }
            Round median = new Round(medianSpeed(all, Round::convert), medianInference(all, Round::onnx), medianInference(all, Round::tflite));
            out.println(line("median", median));
            perGraph("detector", median.onnx.detectorMs, median.tflite == null ? Double.NaN : median.tflite.detectorMs);
            perGraph("landmarks (" + pose.model().fileBase() + ")", median.onnx.landmarkMs,
                    median.tflite == null ? Double.NaN : median.tflite.landmarkMs);
            out.printf(Locale.ROOT, "inputs timed: %d whole-frame detector inputs and %d tracked crops of the video, each used in turn%n",
                    work.detectorInputs.size(), work.crops.size());
            if (!TfliteRuntime.isAvailable()) {
                out.println("TFLite baseline skipped: " + TfliteRuntime.unavailableReason());
            }
            out.println("fps from wall time, CPU ms/frame from the process's CPU time (less disturbed by other load); "
                    + "(a)/(b): convert's throughput as a share of inference alone; (a)/(b) CPU: convert's CPU time per frame over inference's "
                    + "(at most 1.25 is the target); ORT/TFLite: TFLite's inference time over ORT's is"
                    + " ORT's speed-up (above 1: ORT faster)");
        } finally {
            BenchFolder.delete(dir);
        }
    }

    private static String line(String label, Round r) {
        Speed onnx = r.onnx.speed, tflite = r.tflite == null ? null : r.tflite.speed;
        return String.format(Locale.ROOT, "%-6s %30s %18s %29s %8s %12s %11s", label, speed(r.convert), speed(onnx), speed(tflite),
                String.format(Locale.ROOT, "%.2f", r.convert.fps / onnx.fps),
                String.format(Locale.ROOT, "%.2f", r.convert.cpuMsPerFrame / onnx.cpuMsPerFrame),
                tflite == null ? "-" : String.format(Locale.ROOT, "%.2f", onnx.fps / tflite.fps));
    }

    private void perGraph(String name, double onnxMs, double tfliteMs) {
        out.printf(Locale.ROOT, "%s: ORT %.2f ms per run", name, onnxMs);
        if (!Double.isNaN(tfliteMs)) {
            out.printf(Locale.ROOT, ", TFLite+XNNPACK %.2f ms: ORT/TFLite time %.2f", tfliteMs, onnxMs / tfliteMs);
        }
        out.println(" (medians of the rounds)");
    }

    private static String speed(Speed s) {
        return s == null ? "-" : String.format(Locale.ROOT, "%.1f (%.1f)", s.fps, s.cpuMsPerFrame);
    }

    private static <T> double median(List<Round> rounds, Function<Round, T> which, ToDoubleFunction<T> value) {
        double[] v = rounds.stream().map(which).mapToDouble(value).sorted().toArray();
        return v[v.length / 2];
    }

    private static Speed medianSpeed(List<Round> rounds, Function<Round, Speed> which) {
        return new Speed(median(rounds, which, Speed::fps), median(rounds, which, Speed::cpuMsPerFrame));
    }

    /** Each figure's median over the rounds; null when the runtime was not measured. */
    private static Inference medianInference(List<Round> rounds, Function<Round, Inference> which) {
        if (which.apply(rounds.get(0)) == null) {
            return null;
        }
        return new Inference(medianSpeed(rounds, which.andThen(Inference::speed)), median(rounds, which, Inference::detectorMs),
                median(rounds, which, Inference::landmarkMs));
    }

    /** The whole conversion of the video, as {@code mocap convert VIDEO} runs it. */
    private Speed convert(Path video, Path base) {
        ConvertJob.Options options = new ConvertJob.Options(pose, RecoveryOptions.defaults(), SmoothingPreset.DEFAULT, true,
                Set.of(Format.BVH), Exporters.defaults(), Retargeting.NONE);
        PoseModelPool.shared().closeIdle(); // each round loads the models, as one `mocap convert` does
        long cpu = os.getProcessCpuTime(), wall = System.nanoTime();
        int frames = new ConvertJob(models, options).runAll(video, base, Progress.silent(), files -> { }).get(0).videoFrames();
        return speed(frames, System.nanoTime() - wall, os.getProcessCpuTime() - cpu);
    }

    private static Speed speed(double frames, double wallNanos, double cpuNanos) {
        return new Speed(frames / (wallNanos / 1e9), cpuNanos / 1e6 / frames);
    }

    /**
     * Tracks everyone through the video as {@code convert} does, counting the network runs, and
     * keeps the input tensors of the first tracked regions and of the whole frames.
     */
    private Workload record(Path video) {
        List<float[]> detectorInputs = new ArrayList<>(), crops = new ArrayList<>();
        int frames = 0;
        try (VideoSource source = VideoSource.open(video);
             PoseModels tracked = PoseModels.open(models, pose);
             PoseDetector detector = new PoseDetector(models.onnx(PoseModel.DETECTOR), Device.CPU, 1, PoseDetector.DEFAULT_MIN_SCORE);
             LandmarkEstimator estimator = new LandmarkEstimator(models.onnx(pose.model()), Device.CPU, 1)) {
            PoseTracker tracker = new PoseTracker(tracked, pose.minPoseScore());
            VideoInfo info = source.info();
            out.printf(Locale.ROOT, "video %s: %dx%d %s; landmark model %s%n", video.getFileName(), info.width(), info.height(),
                    info.codec(), pose.model().fileBase());
            for (VideoFrame frame = source.next(); frame != null; frame = source.next(), frames++) {
                for (TrackedPose p : tracker.track(frame)) {
                    if (crops.size() < MAX_CROPS) {
                        estimator.prepare(frame, p.landmarks().roi());
                        crops.add(estimator.preparedInput());
                    }
                }
                if (detectorInputs.size() < MAX_DETECTOR_INPUTS) {
                    detector.prepare(frame);
                    detectorInputs.add(detector.preparedInput());
                }
            }
            if (crops.isEmpty()) {
                throw new IllegalArgumentException("nobody is tracked in " + video + ": no landmark model runs to time");
            }
            return new Workload(frames, detectorInputs, crops, tracker.detectorRuns(), tracker.newcomerSearches(), tracker.landmarkRuns(),
                    tracker.landmarkCalls());
        }
    }

    /** A network on some runtime: runs it on a batch of input tensors in one call. */
    private interface Network extends AutoCloseable {
        void run(List<float[]> batch);

        @Override
        void close();
    }

    private enum Engine { ONNX_RUNTIME, TFLITE }

    /** The network; ONNX Runtime's takes batches of {@code batch}, TFLite's only single inputs. */
    private Network open(Engine engine, PoseModel model, int threads, int batch) {
        if (engine == Engine.TFLITE) {
            TfliteRuntime runtime = TfliteRuntime.open(models.tflite(model), threads);
            return new Network() {
                @Override
                public void run(List<float[]> inputs) {
                    if (inputs.size() != 1) {
                        throw new IllegalArgumentException("TFLite runs one input a call, not " + inputs.size());
                    }
                    runtime.run(inputs.get(0));
                }

                @Override
                public void close() {
                    runtime.close();
                }
            };
        }
        OnnxSession session = new OnnxSession(models.onnx(model), pose.device(), threads, model.outputs(), batch);
        return new Network() {
            @Override
            public void run(List<float[]> inputs) {
                FloatBuffer buffer = session.input();
                inputs.forEach(buffer::put);
                session.infer();
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    /**
     * TFLite's thread pool spins while it waits, which on a busy machine can make two threads
     * far slower than one: the baseline runs with whichever thread count is faster here.
     */
    private int fasterTfliteThreads(Workload work) {
        List<float[]> probe = work.crops.subList(0, Math.min(PROBE_RUNS, work.crops.size()));
        double one = perRun(Engine.TFLITE, 1, pose.model(), probe, 1).wallNanos;
        double many = perRun(Engine.TFLITE, pose.threads(), pose.model(), probe, 1).wallNanos;
        int threads = many < one ? pose.threads() : 1;
        out.printf(Locale.ROOT, "TFLite+XNNPACK landmark model, probe of %d runs: %.1f ms on 1 thread, %.1f ms on %d: baseline on %d%n",
                probe.size(), one / 1e6, many / 1e6, pose.threads(), threads);
        return threads;
    }

    /** Wall and CPU nanoseconds of one call of a network. */
    private record PerRun(double wallNanos, double cpuNanos) {
    }

    /** One network's mean call over the inputs, taken {@code batch} at a time (from the start again at the end), after a few untimed calls. */
    private PerRun perRun(Engine engine, int threads, PoseModel model, List<float[]> inputs, int batch) {
        List<List<float[]>> calls = new ArrayList<>();
        for (int from = 0; from < inputs.size(); from += batch) {
            List<float[]> call = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                call.add(inputs.get((from + i) % inputs.size()));
            }
            calls.add(call);
        }
        try (Network network = open(engine, model, threads, batch)) {
            for (int i = 0; i < WARMUP; i++) {
                network.run(calls.get(i % calls.size()));
            }
            long cpu = os.getProcessCpuTime(), wall = System.nanoTime();
            calls.forEach(network::run);
            return new PerRun((System.nanoTime() - wall) / (double) calls.size(), (os.getProcessCpuTime() - cpu) / (double) calls.size());
        }
    }

    /**
     * Inference alone: the mean call of each network on the kept tensors, times as many calls as
     * the tracker made: on ONNX Runtime the landmark model's calls of several crops as batches,
     * on TFLite (no batches) a run per crop. The landmark milliseconds are of a call of one crop.
     */
    private Inference inference(Workload work, Engine engine, int threads) {
        PerRun detector = perRun(engine, threads, PoseModel.DETECTOR, work.detectorInputs, 1);
        PerRun single = perRun(engine, threads, pose.model(), work.crops, 1);
        double wall = detector.wallNanos * work.detectorRuns, cpu = detector.cpuNanos * work.detectorRuns;
        for (int crops = 1; crops < work.landmarkCalls.length; crops++) {
            int calls = work.landmarkCalls[crops];
            if (calls == 0) {
                continue;
            }
            if (engine == Engine.TFLITE || crops == 1) {
                wall += single.wallNanos * crops * calls;
                cpu += single.cpuNanos * crops * calls;
            } else {
                PerRun batch = perRun(engine, threads, pose.model(), work.crops, crops);
                wall += batch.wallNanos * calls;
                cpu += batch.cpuNanos * calls;
            }
        }
        return new Inference(speed(work.frames, wall, cpu), detector.wallNanos / 1e6, single.wallNanos / 1e6);
    }
}
