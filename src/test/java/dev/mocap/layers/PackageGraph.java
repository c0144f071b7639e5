package dev.mocap.layers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Which package uses which, from compiled classes: for each pair, one class that makes the edge
 * (to name in a failure). Packages are dotted names such as {@code dev.mocap.format.bvh}.
 */
final class PackageGraph {
    /** package, to each package it uses, to one "Class -> Class" example. */
    private final Map<String, Map<String, String>> edges = new TreeMap<>();

    void add(String fromClass, String toClass) {
        String from = packageOf(fromClass), to = packageOf(toClass);
        edges.computeIfAbsent(from, k -> new TreeMap<>());
        if (!from.equals(to)) {
            edges.get(from).putIfAbsent(to, simple(fromClass) + " -> " + simple(toClass));
        }
    }

    /** Every class under {@code classes} (a compiled output folder), with the project classes it names. */
    static PackageGraph read(Path classes) {
        PackageGraph graph = new PackageGraph();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/").replaceFirst("\\.class$", "");
                try (InputStream in = Files.newInputStream(file)) {
                    for (String used : ClassReferences.of(in)) {
                        graph.add(name, used);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    Set<String> packages() {
        return edges.keySet();
    }

    Map<String, String> uses(String pkg) {
        return edges.getOrDefault(pkg, Map.of());
    }

    /** Each edge "a -> b" from which a path leads back to a, with its example class pair. */
    List<String> edgesInCycles() {
        List<String> out = new ArrayList<>();
        edges.forEach((from, to) -> to.forEach((target, example) -> {
            if (reaches(target, from)) {
                out.add(from + " -> " + target + " (" + example + ")");
            }
        }));
        return out;
    }

    private boolean reaches(String start, String goal) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String p = todo.pop();
            if (p.equals(goal)) {
                return true;
            }
            if (seen.add(p)) {
                todo.addAll(uses(p).keySet());
            }
        }
        return false;
    }

    private static String packageOf(String className) {
        int slash = className.lastIndexOf('/');
        return className.substring(0, slash).replace('/', '.');
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('/') + 1);
    }
}
