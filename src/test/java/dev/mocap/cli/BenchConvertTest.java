package dev.mocap.cli;

import dev.mocap.ExitCode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchConvertTest {

    @Test
    void measuresConvertAgainstInferenceAloneOnTheSameVideo() {
        CliRun run = CliRun.of("bench", "convert", "samples/walk_wave.mp4", "--rounds", "1");

        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertTrue(run.out().contains("120 frames;"), run.out());
        Matcher median = Pattern.compile("(?m)^median +(\\S+) \\((\\S+)\\) +(\\S+) \\((\\S+)\\) .* (\\S+) +(\\S+) +(\\S+)$").matcher(run.out());
        assertTrue(median.find(), run.out());
        double convertFps = Double.parseDouble(median.group(1)), inferenceFps = Double.parseDouble(median.group(3));
        assertTrue(convertFps > 0 && inferenceFps > 0, median.group());
        assertTrue(Double.parseDouble(median.group(2)) > Double.parseDouble(median.group(4)),
                "a whole conversion takes more CPU per frame than its inference: " + median.group());
        assertEquals(convertFps / inferenceFps, Double.parseDouble(median.group(5)), 0.01, median.group());
        double cpuRatio = Double.parseDouble(median.group(2)) / Double.parseDouble(median.group(4));
        // The CPU times are printed to 0.1 ms, the ratio from the unrounded ones.
        assertEquals(cpuRatio, Double.parseDouble(median.group(6)), 0.03 * cpuRatio + 0.01, "(a)/(b) of CPU times: " + median.group());
        assertTrue(run.out().matches("(?s).*the detector \\d+ times \\(\\d+ of them while everyone tracked was followed.*"), run.out());
        assertTrue(Arrays.stream(run.out().split("\n")).anyMatch(l -> l.startsWith("landmarks (pose_landmark_full): ORT ")), run.out());
    }

    @Test
    void aMissingVideoIsOneClearError() {
        CliRun run = CliRun.of("bench", "convert", "no-such-video.mp4");

        assertEquals(ExitCode.BAD_INPUT, run.exit());
        assertEquals(1, run.errorLines(), run.err());
        assertTrue(run.err().contains("no-such-video.mp4"), run.err());
    }
}
