package dev.mocap.nn;

import dev.mocap.nn.onnx.OnnxAttribute;
import dev.mocap.nn.onnx.OnnxGraph;
import dev.mocap.nn.onnx.OnnxModel;
import dev.mocap.nn.tflite.BuiltinOperator;
import dev.mocap.nn.tflite.OperatorOptions;
import dev.mocap.nn.tflite.OperatorOptions.Activation;
import dev.mocap.nn.tflite.OperatorOptions.Padding;
import dev.mocap.nn.tflite.TensorType;
import dev.mocap.nn.tflite.TfliteModel;
import dev.mocap.nn.tflite.TfliteOperator;
import dev.mocap.nn.tflite.TfliteSubgraph;
import dev.mocap.nn.tflite.TfliteTensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.mocap.nn.onnx.OnnxAttribute.integer;
import static dev.mocap.nn.onnx.OnnxAttribute.ints;
import static dev.mocap.nn.onnx.OnnxAttribute.string;

/**
 * Converts the BlazePose TFLite models to ONNX (docs/MODELS.md §3). Activations of rank 4 are
 * NCHW inside the graph; Transposes at the graph inputs and outputs keep the TFLite names,
 * shapes and NHWC layout. DEQUANTIZE and DENSIFY are folded into FP32 initializers, and a zero
 * PAD of the spatial dimensions that only convolutions read is folded into their pads. TFLite's
 * batch of one becomes a symbolic batch dimension, so that several crops run in one call.
 */
public final class TfliteToOnnx {
    /** Transpose perm NHWC → NCHW; also: NCHW axis i is NHWC axis NHWC_TO_NCHW[i]. */
    private static final int[] NHWC_TO_NCHW = {0, 3, 1, 2};
    /** Transpose perm NCHW → NHWC; also: NHWC axis a is NCHW axis NCHW_TO_NHWC[a]. */
    private static final int[] NCHW_TO_NHWC = {0, 2, 3, 1};

    private final TfliteModel model;
    private final TfliteSubgraph subgraph;
    private final OnnxGraph onnx;
    /** ONNX value name of each tensor; rank-4 graph inputs/outputs get an NCHW twin. */
    private final String[] names;
    private final Set<Integer> graphOutputs = new HashSet<>();
    private final Map<Integer, List<TfliteOperator>> consumers = new HashMap<>();
    /** Outputs of DEQUANTIZE/DENSIFY, in TFLite layout. */
    private final Map<Integer, float[]> constants = new HashMap<>();
    private final Map<Integer, FoldedPad> foldedPads = new HashMap<>();

    private record FoldedPad(int input, int top, int left, int bottom, int right) {
    }

    /** Part of the cached ONNX file names: bump it when the conversion's output changes. */
    public static final int VERSION = 3;

    private TfliteToOnnx(TfliteModel model, String graphName, List<String> outputs) {
        if (model.subgraphs().size() != 1) {
            throw new IllegalArgumentException("expected one subgraph, found " + model.subgraphs().size());
        }
        this.model = model;
        this.subgraph = model.subgraphs().get(0).prunedTo(outputs);
        this.onnx = new OnnxGraph(graphName);
        this.names = uniqueNames(subgraph.tensors());
        for (int output : subgraph.outputs()) {
            graphOutputs.add(output);
        }
        for (TfliteOperator op : subgraph.operators()) {
            for (int input : op.inputs()) {
                consumers.computeIfAbsent(input, k -> new ArrayList<>()).add(op);
            }
        }
    }

    /** Converts a .tflite file's bytes to the bytes of an ONNX model with the named outputs. */
    public static byte[] convert(byte[] tflite, String graphName, String docString, List<String> outputs) {
        TfliteToOnnx converter = new TfliteToOnnx(TfliteModel.read(tflite), graphName, outputs);
        converter.inputs();
        for (TfliteOperator op : converter.subgraph.operators()) {
            converter.operator(op);
        }
        converter.outputs();
        return OnnxModel.serialize(converter.onnx, "mocap tflite2onnx", docString);
    }

    private static String[] uniqueNames(List<TfliteTensor> tensors) {
        Set<String> seen = new HashSet<>();
        String[] names = new String[tensors.size()];
        for (int i = 0; i < names.length; i++) {
            String name = tensors.get(i).name().isEmpty() ? "tensor" + i : tensors.get(i).name();
            names[i] = seen.add(name) ? name : name + "_" + i;
        }
        return names;
    }

