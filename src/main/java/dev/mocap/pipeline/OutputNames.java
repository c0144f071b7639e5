package dev.mocap.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * Output names for a batch: the input's name without its extension, and, for inputs that would
 * share one, the first of these that tells them apart: the name with its extension
 * ({@code clip_mov}), with the folder too ({@code takes_clip_mov}), or a hash of the whole path.
 * The same inputs always get the same names, so a rerun finds its earlier outputs.
 */
final class OutputNames {

    static Map<Path, String> assign(List<Path> inputs) {
        List<Function<Path, String>> namings = List.of(OutputNames::stem, p -> stem(p) + "_" + extension(p),
                p -> folder(p) + "_" + stem(p) + "_" + extension(p), p -> stem(p) + "_" + pathHash(p));
        Map<String, List<Path>> byStem = new LinkedHashMap<>();
        for (Path p : inputs) {
            byStem.computeIfAbsent(stem(p), k -> new ArrayList<>()).add(p);
        }
        Set<String> taken = new HashSet<>(byStem.keySet());
        Map<Path, String> names = new HashMap<>();
        for (List<Path> group : byStem.values()) {
            if (group.size() == 1) {
                names.put(group.get(0), stem(group.get(0)));
                continue;
            }
            for (Function<Path, String> naming : namings.subList(1, namings.size())) {
                Set<String> candidates = new HashSet<>();
                group.forEach(p -> candidates.add(naming.apply(p)));
                boolean clashes = candidates.stream().anyMatch(taken::contains);
                if (candidates.size() == group.size() && !clashes) {
                    group.forEach(p -> names.put(p, naming.apply(p)));
                    taken.addAll(candidates);
                    break;
                }
            }
        }
        return names;
    }

    /** The file name without its extension, and without the {@code .landmarks} of a landmarks file. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceFirst("\\.landmarks$", "");
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1) : "";
    }

    private static String folder(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null || parent.getFileName() == null ? "root" : parent.getFileName().toString();
    }

    private static String pathHash(Path file) {
        CRC32 crc = new CRC32();
        crc.update(file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    private OutputNames() {
    }
}
