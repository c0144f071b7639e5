package dev.mocap.nn.tflite;

import dev.mocap.nn.tflite.OperatorOptions.Activation;
import dev.mocap.nn.tflite.OperatorOptions.Padding;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the TFLite schema (v3) tables; the numbers are field indices from schema.fbs. */
final class TfliteReader {
    private TfliteReader() {
    }

    static TfliteModel read(ByteBuffer data) {
        byte[] identifier = new byte[4];
        if (data.capacity() >= 8) {
            data.get(4, identifier);
        }
        if (!"TFL3".equals(new String(identifier, StandardCharsets.US_ASCII))) {
            throw new TfliteFormatException("not a TFLite model (no TFL3 identifier)");
        }
        FlatTable model = FlatTable.root(data);
        List<OperatorCode> codes = new ArrayList<>();
        for (FlatTable code : model.getTables(1)) {
            // the old 8-bit field saturates at 127 for newer ops; the 32-bit field may be unset in old files
            codes.add(new OperatorCode(Math.max(code.getByte(0, 0), code.getInt(3, 0)), code.getString(1),
                    code.getInt(2, 1)));
        }
        List<TfliteSubgraph> subgraphs = new ArrayList<>();
        for (FlatTable subgraph : model.getTables(2)) {
            subgraphs.add(subgraph(subgraph, codes));
        }
        List<ByteBuffer> buffers = new ArrayList<>();
        for (FlatTable buffer : model.getTables(4)) {
            buffers.add(buffer.getBytes(0));
        }
        for (TfliteSubgraph subgraph : subgraphs) {
            checkReferences(subgraph, buffers.size());
        }
        return new TfliteModel(model.getInt(0, 0), model.getString(3), subgraphs, buffers);
    }

    private record OperatorCode(int code, String custom, int version) {
    }

    private static TfliteSubgraph subgraph(FlatTable t, List<OperatorCode> codes) {
        List<TfliteTensor> tensors = new ArrayList<>();
        for (FlatTable tensor : t.getTables(0)) {
            tensors.add(tensor(tensor));
        }
        List<TfliteOperator> operators = new ArrayList<>();
        for (FlatTable op : t.getTables(3)) {
            int opcode = op.getInt(0, 0);
            if (opcode < 0 || opcode >= codes.size()) {
                throw new TfliteFormatException("operator code index " + opcode + " of " + codes.size() + " operator codes");
            }
            OperatorCode code = codes.get(opcode);
            FlatTable options = op.getTable(4);
            operators.add(new TfliteOperator(code.code(), code.custom(), code.version(),
                    op.getIntVector(1), op.getIntVector(2),
                    options(BuiltinOperator.of(code.code()).orElse(null), options == null ? FlatTable.empty() : options)));
        }
        return new TfliteSubgraph(t.getString(4), tensors, t.getIntVector(1), t.getIntVector(2), operators);
    }

    /** Every tensor index of the graph names one of its tensors (or is -1, an omitted optional input), every buffer one of the model's. */
    private static void checkReferences(TfliteSubgraph graph, int buffers) {
        int tensors = graph.tensors().size();
        List<int[]> lists = new ArrayList<>(List.of(graph.inputs(), graph.outputs()));
        for (TfliteOperator op : graph.operators()) {
            lists.add(op.inputs());
            lists.add(op.outputs());
        }
        for (int[] list : lists) {
            for (int t : list) {
                if (t < -1 || t >= tensors) {
                    throw new TfliteFormatException("tensor index " + t + " in a graph of " + tensors + " tensors");
                }
            }
        }
        for (TfliteTensor tensor : graph.tensors()) {
            if (tensor.buffer() < 0 || tensor.buffer() >= buffers) {
                throw new TfliteFormatException("tensor " + tensor.name() + " refers to buffer " + tensor.buffer() + " of " + buffers);
            }
        }
    }

    private static TfliteTensor tensor(FlatTable t) {
        FlatTable sparsity = t.getTable(6);
        return new TfliteTensor(t.getString(3), t.getIntVector(0), TensorType.of(t.getByte(1, 0)),
                t.getInt(2, 0), sparsity == null ? null : sparsity(sparsity));
    }

    private static Sparsity sparsity(FlatTable t) {
        List<Sparsity.Dimension> dimensions = new ArrayList<>();
        for (FlatTable d : t.getTables(2)) {
            dimensions.add(new Sparsity.Dimension(d.getByte(0, 0) == 1, d.getInt(1, 0),
                    indexVector(d.getUByte(2, 0), d.getTable(3)), indexVector(d.getUByte(4, 0), d.getTable(5))));
        }
        return new Sparsity(t.getIntVector(0), t.getIntVector(1), dimensions);
    }

    /** The SparseIndexVector union: Int32Vector = 1, Uint16Vector = 2, Uint8Vector = 3. */
    private static int[] indexVector(int type, FlatTable vector) {
        return switch (type) {
            case 0 -> new int[0];
            case 1 -> vector.getIntVector(0);
            case 2 -> vector.getUShortVector(0);
            case 3 -> vector.getUByteVector(0);
            default -> throw new TfliteFormatException("unknown sparse index vector type " + type);
        };
    }

    private static OperatorOptions options(BuiltinOperator op, FlatTable t) {
        if (op == null) {
            return new OperatorOptions.None();
        }
        return switch (op) {
            case CONV_2D -> new OperatorOptions.Conv2D(padding(t, 0), t.getInt(1, 0), t.getInt(2, 0),
                    activation(t, 3), t.getInt(4, 1), t.getInt(5, 1));
            case DEPTHWISE_CONV_2D -> new OperatorOptions.DepthwiseConv2D(padding(t, 0), t.getInt(1, 0),
                    t.getInt(2, 0), t.getInt(3, 0), activation(t, 4), t.getInt(5, 1), t.getInt(6, 1));
            case MAX_POOL_2D -> new OperatorOptions.Pool2D(padding(t, 0), t.getInt(1, 0), t.getInt(2, 0),
                    t.getInt(3, 0), t.getInt(4, 0), activation(t, 5));
            case ADD -> new OperatorOptions.Add(activation(t, 0));
            case CONCATENATION -> new OperatorOptions.Concatenation(t.getInt(0, 0), activation(t, 1));
            case RESHAPE -> new OperatorOptions.Reshape(t.getIntVector(0));
            case RESIZE_BILINEAR -> new OperatorOptions.ResizeBilinear(t.getBool(2), t.getBool(3));
            case DEPTH_TO_SPACE -> new OperatorOptions.DepthToSpace(t.getInt(0, 0));
            case DEQUANTIZE, DENSIFY, LOGISTIC, PAD -> new OperatorOptions.None();
        };
    }

    private static Padding padding(FlatTable t, int field) {
        int code = t.getByte(field, 0);
        if (code < 0 || code >= Padding.values().length) {
            throw new TfliteFormatException("unknown padding code " + code);
        }
        return Padding.values()[code];
    }

    private static Activation activation(FlatTable t, int field) {
        int code = t.getByte(field, 0);
        if (code < 0 || code >= Activation.values().length) {
            throw new TfliteFormatException("unknown fused activation code " + code);
        }
        return Activation.values()[code];
    }
}
