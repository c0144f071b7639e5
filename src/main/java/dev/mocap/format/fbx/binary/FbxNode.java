package dev.mocap.format.fbx.binary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A node record: a name, typed properties (see {@link FbxProperty}) and nested records. */
public final class FbxNode {
    private final String name;
    private final List<FbxProperty> properties;
    private final List<FbxNode> children = new ArrayList<>();
    private boolean scope;

    public FbxNode(String name, Object... values) {
        this.name = name;
        this.properties = Arrays.stream(values).map(FbxProperty::of).toList();
    }

    /** Appends a nested record and returns it (not this one). */
    public FbxNode child(String name, Object... values) {
        FbxNode child = new FbxNode(name, values);
        children.add(child);
        return child;
    }

    /** Appends a nested record; returns this one. */
    public FbxNode add(FbxNode child) {
        children.add(child);
        return this;
    }

    /**
     * Gives the record a nested list even when it has no children (an empty scope closed by a
     * NULL record), as the FBX SDK writes every object.
     */
    public FbxNode withScope() {
        scope = true;
        return this;
    }

    public String name() {
        return name;
    }

    public List<FbxProperty> properties() {
        return properties;
    }

    public List<FbxNode> children() {
        return children;
    }

    /** The nested records of that name, in order. */
    public List<FbxNode> findAll(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The first nested record of that name, or null. */
    public FbxNode find(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
    }

    /** The value of property {@code index}, or null where the record has fewer. */
    public Object value(int index) {
        return index < properties.size() ? properties.get(index).value() : null;
    }

    /** Records with children, without properties, or marked {@link #withScope()} end with a NULL record. */
    boolean closesNestedList() {
        return scope || !children.isEmpty() || properties.isEmpty();
    }
}
