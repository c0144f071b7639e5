package dev.mocap.nn.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a GraphProto in place: nodes, initializers and graph inputs/outputs are encoded as they
 * are added (protobuf keeps the order of repeated fields, so interleaving is harmless).
 */
public final class OnnxGraph {
    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    final ProtoWriter proto = new ProtoWriter();
    private final Set<String> initializers = new HashSet<>();

    public OnnxGraph(String name) {
        proto.string(2, name);
    }

    public void node(String opType, List<String> inputs, String output, OnnxAttribute... attributes) {
        ProtoWriter node = new ProtoWriter();
        for (String input : inputs) {
            node.string(1, input);
        }
        node.string(2, output).string(3, output).string(4, opType);
        for (OnnxAttribute attribute : attributes) {
            node.message(5, attribute.proto);
        }
        proto.message(1, node);
    }

    /** Adds a FLOAT initializer unless one of that name exists (a weight used twice is stored once). */
    public void floats(String name, long[] dims, float[] values) {
        if (initializers.add(name)) {
            ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            raw.asFloatBuffer().put(values);
            initializer(name, FLOAT, dims, raw.array());
        }
    }

    /** Adds an INT64 initializer unless one of that name exists. */
    public void int64s(String name, long[] dims, long[] values) {
        if (initializers.add(name)) {
            ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            raw.asLongBuffer().put(values);
            initializer(name, INT64, dims, raw.array());
        }
    }

    private void initializer(String name, int dataType, long[] dims, byte[] raw) {
        ProtoWriter tensor = new ProtoWriter();
        for (long d : dims) {
            tensor.varint(1, d);
        }
        tensor.varint(2, dataType).string(8, name).bytes(9, raw);
        proto.message(5, tensor);
    }

    public void input(String name, long... dims) {
        proto.message(11, floatValueInfo(name, dims));
    }

    public void output(String name, long... dims) {
        proto.message(12, floatValueInfo(name, dims));
    }

    private static ProtoWriter floatValueInfo(String name, long[] dims) {
        ProtoWriter shape = new ProtoWriter();
        for (long d : dims) {
            shape.message(1, new ProtoWriter().varint(1, d));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }
}
