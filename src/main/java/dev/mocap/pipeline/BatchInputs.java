package dev.mocap.pipeline;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files a batch converts: each named file as given, and the videos (recognised by their
 * extension) in each named folder, sorted by path; sub-folders only when recursive.
 */
public final class BatchInputs {
    static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov", "qt", "mkv", "webm", "avi", "wmv", "flv",
            "mpg", "mpeg", "ts", "mts", "m2ts", "3gp", "ogv", "y4m");

    /**
     * A file that does not exist stays in the list: it fails in the batch with its reason, like
     * any other bad input, instead of stopping the batch before it starts.
     *
     * @throws MocapException (BAD_INPUT) when a folder cannot be listed or nothing is found at all
     */
    public static List<Path> find(List<Path> arguments, boolean recursive) {
        // Keyed by the absolute path: "a.mp4" and "./a.mp4" are one input, converted once.
        Map<Path, Path> files = new LinkedHashMap<>();
        for (Path argument : arguments) {
            for (Path file : expand(argument, recursive)) {
                files.putIfAbsent(file.toAbsolutePath().normalize(), file);
            }
        }
        if (files.isEmpty()) {
            throw noVideos(arguments.stream().map(Path::toString).toList());
        }
        return new ArrayList<>(files.values());
    }

    /** The error of arguments in which no video was found. */
    public static MocapException noVideos(List<String> arguments) {
        return new MocapException(ExitCode.BAD_INPUT, "no video files (" + String.join(", ", VIDEO_EXTENSIONS.stream().sorted().toList())
                + ") in " + String.join(", ", arguments));
    }

    /**
     * One argument: the videos of a folder, or a file as it is named.
     *
     * @throws MocapException (BAD_INPUT) when a folder cannot be listed
     */
    public static List<Path> expand(Path argument, boolean recursive) {
        return Files.isDirectory(argument) ? videosIn(argument, recursive) : List.of(argument);
    }

    /** Whether a file's name ends with a video extension. */
    public static boolean isVideo(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && VIDEO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static boolean isVideo(Path file) {
        return isVideo(file.getFileName().toString());
    }

    private static List<Path> videosIn(Path folder, boolean recursive) {
        try (Stream<Path> entries = recursive ? Files.walk(folder) : Files.list(folder)) {
            return entries.filter(p -> Files.isRegularFile(p) && isVideo(p) && !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot list the folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private BatchInputs() {
    }
}
