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
    /** A dimension of an input or output whose size is given at run time: the symbolic dimension {@value #BATCH_NAME}. */
    public static final long BATCH = -1;
    public static final String BATCH_NAME = "batch";
    static final int FLOAT = 1;
    private static final int INT64 = 7;
    /** Field numbers of onnx.proto: ModelProto.graph, GraphProto.node and .initializer, NodeProto.input, .output and .name, TensorProto.name. */
    static final int MODEL_GRAPH = 7, GRAPH_NODE = 1, GRAPH_INITIALIZER = 5, NODE_INPUT = 1, NODE_OUTPUT = 2, NODE_NAME = 3,
            TENSOR_NAME = 8;

    final ProtoWriter proto = new ProtoWriter();
    private final Set<String> initializers = new HashSet<>();

    public OnnxGraph(String name) {
        proto.string(2, name);
    }

    public void node(String opType, List<String> inputs, String output, OnnxAttribute... attributes) {
        proto.message(GRAPH_NODE, nodeProto(opType, inputs, output, attributes));
    }

    /** A NodeProto named after its one output. */
    static ProtoWriter nodeProto(String opType, List<String> inputs, String output, OnnxAttribute... attributes) {
        ProtoWriter node = new ProtoWriter();
        for (String input : inputs) {
            node.string(1, input);
        }
        node.string(2, output).string(3, output).string(4, opType);
        for (OnnxAttribute attribute : attributes) {
            node.message(5, attribute.proto);
        }
        return node;
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
        tensor.varint(2, dataType).string(TENSOR_NAME, name).bytes(9, raw);
        proto.message(GRAPH_INITIALIZER, tensor);
    }

    /**
     * Adds the nodes and initializers of {@code model} (a ModelProto this writer made), every
     * tensor name not in {@code shared} prefixed with {@code prefix}: several networks over the
     * same input in one graph. The model's inputs and outputs are not declared here; its output
     * {@code y} is then {@code prefix + y}.
     */
    public void embed(byte[] model, String prefix, Set<String> shared) {
        ProtoReader.Field graph = ProtoReader.fields(model).stream().filter(f -> f.number() == MODEL_GRAPH).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the model has no graph"));
        for (ProtoReader.Field f : ProtoReader.fields(graph.bytes())) {
            if (f.number() == GRAPH_NODE) {
                proto.message(GRAPH_NODE, renamed(f.bytes(), Set.of(NODE_INPUT, NODE_OUTPUT, NODE_NAME), prefix, shared));
            } else if (f.number() == GRAPH_INITIALIZER) {
                ProtoWriter tensor = renamed(f.bytes(), Set.of(TENSOR_NAME), prefix, shared);
                ProtoReader.fields(f.bytes()).stream().filter(t -> t.number() == TENSOR_NAME)
                        .forEach(t -> initializers.add(prefix + t.string()));
                proto.message(GRAPH_INITIALIZER, tensor);
            }
        }
    }

    /** The message with the string fields {@code names} prefixed unless shared, the other fields as they are. */
    private static ProtoWriter renamed(byte[] message, Set<Integer> names, String prefix, Set<String> shared) {
        ProtoWriter out = new ProtoWriter();
        for (ProtoReader.Field f : ProtoReader.fields(message)) {
            if (f.delimited() && names.contains(f.number()) && !shared.contains(f.string())) {
                out.string(f.number(), prefix + f.string());
            } else {
                out.copy(f);
            }
        }
        return out;
    }

    /** A float input; a first dimension of {@link #BATCH} is symbolic. */
    public void input(String name, long... dims) {
        proto.message(11, floatValueInfo(name, dims));
    }

    /** A float output; a first dimension of {@link #BATCH} is symbolic. */
    public void output(String name, long... dims) {
        proto.message(12, floatValueInfo(name, dims));
    }

    private static ProtoWriter floatValueInfo(String name, long[] dims) {
        for (int d = 1; d < dims.length; d++) {
            if (dims[d] == BATCH) {
                throw new IllegalArgumentException(name + ": only the first dimension may be the batch");
            }
        }
        ProtoWriter shape = new ProtoWriter();
        for (long d : dims) {
            shape.message(1, d == BATCH ? new ProtoWriter().string(2, BATCH_NAME) : new ProtoWriter().varint(1, d));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }
}
