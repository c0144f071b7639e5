package dev.mocap.nn;

/**
 * TensorFlow's SAME padding along one dimension: the output has ⌈in/stride⌉ elements and the
 * odd pixel of padding goes after (bottom/right), which symmetric ONNX pads cannot express.
 */
record SamePadding(int before, int after) {

    static SamePadding of(int in, int kernel, int stride) {
        int out = (in + stride - 1) / stride;
        int total = Math.max((out - 1) * stride + kernel - in, 0);
        return new SamePadding(total / 2, total - total / 2);
    }
}
