package dev.mocap.retarget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.format.gltf.GltfCharacter;
import dev.mocap.body.mesh.CharacterBody;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a user's character rig (glTF/GLB/VRM, binary FBX or BVH) and maps its bones, refusing rigs whose key bones cannot be found. */
public final class RigFiles {
    /** A BVH taller than this many units is taken to be in centimetres. */
    private static final double METRE_FILE_MAX_HEIGHT = 10;

    /** The rig in {@code file} with its bones mapped by name, {@code overrides} (bone → SMPL joint or null) first. */
    public static LoadedRig load(Path file, Map<String, String> overrides) {
        List<String> warnings = new ArrayList<>();
        String name = file.getFileName().toString();
        RigBones bones;
        Map<Integer, Integer> declared = Map.of();
        GltfCharacter character = null;
        CharacterBody body = null;
        try {
            switch (RigFormat.of(file)) {
                case BVH -> bones = bvhBones(file, warnings);
                case FBX -> {
                    FbxRigReader.Read read = FbxRigReader.read(file, warnings);
                    bones = read.bones();
                    body = read.body();
                }
                default -> {
                    GltfRigReader.Read read = GltfRigReader.read(file, warnings);
                    bones = read.bones();
                    declared = read.declared();
                    character = read.character();
                    body = read.body();
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot read the rig " + file + ": " + e.getMessage(), e);
        }
        Vec3[] meshInWorld = body == null ? null : body.worldPositions(bones.translations()[0]);
        Facing.Turn turn = Facing.toFront(bones.parents(), bones.worldPositions(), meshInWorld);
        if (turn != null) {
            warnings.add("the character faces " + turn.faced() + " (its feet point that way): turned to face +Z, as the motion does");
            bones = bones.turned(turn.rotation());
            body = body == null ? null : body.turned(turn.rotation());
            character = character == null ? null : character.turned(turn.rotation());
        }
        BoneMap map;
        try {
            map = AutoBoneMap.find(bones.names(), bones.parents(), bones.worldPositions(), declared, overrides);
        } catch (IllegalArgumentException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "rig " + file + ": " + e.getMessage(), e);
        }
        List<String> missing = map.missingKeyJoints();
        if (!missing.isEmpty()) {
            throw new MocapException(ExitCode.BAD_INPUT, "rig " + file + ": no bone found for " + String.join(", ", missing)
                    + "; name them in a bone map file (--bone-map, JSON {\"bone name\": \"smpl joint\"}); the rig's bones are: "
                    + String.join(", ", bones.names()));
        }
        return new LoadedRig(bones.rig(name, map), warnings, character, body);
    }

    /** A bone map override file: a JSON object from bone names to SMPL joint names (or null: the bone follows nothing). */
    public static Map<String, String> readBoneMap(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new IOException("expected a JSON object {\"bone name\": \"smpl joint\" or null}");
            }
            Map<String, String> out = new LinkedHashMap<>();
            root.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
            return out;
        } catch (IOException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot read the bone map " + file + ": " + e.getMessage(), e);
        }
    }

    /** A BVH skeleton (world-aligned rest frames) standing on y = 0. */
    private static RigBones bvhBones(Path file, List<String> warnings) throws IOException {
        Skeleton skeleton = BvhReader.read(file, 1).skeleton();
        Vec3[] rest = skeleton.restPositions();
        double low = Arrays.stream(rest).mapToDouble(Vec3::y).min().orElse(0);
        double high = Arrays.stream(rest).mapToDouble(Vec3::y).max().orElse(0);
        double unit = 1;
        if (high - low > METRE_FILE_MAX_HEIGHT) {
            unit = 0.01;
            warnings.add(String.format(Locale.ROOT, "the rig is %.0f units tall: read as centimetres", high - low));
        }
        Vec3[] translations = new Vec3[skeleton.size()];
        for (int b = 0; b < translations.length; b++) {
            translations[b] = (b == 0 ? new Vec3(0, -low, 0) : skeleton.offset(b)).times(unit);
        }
        Quat[] rotations = new Quat[skeleton.size()];
        Arrays.fill(rotations, Quat.IDENTITY);
        return new RigBones(skeleton.names(), skeleton.parents(), translations, rotations);
    }

    private RigFiles() {
    }
}
