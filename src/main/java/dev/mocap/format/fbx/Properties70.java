package dev.mocap.format.fbx;

import dev.mocap.body.Vec3;
import dev.mocap.format.fbx.binary.FbxNode;

/** A {@code Properties70} record: one {@code P} record per property (name, type, label, flags, value). */
final class Properties70 {
    private final FbxNode node = new FbxNode("Properties70");

    FbxNode node() {
        return node;
    }

    Properties70 integer(String name, int value) {
        return add(name, "int", "Integer", "", value);
    }

    Properties70 enumeration(String name, int value) {
        return add(name, "enum", "", "", value);
    }

    /** The SDK stores bool properties as int32. */
    Properties70 bool(String name, boolean value) {
        return add(name, "bool", "", "", value ? 1 : 0);
    }

    Properties70 number(String name, double value) {
        return add(name, "double", "Number", "", value);
    }

    Properties70 time(String name, long ticks) {
        return add(name, "KTime", "Time", "", ticks);
    }

    Properties70 string(String name, String value) {
        return add(name, "KString", "", "", value);
    }

    Properties70 object(String name) {
        return add(name, "object", "", "");
    }

    /** An animatable transform property: "Lcl Translation", "Lcl Rotation" or "Lcl Scaling". */
    Properties70 transform(String name, Vec3 value) {
        return add(name, name, "", "A", value.x(), value.y(), value.z());
    }

    /** A colour, linear RGB in [0, 1]. */
    Properties70 color(String name, double[] rgb) {
        return add(name, "Color", "", "A", rgb[0], rgb[1], rgb[2]);
    }

    /** An animatable number, e.g. a curve node's {@code d|X} channel default. */
    Properties70 animatableNumber(String name, double value) {
        return add(name, "Number", "", "A", value);
    }

    private Properties70 add(String name, String type, String label, String flags, Object... values) {
        Object[] record = new Object[4 + values.length];
        record[0] = name;
        record[1] = type;
        record[2] = label;
        record[3] = flags;
        System.arraycopy(values, 0, record, 4, values.length);
        node.child("P", record);
        return this;
    }
}
