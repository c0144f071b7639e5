package dev.mocap;

/** Process exit statuses of the command-line tool (documented in README.md). */
public enum ExitCode {
    OK(0),
    /** Unexpected internal error. */
    FAILURE(1),
    /** Wrong command line. */
    USAGE(2),
    /** The input could not be read or is not what the command needs (bad video, bad file). */
    BAD_INPUT(3),
    /** A model file is missing or corrupt. */
    MODEL_MISSING(4),
    /** The output could not be written. */
    OUTPUT_FAILED(5),
    /** The requested device (e.g. CUDA) is not available. */
    DEVICE_UNAVAILABLE(6),
    /** A batch finished, but some of its inputs failed. */
    PARTIAL(7);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
