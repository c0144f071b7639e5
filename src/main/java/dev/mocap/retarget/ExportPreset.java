package dev.mocap.retarget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.format.Format;
import dev.mocap.format.bvh.BvhOptions;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An export preset (exporters/README.md): the target rig (a built-in rig, "smpl" for none, or a
 * character file), bone map overrides for a file rig, the default formats, the BVH unit, the
 * output frame rate (0: the source's) and the root-motion policy.
 */
public record ExportPreset(String name, String description, String rig, Map<String, String> boneMap, Set<Format> formats,
                     BvhOptions.Unit bvhUnit, double fps, RootMotion rootMotion) {

    /** The rig name meaning "no retargeting": the project's SMPL-24 skeleton as recovered. */
    public static final String SMPL = "smpl";

    /** What happens to the pelvis' travel over the floor. */
    public enum RootMotion {
        /** Kept, scaled to the target. */
        WORLD,
        /** Removed: the character moves on the spot (game engines that drive motion themselves). */
        IN_PLACE
    }

    static ExportPreset read(InputStream in, String source) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null || !root.isObject()) {
            throw new IOException(source + ": a preset is a JSON object");
        }
        try {
            Map<String, String> boneMap = new LinkedHashMap<>();
            root.path("bone_map").fields().forEachRemaining(e -> boneMap.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
            StringBuilder formats = new StringBuilder();
            root.path("formats").forEach(f -> formats.append(formats.isEmpty() ? "" : ",").append(f.asText()));
            return new ExportPreset(required(root, "name", source), root.path("description").asText(""), required(root, "rig", source), boneMap,
                    Format.parseList(formats.isEmpty() ? "bvh" : formats.toString()),
                    BvhOptions.Unit.valueOf(unit(root.path("bvh_unit").asText("m"))), root.path("fps").asDouble(0),
                    RootMotion.valueOf(root.path("root_motion").asText("world").toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode root, String field, String source) throws IOException {
        if (!root.path(field).isTextual() || root.path(field).asText().isBlank()) {
            throw new IOException(source + ": the preset needs \"" + field + "\"");
        }
        return root.path(field).asText();
    }

    private static String unit(String unit) {
        return switch (unit) {
            case "m" -> "METRES";
            case "cm" -> "CENTIMETRES";
            default -> throw new IllegalArgumentException("bvh_unit is m or cm, not '" + unit + "'");
        };
    }
}
