package dev.mocap.nn.tflite;

import java.util.Optional;

/** The TFLite builtin operators this project reads, with their schema codes. */
public enum BuiltinOperator {
    ADD(0),
    CONCATENATION(2),
    CONV_2D(3),
    DEPTHWISE_CONV_2D(4),
    DEPTH_TO_SPACE(5),
    DEQUANTIZE(6),
    LOGISTIC(14),
    MAX_POOL_2D(17),
    RESHAPE(22),
    RESIZE_BILINEAR(23),
    PAD(34),
    DENSIFY(124);

    private final int code;

    BuiltinOperator(int code) {
        this.code = code;
    }

    public static Optional<BuiltinOperator> of(int code) {
        for (BuiltinOperator op : values()) {
            if (op.code == code) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
