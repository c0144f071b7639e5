package dev.mocap.nn.tflite;

/** A .tflite file that is not a valid model: truncated, damaged, or not a TFLite flatbuffer. */
public class TfliteFormatException extends IllegalArgumentException {
    public TfliteFormatException(String message) {
        super(message);
    }

    public TfliteFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
