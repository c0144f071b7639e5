package dev.mocap;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes output files so that a crash or an error never leaves a half-written file under the
 * final name: the content goes to a hidden temporary file beside the target, which is moved into
 * place only when complete.
 */
public final class AtomicFiles {
    /** {@code .NAME.PID-NANOS.tmp}, as {@link #temporaryFor} names them. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.(\\d+)-\\d+\\.tmp");

    /** Writes the content that {@code body} produces. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Body body) {
        Path temp = temporaryFor(target);
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                body.writeTo(out);
            }
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new MocapException(ExitCode.OUTPUT_FAILED, "cannot write " + target + ": " + describe(e), e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /**
     * A fresh temporary path in the target's folder; fails clearly if the folder is not writable.
     * Not {@code Files.createTempFile}: its owner-only permissions would stick to the final file.
     */
    public static Path temporaryFor(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path temp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp");
            return Files.createFile(temp);
        } catch (NoSuchFileException e) {
            throw new MocapException(ExitCode.OUTPUT_FAILED, "cannot write to folder " + dir + ": it does not exist and cannot be created", e);
        } catch (IOException e) {
            throw new MocapException(ExitCode.OUTPUT_FAILED, "cannot write to folder " + dir + ": " + describe(e), e);
        }
    }

    /** Fails now, with the reason, if {@code target} could not be written later. */
    public static void checkWritable(Path target) {
        deleteQuietly(temporaryFor(target));
    }

    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes the temporary files that a killed process of ours left in {@code dir}: those named as
     * {@link #temporaryFor} names them, by a process that no longer runs. Returns how many went.
     */
    public static int removeStaleTemporaries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path file : files) {
                Matcher m = TEMPORARY.matcher(file.getFileName().toString());
                if (m.matches() && !running(m.group(1)) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    deleteQuietly(file);
                    removed++;
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // Best effort: a folder we cannot list is reported when the outputs are written.
        }
        return removed;
    }

    private static boolean running(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Best effort: the file is a hidden temporary one.
        }
    }

    /** A one-line reason: Java's file exceptions often carry only the path as their message. */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException
                || e instanceof FileNotFoundException && String.valueOf(e.getMessage()).endsWith("(No such file or directory)")) {
            return "does not exist";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way: " + e.getMessage();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private AtomicFiles() {
    }
}
