package dev.mocap.nn.onnx;

/** An encoded AttributeProto of a node. */
public final class OnnxAttribute {
    private static final int INT = 2;
    private static final int STRING = 3;
    private static final int INTS = 7;

    final ProtoWriter proto;

    private OnnxAttribute(String name, int type) {
        proto = new ProtoWriter().string(1, name).varint(20, type);
    }

    public static OnnxAttribute integer(String name, long value) {
        OnnxAttribute a = new OnnxAttribute(name, INT);
        a.proto.varint(3, value);
        return a;
    }

    public static OnnxAttribute string(String name, String value) {
        OnnxAttribute a = new OnnxAttribute(name, STRING);
        a.proto.string(4, value);
        return a;
    }

    public static OnnxAttribute ints(String name, long... values) {
        OnnxAttribute a = new OnnxAttribute(name, INTS);
        for (long v : values) {
            a.proto.varint(8, v);
        }
        return a;
    }
}
