package dev.mocap.nn.tflite;

import java.util.Optional;

/**
 * One operator: its builtin code (or custom code), version, input and output tensor indices
 * (-1 marks an omitted optional input) and its parsed builtin options.
 */
public record TfliteOperator(int code, String customCode, int version, int[] inputs, int[] outputs,
                             OperatorOptions options) {

    public Optional<BuiltinOperator> builtin() {
        return customCode.isEmpty() ? BuiltinOperator.of(code) : Optional.empty();
    }

    /** Name for messages: the builtin name, the custom code, or the numeric code. */
    public String describe() {
        if (!customCode.isEmpty()) {
            return "custom operator '" + customCode + "'";
        }
        return builtin().map(Enum::name).orElse("builtin operator code " + code) + " v" + version;
    }
}
