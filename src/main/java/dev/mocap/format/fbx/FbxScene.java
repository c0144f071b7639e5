package dev.mocap.format.fbx;

import dev.mocap.body.Vec3;
import dev.mocap.format.fbx.binary.FbxNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of a scene and their connections, written as the Definitions, Objects and
 * Connections records. The FBX SDK drops objects of any type Definitions does not list, so the
 * types are counted as objects are added.
 */
final class FbxScene {
    /** The scene's root node: parent of the top-level models. */
    static final long ROOT = 0;
    /**
     * A model's InheritType: rotation and scaling inherited from the parent as for ordinary scene
     * nodes (eInheritRSrs); the FBX SDK refuses a model without one.
     */
    static final int INHERIT_RSRS = 1;
    static final Vec3 UNIT_SCALE = new Vec3(1, 1, 1);

    /** An object record and its id. */
    record SceneObject(long id, FbxNode node) {
    }

    private final List<FbxNode> objects = new ArrayList<>();
    private final FbxNode connections = new FbxNode("Connections");
    private final Map<String, Integer> typeCounts = new LinkedHashMap<>(Map.of("GlobalSettings", 1));
    /** Any unique non-zero int64 will do; counting keeps files reproducible. */
    private long nextId = 100_000;

    /** A fresh unique id. */
    long newId() {
        return nextId++;
    }

    /** Adds the object record {@code type: id, "name::className", subclass}. */
    SceneObject add(String type, String name, String className, String subclass) {
        long id = newId();
        FbxNode node = new FbxNode(type, id, name + "\0\1" + className, subclass).withScope();
        objects.add(node);
        typeCounts.merge(type, 1, Integer::sum);
        return new SceneObject(id, node);
    }

    /**
     * Adds a Model (a node of the scene graph: a bone or a mesh) with its properties and the
     * fields the FBX SDK writes on every model.
     */
    SceneObject addModel(String name, String subclass, Properties70 properties) {
        SceneObject model = add("Model", name, "Model", subclass);
        model.node().child("Version", 232);
        model.node().add(properties.node());
        model.node().child("MultiLayer", 0);
        model.node().child("MultiTake", 0);
        model.node().child("Shading", true);
        model.node().child("Culling", "CullingOff");
        return model;
    }

    /** An object-to-object connection: child below parent (bone hierarchy, attribute, layer…). */
    void connect(long child, long parent) {
        connections.child("C", "OO", child, parent);
    }

    /** An object-to-property connection: child drives the parent's property. */
    void connectToProperty(long child, long parent, String property) {
        connections.child("C", "OP", child, parent, property);
    }

    /** The Definitions, Objects and Connections records. */
    List<FbxNode> records() {
        FbxNode definitions = new FbxNode("Definitions");
        definitions.child("Version", 100);
        definitions.child("Count", typeCounts.values().stream().mapToInt(Integer::intValue).sum());
        typeCounts.forEach((type, count) -> definitions.child("ObjectType", type).child("Count", count));
        FbxNode objectsRecord = new FbxNode("Objects");
        objects.forEach(objectsRecord::add);
        return List.of(definitions, objectsRecord, connections);
    }
}
