package dev.mocap.bench;

import dev.mocap.nn.Device;
import dev.mocap.nn.ModelStore;
import dev.mocap.pipeline.LandmarksJob;
import dev.mocap.pipeline.Progress;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.pose.PoseOptions;
import dev.mocap.recover.MotionRecovery;
import dev.mocap.recover.RecoveryMethod;
import dev.mocap.recover.RecoveryOptions;
import dev.mocap.recover.RegressorRecovery;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Speed of motion recovery and of the whole conversion on one video: recovery frames per second
 * (median of repeated runs on the same landmarks, after warm-up) with {@code --recovery fit} and
 * {@code --recovery learned} (the network's share included), and end-to-end `convert` frames per
 * second with each, the fit's as the baseline; with a user's ONNX regressor the same for
 * {@code --recovery onnx:MODEL.onnx} (its second decoding of the video and the crops included).
 */
public final class RecoveryBenchmark {
    private static final int RUNS = 7;

    private final ModelStore models;
    private final PrintStream out;

    public RecoveryBenchmark(ModelStore models, PrintStream out) {
        this.models = models;
        this.out = out;
    }

    /** @param regressor an ONNX regressor to time as well, or null */
    public void run(Path video, Path regressor) {
        long start = System.nanoTime();
        LandmarksJob.Result landmarks = new LandmarksJob(models, PoseOptions.defaults()).run(video, null, null, Progress.silent());
        double landmarkSeconds = (System.nanoTime() - start) / 1e9;
        LandmarkSequence seq = landmarks.sequence();
        int frames = seq.frames().size();
        out.printf(Locale.ROOT, "video %s: %d frames, %dx%d; landmarks alone %.1f fps%n", video.getFileName(), frames,
                seq.video().width(), seq.video().height(), frames / landmarkSeconds);
        double fitSeconds = 0;
        for (RecoveryMethod method : List.of(RecoveryMethod.FIT, RecoveryMethod.LEARNED)) {
            RecoveryOptions options = RecoveryOptions.defaults().withMethod(method);
            MotionRecovery recovery = method.create(models);
            double seconds = Timing.medianSeconds(() -> recovery.recover(seq, options), 1, RUNS);
            fitSeconds = method == RecoveryMethod.FIT ? seconds : fitSeconds;
            out.printf(Locale.ROOT, "--recovery %-7s %8.0f frames/s (%.2f ms/frame); end-to-end convert %.1f fps (%.3f× the fit's)%n",
                    method.cliName(), frames / seconds, 1000 * seconds / frames, frames / (landmarkSeconds + seconds),
                    (landmarkSeconds + fitSeconds) / (landmarkSeconds + seconds));
        }
        if (regressor != null) {
            RecoveryOptions options = RecoveryOptions.defaults();
            RegressorRecovery recovery = new RegressorRecovery(regressor, Device.CPU, 1, null);
            double seconds = Timing.medianSeconds(() -> recovery.recover(seq, options), 1, RUNS);
            out.printf(Locale.ROOT, "--recovery onnx:%s (windows of %d, %s) %8.0f frames/s (%.2f ms/frame); end-to-end convert %.1f fps "
                            + "(%.3f× the fit's)%n", regressor.getFileName(), recovery.layout().window(),
                    recovery.layout().middleOnly() ? "middle crop's result" : "a result per crop", frames / seconds, 1000 * seconds / frames,
                    frames / (landmarkSeconds + seconds), (landmarkSeconds + fitSeconds) / (landmarkSeconds + seconds));
        }
        out.println("(median of " + RUNS + " runs after a warm-up run; one core for recovery)");
    }
}
