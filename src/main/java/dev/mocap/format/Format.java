package dev.mocap.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The animation file formats the tool writes; SMPL is SMPL pose parameters in an {@code .npz} (AMASS layout). */
public enum Format {
    BVH("bvh"), FBX("fbx"), GLB("glb"), SMPL("smpl.npz");

    private final String extension;

    Format(String extension) {
        this.extension = extension;
    }

    /** What the file name ends with, after a dot. */
    public String extension() {
        return extension;
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
            names.add(f.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }
}