    private void inputs() {
        for (int input : subgraph.inputs()) {
            TfliteTensor t = tensor(input);
            if (t.type() != TensorType.FLOAT32) {
                throw new IllegalArgumentException("graph input " + t.name() + " is " + t.type() + "; only FLOAT32 is supported");
            }
            onnx.input(names[input], batched(t.shape()));
            if (t.rank() == 4) {
                String nchw = names[input] + "_nchw";
                onnx.node("Transpose", List.of(names[input]), nchw, ints("perm", longs(NHWC_TO_NCHW)));
                names[input] = nchw;
            }
        }
        for (int output : subgraph.outputs()) {
            if (tensor(output).rank() == 4) {
                names[output] += "_nchw";
            }
        }
    }

    private void outputs() {
        for (int output : subgraph.outputs()) {
            TfliteTensor t = tensor(output);
            if (t.rank() == 4) {
                onnx.node("Transpose", List.of(names[output]), t.name(), ints("perm", longs(NCHW_TO_NHWC)));
            }
            onnx.output(t.name(), batched(t.shape()));
        }
    }

    private void operator(TfliteOperator op) {
        BuiltinOperator builtin = op.builtin().orElseThrow(() -> unsupported(op, "operator"));
        switch (builtin) {
            case DEQUANTIZE, DENSIFY -> constants.put(op.outputs()[0], constant(op, op.inputs()[0]));
            case CONV_2D -> conv(op, (OperatorOptions.Conv2D) op.options());
            case DEPTHWISE_CONV_2D -> depthwiseConv(op, (OperatorOptions.DepthwiseConv2D) op.options());
            case ADD -> emit(op, ((OperatorOptions.Add) op.options()).activation(), "Add",
                    List.of(activation(op, 0), activation(op, 1)));
            case PAD -> pad(op);
            case MAX_POOL_2D -> maxPool(op, (OperatorOptions.Pool2D) op.options());
            case RESIZE_BILINEAR -> resize(op, (OperatorOptions.ResizeBilinear) op.options());
            case DEPTH_TO_SPACE -> emit(op, Activation.NONE, "DepthToSpace", List.of(activation(op, 0)),
                    integer("blocksize", ((OperatorOptions.DepthToSpace) op.options()).blockSize()),
                    string("mode", "DCR"));
            case LOGISTIC -> emit(op, Activation.NONE, "Sigmoid", List.of(activation(op, 0)));
            case CONCATENATION -> concat(op, (OperatorOptions.Concatenation) op.options());
            case RESHAPE -> reshape(op);
        }
    }

    private void conv(TfliteOperator op, OperatorOptions.Conv2D o) {
        requireNoDilation(op, o.dilationW(), o.dilationH());
        int[] ohwi = tensor(op.inputs()[1]).shape();
        float[] oihw = permute(constant(op, op.inputs()[1]), ohwi, NHWC_TO_NCHW);
        convolution(op, oihw, new long[] {ohwi[0], ohwi[3], ohwi[1], ohwi[2]}, 1,
                o.padding(), o.strideH(), o.strideW(), o.activation());
    }

    /** A depthwise conv is a grouped Conv with one group per input channel; filter 1HWC → C1HW. */
    private void depthwiseConv(TfliteOperator op, OperatorOptions.DepthwiseConv2D o) {
        requireNoDilation(op, o.dilationW(), o.dilationH());
        int[] hwc = tensor(op.inputs()[1]).shape();
        float[] c1hw = permute(constant(op, op.inputs()[1]), hwc, new int[] {3, 0, 1, 2});
        int inputChannels = tensor(op.inputs()[0]).shape()[3];
        convolution(op, c1hw, new long[] {hwc[3], 1, hwc[1], hwc[2]}, inputChannels,
                o.padding(), o.strideH(), o.strideW(), o.activation());
    }

    private void convolution(TfliteOperator op, float[] weights, long[] weightDims, int group,
                             Padding padding, int strideH, int strideW, Activation activation) {
        int input = op.inputs()[0];
        int kernelH = (int) weightDims[2];
        int kernelW = (int) weightDims[3];
        long[] pads = pads(padding, tensor(input).shape(), kernelH, kernelW, strideH, strideW);
        FoldedPad folded = foldedPads.get(input);
        String x = names[input];
        if (folded != null) {
            x = names[folded.input()];
            pads[0] += folded.top();
            pads[1] += folded.left();
            pads[2] += folded.bottom();
            pads[3] += folded.right();
        }
        String w = names[op.inputs()[1]];
        onnx.floats(w, weightDims, weights);
        List<String> inputs = new ArrayList<>(List.of(x, w));
        if (op.inputs().length > 2 && op.inputs()[2] >= 0) {
            String b = names[op.inputs()[2]];
            onnx.floats(b, new long[] {weightDims[0]}, constant(op, op.inputs()[2]));
            inputs.add(b);
        }
        emit(op, activation, "Conv", inputs, ints("kernel_shape", kernelH, kernelW),
                ints("strides", strideH, strideW), ints("pads", pads), integer("group", group));
    }

