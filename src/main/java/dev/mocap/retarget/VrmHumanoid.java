package dev.mocap.retarget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashMap;
import java.util.Map;

import static dev.mocap.body.Smpl24.*;

/**
 * The humanoid bone table of a VRM file: {@code extensions.VRMC_vrm.humanoid.humanBones} (VRM 1.0,
 * an object from bone name to {@code {node}}) or {@code extensions.VRM.humanoid.humanBones}
 * (VRM 0.x, a list of {@code {bone, node}}). The spine and chest are left to the chain between
 * hips and neck, which divides SMPL's three spine joints over however many the file has.
 */
record VrmHumanoid(Map<Integer, Integer> jointOfNode, boolean facesMinusZ) {
    static final VrmHumanoid NONE = new VrmHumanoid(Map.of(), false);

    private static final Map<String, Integer> JOINTS = Map.ofEntries(
            Map.entry("hips", PELVIS), Map.entry("neck", NECK), Map.entry("head", HEAD),
            Map.entry("leftUpperLeg", LEFT_HIP), Map.entry("leftLowerLeg", LEFT_KNEE), Map.entry("leftFoot", LEFT_ANKLE), Map.entry("leftToes", LEFT_FOOT),
            Map.entry("rightUpperLeg", RIGHT_HIP), Map.entry("rightLowerLeg", RIGHT_KNEE), Map.entry("rightFoot", RIGHT_ANKLE), Map.entry("rightToes", RIGHT_FOOT),
            Map.entry("leftShoulder", LEFT_COLLAR), Map.entry("leftUpperArm", LEFT_SHOULDER), Map.entry("leftLowerArm", LEFT_ELBOW), Map.entry("leftHand", LEFT_WRIST),
            Map.entry("rightShoulder", RIGHT_COLLAR), Map.entry("rightUpperArm", RIGHT_SHOULDER), Map.entry("rightLowerArm", RIGHT_ELBOW),
            Map.entry("rightHand", RIGHT_WRIST));

    /** The table in a glTF file's top-level extensions (as JGLTF hands them over), or {@link #NONE}. */
    static VrmHumanoid of(Map<String, Object> extensions) {
        if (extensions == null) {
            return NONE;
        }
        JsonNode root = new ObjectMapper().valueToTree(extensions);
        Map<Integer, Integer> out = new HashMap<>();
        JsonNode v1 = root.path("VRMC_vrm").path("humanoid").path("humanBones");
        if (v1.isObject()) {
            v1.fields().forEachRemaining(e -> put(out, e.getKey(), e.getValue().path("node")));
            return new VrmHumanoid(out, false);
        }
        JsonNode v0 = root.path("VRM").path("humanoid").path("humanBones");
        if (v0.isArray()) {
            v0.forEach(bone -> put(out, bone.path("bone").asText(), bone.path("node")));
            // VRM 0.x characters face −Z.
            return new VrmHumanoid(out, true);
        }
        return NONE;
    }

    private static void put(Map<Integer, Integer> out, String bone, JsonNode node) {
        Integer joint = JOINTS.get(bone);
        if (joint != null && node.canConvertToInt() && node.asInt() >= 0 && !out.containsValue(joint)) {
            out.put(node.asInt(), joint);
        }
    }

    boolean isEmpty() {
        return jointOfNode.isEmpty();
    }
}
