package dev.mocap.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A GLB file read for tests: its JSON, and node world positions at a key of its first animation
 * (every sampler keyed at the same times, as FBX2glTF bakes them). Node scales must be uniform:
 * the SDK's unit conversion puts one on the root of a file not in centimetres.
 */
public final class GlbScene {
    private static final int MAGIC = 0x46546C67;
    private static final int UNSIGNED_BYTE = 5121, UNSIGNED_SHORT = 5123, UNSIGNED_INT = 5125, FLOAT = 5126;
    private final JsonNode json;
    private final ByteBuffer bin;

    private GlbScene(JsonNode json, ByteBuffer bin) {
        this.json = json;
        this.bin = bin;
    }

    public static GlbScene read(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (in.getInt(0) != MAGIC) {
            throw new AssertionError(file + " is not a GLB file");
        }
        int jsonLength = in.getInt(12);
        JsonNode json = new ObjectMapper().readTree(in.array(), 20, jsonLength);
        ByteBuffer bin = in.slice(20 + jsonLength + 8, in.capacity() - 20 - jsonLength - 8).order(ByteOrder.LITTLE_ENDIAN);
        return new GlbScene(json, bin);
    }

    public JsonNode json() {
        return json;
    }

    public int count(String array) {
        return json.path(array).size();
    }

    /** Key times (seconds) of the first animation. */
    public float[] keyTimes() {
        return floats(json.path("animations").get(0).path("samplers").get(0).path("input").asInt());
    }

    /** A node's world placement (uniform scales folded into the positions below it). */
    public record Placement(Vec3 position, Quat rotation) {
    }

    /** World positions of every named node with the first animation at key {@code key}. */
    public Map<String, Vec3> worldPositions(int key) {
        Map<String, Vec3> positions = new LinkedHashMap<>();
        worldPlacements(key).forEach((name, placement) -> positions.put(name, placement.position()));
        return positions;
    }

    /** World position and rotation of every named node with the first animation at key {@code key}. */
    public Map<String, Placement> worldPlacements(int key) {
        JsonNode nodes = json.path("nodes");
        Vec3[] translations = new Vec3[nodes.size()];
        Quat[] rotations = new Quat[nodes.size()];
        double[] scales = new double[nodes.size()];
        for (int n = 0; n < nodes.size(); n++) {
            translations[n] = vec3(nodes.get(n).path("translation"), Vec3.ZERO);
            rotations[n] = quat(nodes.get(n).path("rotation"));
            scales[n] = uniform(vec3(nodes.get(n).path("scale"), new Vec3(1, 1, 1)));
        }
        JsonNode animation = json.path("animations").get(0);
        for (JsonNode channel : animation.path("channels")) {
            int node = channel.path("target").path("node").asInt();
            float[] values = floats(animation.path("samplers").get(channel.path("sampler").asInt()).path("output").asInt());
            switch (channel.path("target").path("path").asText()) {
                case "translation" -> translations[node] = new Vec3(values[3 * key], values[3 * key + 1], values[3 * key + 2]);
                case "rotation" -> rotations[node] = new Quat(values[4 * key + 3], values[4 * key], values[4 * key + 1], values[4 * key + 2]);
                case "scale" -> scales[node] = uniform(new Vec3(values[3 * key], values[3 * key + 1], values[3 * key + 2]));
                default -> throw new AssertionError("unexpected animation path " + channel.path("target"));
            }
        }
        Map<String, Placement> positions = new LinkedHashMap<>();
        for (JsonNode root : json.path("scenes").get(json.path("scene").asInt(0)).path("nodes")) {
            visit(root.asInt(), Vec3.ZERO, Quat.IDENTITY, 1, new Transforms(translations, rotations, scales), positions);
        }
        return positions;
    }

    private record Transforms(Vec3[] translations, Quat[] rotations, double[] scales) {
    }

    private void visit(int n, Vec3 parentPosition, Quat parentRotation, double parentScale, Transforms local,
                       Map<String, Placement> positions) {
        Vec3 position = parentPosition.plus(parentRotation.rotate(local.translations[n]).times(parentScale));
        Quat rotation = parentRotation.times(local.rotations[n]);
        double scale = parentScale * local.scales[n];
        JsonNode node = json.path("nodes").get(n);
        positions.put(node.path("name").asText(), new Placement(position, rotation));
        for (JsonNode child : node.path("children")) {
            visit(child.asInt(), position, rotation, scale, local, positions);
        }
    }

    private static double uniform(Vec3 scale) {
        if (Math.abs(scale.x() - scale.y()) > 1e-6 * Math.abs(scale.x()) || Math.abs(scale.x() - scale.z()) > 1e-6 * Math.abs(scale.x())) {
            throw new AssertionError("non-uniform scale " + scale);
        }
        return scale.x();
    }

    /** The values of a float accessor. */
    public float[] floats(int accessorIndex) {
        JsonNode accessor = json.path("accessors").get(accessorIndex);
        if (accessor.path("componentType").asInt() != FLOAT) {
            throw new AssertionError("accessor " + accessorIndex + " is not float");
        }
        float[] values = new float[accessor.path("count").asInt() * components(accessor)];
        data(accessor, 4 * values.length).asFloatBuffer().get(values);
        return values;
    }

    /** The values of an unsigned byte, short or int accessor (joint indices, triangle indices). */
    public int[] unsignedInts(int accessorIndex) {
        JsonNode accessor = json.path("accessors").get(accessorIndex);
        int[] values = new int[accessor.path("count").asInt() * components(accessor)];
        int size = switch (accessor.path("componentType").asInt()) {
            case UNSIGNED_BYTE -> 1;
            case UNSIGNED_SHORT -> 2;
            case UNSIGNED_INT -> 4;
            default -> throw new AssertionError("accessor " + accessorIndex + " is not unsigned");
        };
        ByteBuffer data = data(accessor, size * values.length);
        for (int i = 0; i < values.length; i++) {
            values[i] = size == 1 ? Byte.toUnsignedInt(data.get(i)) : size == 2 ? Short.toUnsignedInt(data.getShort(2 * i)) : data.getInt(4 * i);
        }
        return values;
    }

    private ByteBuffer data(JsonNode accessor, int length) {
        JsonNode view = json.path("bufferViews").get(accessor.path("bufferView").asInt());
        int offset = view.path("byteOffset").asInt(0) + accessor.path("byteOffset").asInt(0);
        return bin.slice(offset, length).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int components(JsonNode accessor) {
        return switch (accessor.path("type").asText()) {
            case "SCALAR" -> 1;
            case "VEC3" -> 3;
            case "VEC4" -> 4;
            case "MAT4" -> 16;
            default -> throw new AssertionError("accessor type " + accessor.path("type").asText());
        };
    }

    private static Vec3 vec3(JsonNode array, Vec3 absent) {
        return array.isMissingNode() ? absent : new Vec3(array.get(0).asDouble(), array.get(1).asDouble(), array.get(2).asDouble());
    }

    /** glTF stores [x, y, z, w]. */
    private static Quat quat(JsonNode array) {
        return array.isMissingNode() ? Quat.IDENTITY
                : new Quat(array.get(3).asDouble(), array.get(0).asDouble(), array.get(1).asDouble(), array.get(2).asDouble());
    }
}
