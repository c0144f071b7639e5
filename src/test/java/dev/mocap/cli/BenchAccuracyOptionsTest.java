package dev.mocap.cli;

import dev.mocap.ExitCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench accuracy --lifter NAME=MODEL.onnx}: what it refuses, before any work. */
class BenchAccuracyOptionsTest {

    @Test
    void aLifterWithoutANameIsOneUsageError() {
        CliRun run = CliRun.of("bench", "accuracy", "--lifter", "models/lifter.onnx");
        assertEquals(ExitCode.USAGE, run.exit());
        assertEquals(1, run.errorLines(), run.err());
        assertTrue(run.err().contains("--lifter must be NAME=MODEL.onnx"), run.err());
    }

    @Test
    void aMissingLifterFileIsOneBadInputError() {
        CliRun run = CliRun.of("bench", "accuracy", "--lifter", "gru=no-such-lifter.onnx");
        assertEquals(ExitCode.BAD_INPUT, run.exit());
        assertEquals(1, run.errorLines(), run.err());
        assertTrue(run.err().contains("--lifter gru=no-such-lifter.onnx: no such file"), run.err());
    }

    @Test
    void aNameGivenTwiceIsOneUsageError() {
        CliRun run = CliRun.of("bench", "accuracy", "--lifter", "a=models/lifter.onnx", "--lifter", "a=models/lifter.onnx");
        assertEquals(ExitCode.USAGE, run.exit());
        assertTrue(run.err().contains("the name a is given twice"), run.err());
    }

    @Test
    void otherBenchmarksRefuseTheOption() {
        CliRun run = CliRun.of("bench", "filters", "--lifter", "a=models/lifter.onnx");
        assertEquals(ExitCode.USAGE, run.exit());
        assertTrue(run.err().contains("--lifter is an option of bench accuracy"), run.err());
    }
}
