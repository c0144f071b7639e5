package dev.mocap.nn.tflite;

/** The builtin options of the operators in {@link BuiltinOperator}, as in the TFLite schema. */
public sealed interface OperatorOptions {

    /** Padding codes: SAME = 0, VALID = 1. */
    enum Padding { SAME, VALID }

    /** Fused activation codes in schema order. */
    enum Activation { NONE, RELU, RELU_N1_TO_1, RELU6, TANH, SIGN_BIT }

    record None() implements OperatorOptions {
    }

    record Conv2D(Padding padding, int strideW, int strideH, Activation activation,
                  int dilationW, int dilationH) implements OperatorOptions {
    }

    record DepthwiseConv2D(Padding padding, int strideW, int strideH, int depthMultiplier,
                           Activation activation, int dilationW, int dilationH) implements OperatorOptions {
    }

    record Pool2D(Padding padding, int strideW, int strideH, int filterW, int filterH,
                  Activation activation) implements OperatorOptions {
    }

    record Add(Activation activation) implements OperatorOptions {
    }

    record Concatenation(int axis, Activation activation) implements OperatorOptions {
    }

    record Reshape(int[] newShape) implements OperatorOptions {
    }

    record ResizeBilinear(boolean alignCorners, boolean halfPixelCenters) implements OperatorOptions {
    }

    record DepthToSpace(int blockSize) implements OperatorOptions {
    }
}