    /** ONNX pads {top, left, bottom, right} for an NHWC input. */
    private static long[] pads(Padding padding, int[] nhwc, int kernelH, int kernelW, int strideH, int strideW) {
        if (padding == Padding.VALID) {
            return new long[4];
        }
        SamePadding h = SamePadding.of(nhwc[1], kernelH, strideH);
        SamePadding w = SamePadding.of(nhwc[2], kernelW, strideW);
        return new long[] {h.before(), w.before(), h.after(), w.after()};
    }

    private void pad(TfliteOperator op) {
        int input = op.inputs()[0];
        int output = op.outputs()[0];
        int rank = tensor(input).rank();
        int[] paddings = model.ints(tensor(op.inputs()[1]));
        if (paddings[0] != 0 || paddings[1] != 0) {
            throw unsupported(op, "padding of the batch");
        }
        boolean spatialOnly = rank == 4 && paddings[6] == 0 && paddings[7] == 0;
        if (spatialOnly && feedsOnlyConvolutions(output)) {
            foldedPads.put(output, new FoldedPad(input, paddings[2], paddings[4], paddings[3], paddings[5]));
            return;
        }
        long[] pads = new long[2 * rank];
        for (int d = 0; d < rank; d++) {
            int tfliteAxis = rank == 4 ? NHWC_TO_NCHW[d] : d;
            pads[d] = paddings[2 * tfliteAxis];
            pads[rank + d] = paddings[2 * tfliteAxis + 1];
        }
        String padsName = names[output] + "_pads";
        onnx.int64s(padsName, new long[] {pads.length}, pads);
        emit(op, Activation.NONE, "Pad", List.of(activation(op, 0), padsName), string("mode", "constant"));
    }

    /** True when every reader of the tensor is a convolution taking it as its data input. */
    private boolean feedsOnlyConvolutions(int tensor) {
        List<TfliteOperator> users = consumers.getOrDefault(tensor, List.of());
        if (graphOutputs.contains(tensor) || users.isEmpty()) {
            return false;
        }
        for (TfliteOperator user : users) {
            BuiltinOperator op = user.builtin().orElse(null);
            boolean convolution = op == BuiltinOperator.CONV_2D || op == BuiltinOperator.DEPTHWISE_CONV_2D;
            if (!convolution || user.inputs()[0] != tensor) {
                return false;
            }
        }
        return true;
    }

    private void maxPool(TfliteOperator op, OperatorOptions.Pool2D o) {
        long[] pads = pads(o.padding(), tensor(op.inputs()[0]).shape(), o.filterH(), o.filterW(), o.strideH(), o.strideW());
        emit(op, o.activation(), "MaxPool", List.of(activation(op, 0)), ints("kernel_shape", o.filterH(), o.filterW()),
                ints("strides", o.strideH(), o.strideW()), ints("pads", pads));
    }

    /** Bilinear resize by scales, which hold for any batch: ONNX sizes would have to name the batch. */
    private void resize(TfliteOperator op, OperatorOptions.ResizeBilinear o) {
        int[] nhwc = tensor(op.inputs()[0]).shape();
        int[] size = model.ints(tensor(op.inputs()[1]));
        float scaleH = (float) size[0] / nhwc[1], scaleW = (float) size[1] / nhwc[2];
        if (Math.floor(nhwc[1] * (double) scaleH) != size[0] || Math.floor(nhwc[2] * (double) scaleW) != size[1]) {
            throw unsupported(op, "resize from " + nhwc[1] + "x" + nhwc[2] + " to " + size[0] + "x" + size[1] + " (no exact scale)");
        }
        String scales = names[op.outputs()[0]] + "_scales";
        onnx.floats(scales, new long[] {4}, new float[] {1, 1, scaleH, scaleW});
        String transform = o.alignCorners() ? "align_corners" : o.halfPixelCenters() ? "half_pixel" : "asymmetric";
        emit(op, Activation.NONE, "Resize", List.of(activation(op, 0), "", scales),
                string("mode", "linear"), string("coordinate_transformation_mode", transform));
    }

