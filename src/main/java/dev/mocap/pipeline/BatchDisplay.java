package dev.mocap.pipeline;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a batch shows while it runs: one line per finished file (always), and on a terminal an
 * overall line redrawn in place: files done, frames and speed, and the files in progress.
 * Workers call it from their threads.
 */
public final class BatchDisplay {
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream lines;
    private final PrintStream terminal;
    private final int total;
    private final long start = System.nanoTime();
    /** Files being converted: frames done and expected. */
    private final Map<String, int[]> running = new LinkedHashMap<>();
    private int finished;
    private int failed;
    private long frames;
    private long lastDraw;
    private boolean drawn;

    /** @param terminal where the overall line is drawn, or null for none */
    public BatchDisplay(PrintStream lines, PrintStream terminal, int total) {
        this.lines = lines;
        this.terminal = terminal;
        this.total = total;
    }

    /** The display for this process: the overall line only on a terminal, and not when quiet. */
    public static BatchDisplay forTerminal(int total, boolean quiet) {
        return new BatchDisplay(System.out, !quiet && System.console() != null ? System.err : null, total);
    }

    synchronized void started(Path file) {
        running.put(file.toString(), new int[2]);
        draw(true);
    }

    /** Progress of one running file: {@code done} of {@code expected} frames (0 when unknown). */
    synchronized void frames(Path file, int done, int expected) {
        int[] state = running.get(file.toString());
        if (state != null) {
            frames += done - state[0];
            state[0] = done;
            state[1] = expected;
        }
        draw(false);
    }

    public synchronized void finished(BatchReport.Entry entry) {
        running.remove(entry.input());
        finished++;
        failed += entry.status() == BatchReport.Status.FAILED ? 1 : 0;
        clear();
        lines.println(String.format(Locale.ROOT, "[%d/%d] ", finished, total) + describe(entry));
        draw(true);
    }

    public synchronized void close() {
        clear();
    }

    private static String describe(BatchReport.Entry e) {
        ConvertedFiles c = e.converted();
        return switch (e.status()) {
            case CONVERTED -> String.format(Locale.ROOT, "converted %s -> %s (%d frames in %.1f s, %.1f fps, confidence %.2f%s)",
                    e.input(), e.output(), c.frames(), e.seconds(), e.fps(), c.quality().meanConfidence(),
                    c.warnings().isEmpty() ? "" : ", " + c.warnings().size() + " warning(s)");
            case SKIPPED -> "skipped " + e.input() + " (complete: " + e.output() + ConvertJob.SIDECAR_SUFFIX + ")";
            case FAILED -> "FAILED " + e.input() + ": " + e.error();
        };
    }

    private void draw(boolean now) {
        if (terminal == null) {
            return;
        }
        long t = System.nanoTime();
        if (!now && t - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = t;
        double seconds = (t - start) / 1e9;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "batch: %d/%d files%s, %d frames, %.1f fps",
                finished, total, failed > 0 ? " (" + failed + " failed)" : "", frames, frames / Math.max(seconds, 1e-9)));
        running.forEach((file, state) -> line.append(state[1] > 0
                ? String.format(Locale.ROOT, "; %s %d%%", BatchReport.fileName(file), 100L * state[0] / state[1])
                : String.format(Locale.ROOT, "; %s frame %d", BatchReport.fileName(file), state[0])));
        terminal.print("\r" + line + "\u001b[K");
        terminal.flush();
        drawn = true;
    }

    private void clear() {
        if (drawn) {
            terminal.print("\r\u001b[K");
            terminal.flush();
            drawn = false;
        }
    }
}
