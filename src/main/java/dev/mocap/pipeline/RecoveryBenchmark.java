package dev.mocap.pipeline;

import dev.mocap.nn.ModelStore;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.pose.PoseOptions;
import dev.mocap.recover.LandmarkRecovery;
import dev.mocap.recover.RecoveryOptions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Speed of motion recovery and of the whole conversion on one video: recovery frames per second
 * (median of repeated runs on the same landmarks, after warm-up), with and without the fit's
 * smoothness terms, and end-to-end `convert` frames per second with recovery's share of it.
 */
public final class RecoveryBenchmark {
    private static final int RUNS = 7;

    private final ModelStore models;
    private final PrintStream out;

    public RecoveryBenchmark(ModelStore models, PrintStream out) {
        this.models = models;
        this.out = out;
    }

    public void run(Path video) {
        long start = System.nanoTime();
        LandmarksJob.Result landmarks = new LandmarksJob(models, PoseOptions.defaults()).run(video, null, null, Progress.silent());
        double landmarkSeconds = (System.nanoTime() - start) / 1e9;
        LandmarkSequence seq = landmarks.sequence();
        int frames = seq.frames().size();
        RecoveryOptions fitted = RecoveryOptions.defaults();
        RecoveryOptions analyticOnly = new RecoveryOptions(fitted.focalPx(), fitted.fovDegrees(), fitted.subjectHeight(),
                fitted.fps(), fitted.keepCameraFrame(), fitted.maxGapSeconds(), 0);
        double full = Timing.medianSeconds(() -> new LandmarkRecovery().recover(seq, fitted), 1, RUNS);
        double analytic = Timing.medianSeconds(() -> new LandmarkRecovery().recover(seq, analyticOnly), 1, RUNS);
        out.printf(Locale.ROOT, "video %s: %d frames, %dx%d%n", video.getFileName(), frames, seq.video().width(), seq.video().height());
        out.printf(Locale.ROOT, "recovery with temporal fit:        %8.0f frames/s (%.2f ms/frame)%n", frames / full, 1000 * full / frames);
        out.printf(Locale.ROOT, "recovery, fit without smoothness terms: %3.0f frames/s (%.2f ms/frame)%n", frames / analytic, 1000 * analytic / frames);
        out.printf(Locale.ROOT, "end-to-end convert (model loading, landmarks, recovery): %.1f fps; landmarks alone %.1f fps; "
                + "recovery is %.1f %% of the time%n", frames / (landmarkSeconds + full), frames / landmarkSeconds,
                100 * full / (landmarkSeconds + full));
        out.println("(median of " + RUNS + " runs after a warm-up run; one core for recovery)");
    }
}
