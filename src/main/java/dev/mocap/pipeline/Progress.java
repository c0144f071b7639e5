package dev.mocap.pipeline;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long job on a terminal: frames done, speed, time left, redrawn in place at most
 * a few times a second. Silent when output is not a terminal (pipes, CI) or when disabled. For
 * programs that run mocap (the Blender add-on), {@link #asLines()} prints plain lines instead.
 */
public final class Progress {
    private static final long REDRAW_NANOS = 250_000_000L;
    private final PrintStream out;
    private final boolean enabled;
    private final String label;
    private final boolean lines;
    private final Listener listener;
    private final long start = System.nanoTime();
    private long lastDraw;

    /** Receives every update, e.g. to combine the progress of several jobs into one display. */
    public interface Listener {
        void frames(int done, int total);
    }

    private Progress(PrintStream out, boolean enabled, String label, boolean lines, Listener listener) {
        this.out = out;
        this.enabled = enabled;
        this.label = label;
        this.lines = lines;
        this.listener = listener;
    }

    /** Shows progress on stderr if this process has a terminal and {@code quiet} is false. */
    public static Progress forTerminal(String label, boolean quiet) {
        return new Progress(System.err, !quiet && System.console() != null, label, false, null);
    }

    /** One line {@code progress DONE/TOTAL} (TOTAL 0 when unknown) on stderr a few times a second. */
    public static Progress asLines() {
        return new Progress(System.err, true, "", true, null);
    }

    public static Progress silent() {
        return new Progress(System.err, false, "", false, null);
    }

    /** Draws nothing itself; hands each update to {@code listener}. */
    public static Progress reportingTo(Listener listener) {
        return new Progress(System.err, false, "", false, listener);
    }

    /** @param total expected frames, or 0 when unknown */
    public void update(int done, int total) {
        if (listener != null) {
            listener.frames(done, total);
        }
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        if (lines) {
            out.println("progress " + done + "/" + Math.max(total, 0));
            return;
        }
        double seconds = (now - start) / 1e9;
        double fps = done / Math.max(seconds, 1e-9);
        String line = total > 0
                ? String.format(Locale.ROOT, "%s: frame %d/%d (%d%%), %.1f fps, %s left", label, done, total,
                100L * done / total, fps, eta(Math.max(0, total - done) / Math.max(fps, 1e-9)))
                : String.format(Locale.ROOT, "%s: frame %d, %.1f fps", label, done, fps);
        out.print("\r" + line + "\u001b[K");
        out.flush();
    }

    public void finish() {
        if (enabled && !lines && lastDraw != 0) {
            out.print("\r\u001b[K");
            out.flush();
        }
    }

    private static String eta(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
