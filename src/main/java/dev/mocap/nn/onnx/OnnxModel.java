package dev.mocap.nn.onnx;

/** Wraps a graph into a ModelProto: IR version 8, default-domain opset 13. */
public final class OnnxModel {
    public static final int IR_VERSION = 8;
    public static final int OPSET = 13;

    private OnnxModel() {
    }

    public static byte[] serialize(OnnxGraph graph, String producerName, String docString) {
        return new ProtoWriter()
                .varint(1, IR_VERSION)
                .string(2, producerName)
                .string(6, docString)
                .message(7, graph.proto)
                .message(8, new ProtoWriter().string(1, "").varint(2, OPSET))
                .toByteArray();
    }
}
