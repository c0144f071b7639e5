package dev.mocap.format.fbx;

import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;
import dev.mocap.format.EulerOrder;
import dev.mocap.format.fbx.binary.FbxTestReader.FbxFile;
import dev.mocap.format.fbx.binary.FbxTestReader.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bones, hierarchy and curves of an FBX file read back by the test reader, evaluated at key frames. */
final class ParsedScene {
    private final Map<Long, Node> models = new LinkedHashMap<>();
    private final Map<Long, Long> parents = new HashMap<>();
    /** Curve node id → (model id, property). */
    private final Map<Long, Map.Entry<Long, String>> curveNodeTargets = new HashMap<>();
    /** (model id, property) → curves for X, Y, Z. */
    private final Map<String, float[][]> curves = new HashMap<>();

    ParsedScene(FbxFile file) {
        Map<Long, Node> objects = new HashMap<>();
        for (Node object : file.record("Objects").children()) {
            objects.put((Long) object.property(0), object);
            if (object.name().equals("Model")) {
                models.put((Long) object.property(0), object);
            }
        }
        List<Node> curveLinks = new ArrayList<>();
        for (Node c : file.record("Connections").children("C")) {
            long child = (Long) c.property(1), parent = (Long) c.property(2);
            if (c.property(0).equals("OO") && models.containsKey(child)) {
                parents.put(child, parent);
            } else if (c.property(0).equals("OP") && models.containsKey(parent)) {
                curveNodeTargets.put(child, Map.entry(parent, (String) c.property(3)));
            } else if (c.property(0).equals("OP")) {
                curveLinks.add(c);
            }
        }
        for (Node c : curveLinks) {
            Map.Entry<Long, String> target = curveNodeTargets.get((Long) c.property(2));
            int axis = ((String) c.property(3)).charAt(2) - 'X';
            float[] keys = (float[]) objects.get((Long) c.property(1)).child("KeyValueFloat").property(0);
            curves.computeIfAbsent(target.getKey() + target.getValue(), k -> new float[3][])[axis] = keys;
        }
    }

    List<String> boneNames() {
        return models.values().stream().map(ParsedScene::objectName).toList();
    }

    static String objectName(Node object) {
        String full = (String) object.property(1);
        return full.substring(0, full.indexOf("\0\1"));
    }

    /** Joint world positions (file units) at a frame: Lcl Translation, curves where present, FK. */
    Map<String, Vec3> worldPositions(int frame, EulerOrder order) {
        Map<Long, Vec3> positions = new HashMap<>();
        Map<Long, Quat> rotations = new HashMap<>();
        Map<String, Vec3> byName = new LinkedHashMap<>();
        for (Map.Entry<Long, Node> model : models.entrySet()) {
            long id = model.getKey();
            Vec3 translation = value(id, model.getValue(), "Lcl Translation", frame);
            Quat rotation = rotation(order, value(id, model.getValue(), "Lcl Rotation", frame));
            Long parent = parents.get(id);
            if (models.containsKey(parent)) {
                positions.put(id, positions.get(parent).plus(rotations.get(parent).rotate(translation)));
                rotations.put(id, rotations.get(parent).times(rotation));
            } else {
                positions.put(id, translation);
                rotations.put(id, rotation);
            }
            byName.put(objectName(model.getValue()), positions.get(id));
        }
        return byName;
    }

    /** The rotation of FBX Lcl Rotation angles: degrees about X, Y and Z. */
    static Quat rotation(EulerOrder order, Vec3 degrees) {
        Vec3 radians = degrees.times(Math.PI / 180);
        return order.toQuat(radians.get(order.axis(0)), radians.get(order.axis(1)), radians.get(order.axis(2)));
    }

    private Vec3 value(long model, Node node, String property, int frame) {
        float[][] xyz = curves.get(model + property);
        if (xyz == null) {
            List<Object> p = node.p(property);
            return new Vec3((Double) p.get(0), (Double) p.get(1), (Double) p.get(2));
        }
        return new Vec3(xyz[0][frame], xyz[1][frame], xyz[2][frame]);
    }
}
