package dev.mocap.format.bvh;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Joint names every BVH parser accepts: ASCII letters, digits, '_', '.' and '-' only (a ':' as
 * in {@code mixamorig:Hips}, spaces or braces break some parsers), made unique again with a
 * numeric suffix because importers key bones by name.
 */
final class BvhNames {

    static List<String> sanitized(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        Set<String> taken = new HashSet<>();
        for (String name : names) {
            String base = sanitized(name);
            String unique = base;
            for (int n = 2; !taken.add(unique); n++) {
                unique = base + "_" + n;
            }
            out.add(unique);
        }
        return out;
    }

    private static String sanitized(String name) {
        StringBuilder s = new StringBuilder(name.length());
        for (char c : name.strip().toCharArray()) {
            boolean safe = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-');
            s.append(safe ? c : '_');
        }
        return s.isEmpty() ? "joint" : s.toString();
    }

    private BvhNames() {
    }
}
