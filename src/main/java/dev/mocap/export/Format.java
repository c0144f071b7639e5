package dev.mocap.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The animation file formats the tool writes. */
public enum Format {
    BVH, FBX, GLB;

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A comma-separated list such as {@code bvh,fbx}. */
    public static Set<Format> parseList(String list) {
        Set<Format> out = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            String n = name.trim().toUpperCase(Locale.ROOT);
            try {
                out.add(Format.valueOf(n));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown format '" + name.trim() + "' (available: " + names() + ")");
            }
        }
        return out;
    }

    public static String names() {
        List<String> names = new ArrayList<>();
        for (Format f : values()) {
            names.add(f.extension());
        }
        return String.join(", ", names);
    }
}