    private void concat(TfliteOperator op, OperatorOptions.Concatenation o) {
        int rank = tensor(op.inputs()[0]).rank();
        int axis = o.axis() < 0 ? o.axis() + rank : o.axis();
        if (axis == 0) {
            throw unsupported(op, "concatenation along the batch");
        }
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < op.inputs().length; i++) {
            inputs.add(activation(op, i));
        }
        emit(op, o.activation(), "Concat", inputs, integer("axis", rank == 4 ? NCHW_TO_NHWC[axis] : axis));
    }

    /** Reshapes in NHWC so that the flattened element order is TFLite's. */
    private void reshape(TfliteOperator op) {
        String out = names[op.outputs()[0]];
        String x = activation(op, 0);
        if (tensor(op.inputs()[0]).rank() == 4) {
            onnx.node("Transpose", List.of(x), out + "_nhwc_in", ints("perm", longs(NCHW_TO_NHWC)));
            x = out + "_nhwc_in";
        }
        long[] shape = longs(tensor(op.outputs()[0]).shape());
        if (shape.length == 0 || shape[0] != 1 || tensor(op.inputs()[0]).rank() == 0 || tensor(op.inputs()[0]).shape()[0] != 1) {
            throw unsupported(op, "reshape that does not keep the batch of 1 first");
        }
        shape[0] = 0; // Reshape's 0: the input's own size there, the batch
        onnx.int64s(out + "_shape", new long[] {shape.length}, shape);
        if (shape.length == 4) {
            onnx.node("Reshape", List.of(x, out + "_shape"), out + "_nhwc");
            onnx.node("Transpose", List.of(out + "_nhwc"), out, ints("perm", longs(NHWC_TO_NCHW)));
        } else {
            onnx.node("Reshape", List.of(x, out + "_shape"), out);
        }
    }

    /** Adds the node for {@code op}, followed by its fused activation when there is one. */
    private void emit(TfliteOperator op, Activation activation, String opType, List<String> inputs,
                      OnnxAttribute... attributes) {
        String out = names[op.outputs()[0]];
        String linear = activation == Activation.NONE ? out : out + "_linear";
        onnx.node(opType, inputs, linear, attributes);
        switch (activation) {
            case NONE -> { }
            case RELU -> onnx.node("Relu", List.of(linear), out);
            case RELU6 -> onnx.node("Clip", List.of(linear, scalar(0), scalar(6)), out);
            case RELU_N1_TO_1 -> onnx.node("Clip", List.of(linear, scalar(-1), scalar(1)), out);
            case TANH -> onnx.node("Tanh", List.of(linear), out);
            default -> throw unsupported(op, "fused activation " + activation);
        }
    }

    private String scalar(float value) {
        String name = "scalar_" + value;
        onnx.floats(name, new long[0], new float[] {value});
        return name;
    }

    /** The ONNX name of a run-time input of {@code op}; constant operands are not supported there. */
    private String activation(TfliteOperator op, int inputIndex) {
        int tensor = op.inputs()[inputIndex];
        if (constants.containsKey(tensor) || model.isConstant(tensor(tensor))) {
            throw unsupported(op, "constant input " + inputIndex);
        }
        return names[tensor];
    }

    private float[] constant(TfliteOperator op, int tensor) {
        float[] folded = constants.get(tensor);
        if (folded != null) {
            return folded;
        }
        if (!model.isConstant(tensor(tensor))) {
            throw unsupported(op, "run-time weights");
        }
        return model.floats(tensor(tensor));
    }

    private static void requireNoDilation(TfliteOperator op, int dilationW, int dilationH) {
        if (dilationW != 1 || dilationH != 1) {
            throw unsupported(op, "dilation " + dilationH + "x" + dilationW);
        }
    }

    private static IllegalArgumentException unsupported(TfliteOperator op, String what) {
        return new IllegalArgumentException("cannot convert TFLite " + op.describe() + " to ONNX: unsupported " + what);
    }

    private TfliteTensor tensor(int index) {
        return subgraph.tensors().get(index);
    }

    /** Transposes a row-major array: output axis i is input axis perm[i]. */
    static float[] permute(float[] data, int[] shape, int[] perm) {
        int rank = shape.length;
        int[] strides = new int[rank];
        for (int i = rank - 1, s = 1; i >= 0; s *= shape[i], i--) {
            strides[i] = s;
        }
        int[] outShape = new int[rank];
        int[] outStrides = new int[rank];
        for (int i = 0; i < rank; i++) {
            outShape[i] = shape[perm[i]];
            outStrides[i] = strides[perm[i]];
        }
        float[] out = new float[data.length];
        int[] index = new int[rank];
        int source = 0;
        for (int o = 0; o < out.length; o++) {
            out[o] = data[source];
            for (int d = rank - 1; d >= 0; d--) {
                source += outStrides[d];
                if (++index[d] < outShape[d]) {
                    break;
                }
                source -= outStrides[d] * outShape[d];
                index[d] = 0;
            }
        }
        return out;
    }

    /** A TFLite shape, whose batch is 1, with a symbolic batch instead. */
    private static long[] batched(int[] shape) {
        if (shape.length == 0 || shape[0] != 1) {
            throw new IllegalArgumentException("graph input or output of shape " + Arrays.toString(shape) + ": expected a batch of 1 first");
        }
        long[] out = longs(shape);
        out[0] = OnnxGraph.BATCH;
        return out;
    }

    private static long[] longs(int[] values) {
        return Arrays.stream(values).asLongStream().toArray();
    }
}
