package dev.mocap.nn.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A model (a ModelProto {@link OnnxModel} wrote) with its large float weights stored as float16,
 * each cast back to float by a Cast node ahead of the graph's other nodes: half the file. ONNX
 * Runtime folds the casts when it makes the session, so the network runs in float as before, on
 * weights rounded to 11 significant bits.
 */
public final class HalfWeights {
    private static final int FLOAT16 = 10;
    /** Field numbers of onnx.proto beside {@link OnnxGraph}'s: TensorProto.dims, .data_type and .raw_data. */
    private static final int TENSOR_DIMS = 1, TENSOR_TYPE = 2, TENSOR_RAW = 9;
    private static final String HALF_SUFFIX = "_half";
    /** The largest finite float16. */
    private static final float HALF_MAX = 65504;

    private HalfWeights() {
    }

    /** The model with every float initializer of at least {@code minimumSize} numbers stored as float16. */
    public static byte[] of(byte[] model, int minimumSize) {
        ProtoWriter out = new ProtoWriter();
        for (ProtoReader.Field f : ProtoReader.fields(model)) {
            if (f.number() == OnnxGraph.MODEL_GRAPH) {
                out.message(OnnxGraph.MODEL_GRAPH, graph(f.bytes(), minimumSize));
            } else {
                out.copy(f);
            }
        }
        return out.toByteArray();
    }

    private static ProtoWriter graph(byte[] graph, int minimumSize) {
        List<ProtoReader.Field> fields = ProtoReader.fields(graph);
        List<ProtoWriter> halved = new ArrayList<>(fields.size());
        ProtoWriter out = new ProtoWriter();
        // The casts come first: every node's inputs must be made before it.
        for (ProtoReader.Field f : fields) {
            ProtoWriter half = f.number() == OnnxGraph.GRAPH_INITIALIZER ? halved(f.bytes(), minimumSize) : null;
            halved.add(half);
            if (half != null) {
                String name = tensorName(f.bytes());
                out.message(OnnxGraph.GRAPH_NODE,
                        OnnxGraph.nodeProto("Cast", List.of(name + HALF_SUFFIX), name, OnnxAttribute.integer("to", OnnxGraph.FLOAT)));
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            ProtoReader.Field f = fields.get(i);
            if (halved.get(i) != null) {
                out.message(OnnxGraph.GRAPH_INITIALIZER, halved.get(i));
            } else {
                out.copy(f);
            }
        }
        return out;
    }

    /** The tensor as float16 under its name with {@value #HALF_SUFFIX}, or null where it stays as it is. */
    private static ProtoWriter halved(byte[] tensor, int minimumSize) {
        List<ProtoReader.Field> fields = ProtoReader.fields(tensor);
        long type = fields.stream().filter(f -> f.number() == TENSOR_TYPE).mapToLong(ProtoReader.Field::value).findFirst().orElse(0);
        byte[] raw = fields.stream().filter(f -> f.number() == TENSOR_RAW).map(ProtoReader.Field::bytes).findFirst().orElse(null);
        if (type != OnnxGraph.FLOAT || raw == null || raw.length / 4 < minimumSize) {
            return null;
        }
        ByteBuffer floats = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer halves = ByteBuffer.allocate(raw.length / 2).order(ByteOrder.LITTLE_ENDIAN);
        while (floats.hasRemaining()) {
            halves.putShort(toHalf(floats.getFloat()));
        }
        ProtoWriter out = new ProtoWriter();
        for (ProtoReader.Field f : fields) {
            if (f.number() == TENSOR_DIMS) {
                out.varint(TENSOR_DIMS, f.value());
            }
        }
        return out.varint(TENSOR_TYPE, FLOAT16).string(OnnxGraph.TENSOR_NAME, tensorName(tensor) + HALF_SUFFIX)
                .bytes(TENSOR_RAW, halves.array());
    }

    private static String tensorName(byte[] tensor) {
        return ProtoReader.fields(tensor).stream().filter(f -> f.number() == OnnxGraph.TENSOR_NAME).map(ProtoReader.Field::string).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("an initializer has no name"));
    }

    /** IEEE 754 binary16 bits of the nearest half-precision number (ties to even); a finite value beyond its range is refused. */
    static short toHalf(float value) {
        if (!(Math.abs(value) <= HALF_MAX)) {
            throw new IllegalArgumentException("a weight of " + value + " has no float16 value");
        }
        int bits = Float.floatToIntBits(value);
        int sign = (bits >>> 16) & 0x8000, exponent = ((bits >>> 23) & 0xFF) - 127 + 15, mantissa = bits & 0x7FFFFF;
        int shift = 13;
        int half;
        if (exponent > 0) {
            half = (exponent << 10) | (mantissa >> shift);
        } else {
            // Below the smallest normal float16: a subnormal, the implicit leading bit made explicit.
            shift = Math.min(14 - exponent, 25);
            mantissa |= 0x800000;
            half = mantissa >> shift;
        }
        int rest = mantissa & ((1 << shift) - 1), halfway = 1 << (shift - 1);
        if (rest > halfway || rest == halfway && (half & 1) == 1) {
            half++; // a carry into the exponent is the right rounding
        }
        return (short) (sign | half);
    }
}
