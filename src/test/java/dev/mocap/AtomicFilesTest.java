package dev.mocap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Output files appear only when complete: not on a full disk, not when the process is killed. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskIsOneClearErrorAndLeavesNothing() throws IOException {
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.isWritable(devFull), "no /dev/full here");
        Path target = dir.resolve("walk.bvh");
        Files.writeString(target, "the previous take");
        // The first 4 kB land in the file, then the device reports what a full disk reports.
        MocapException e = assertThrows(MocapException.class, () -> AtomicFiles.write(target, out -> {
            try (OutputStream full = Files.newOutputStream(devFull); OutputStream failing = new FilterOutputStream(out) {
                private int written;

                @Override
                public void write(int b) throws IOException {
                    (++written > 4096 ? full : out).write(b);
                }
            }) {
                for (int i = 0; i < 10_000; i++) {
                    failing.write('x');
                }
            }
        }));
        assertEquals(ExitCode.OUTPUT_FAILED, e.exitCode());
        assertTrue(e.getMessage().contains("No space left on device") && e.getMessage().contains("walk.bvh"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals("the previous take", Files.readString(target), "the old file stays as it was");
        assertEquals(List.of(target), files(), "no temporary file left behind");
    }

    @Test
    void aKilledWriterLeavesNoFileUnderTheFinalNameAndItsTemporaryIsCleanedNextTime() throws Exception {
        Path target = dir.resolve("take.fbx");
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HangingWriter.class.getName(), target.toString()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("writing", out.readLine(), "the child started writing");
            writer.destroyForcibly();
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
        }
        assertFalse(Files.exists(target), "nothing under the final name");
        List<Path> left = files();
        assertEquals(1, left.size(), "the killed process's temporary file: " + left);
        Path unrelated = Files.writeString(dir.resolve("notes.tmp"), "not ours");
        Path ours = AtomicFiles.temporaryFor(dir.resolve("live.bvh"));

        assertEquals(1, AtomicFiles.removeStaleTemporaries(dir));
        assertEquals(List.of(ours, unrelated).stream().sorted().toList(), files(), "a live process's temporary and others' files stay");
    }

    /** Starts writing {@code args[0]}, says so, and never finishes. */
    static final class HangingWriter {
        public static void main(String[] args) {
            AtomicFiles.write(Path.of(args[0]), out -> {
                out.write(new byte[100_000]);
                out.flush();
                System.out.println("writing");
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
