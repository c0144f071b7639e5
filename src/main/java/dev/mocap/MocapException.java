package dev.mocap;

/**
 * A failure the user can act on: its message is the one line printed to them, and its
 * {@link ExitCode} becomes the process exit status. Internal bugs stay ordinary exceptions.
 */
public class MocapException extends RuntimeException {
    private final ExitCode exitCode;

    public MocapException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public MocapException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
