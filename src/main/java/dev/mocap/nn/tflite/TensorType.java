package dev.mocap.nn.tflite;

/** TFLite tensor element types; the ordinal is the code stored in the flatbuffer. */
public enum TensorType {
    FLOAT32, FLOAT16, INT32, UINT8, INT64, STRING, BOOL, INT16, COMPLEX64, INT8, FLOAT64;

    static TensorType of(int code) {
        if (code < 0 || code >= values().length) {
            throw new TfliteFormatException("unsupported TFLite tensor type code " + code);
        }
        return values()[code];
    }
}
