package dev.mocap.nn;

import org.tensorflow.lite.Interpreter;
import org.tensorflow.lite.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A .tflite model on the TFLite 2.6.2 interpreter with XNNPACK: the converter's oracle and the
 * baseline of benchmarks. The JNI library comes from the tflite-native-cpu jar on the class
 * path (Linux x86-64 only); it is copied to a temporary file and loaded without DJL, which
 * would create interpreters without XNNPACK (about 10× slower). Not for concurrent use.
 */
public final class TfliteRuntime implements AutoCloseable {
    private static final String LIBRARY = "native/lib/libtensorflowlite_jni.so";
    private static final String UNAVAILABLE = loadLibrary();

    private final Interpreter interpreter;
    private final ByteBuffer input;
    private final String[] outputNames;
    /** Output buffers by output index, the form the interpreter fills. */
    private final Map<Integer, Object> outputs = new HashMap<>();

    private TfliteRuntime(Path model, int threads) {
        if (!isAvailable()) {
            throw new IllegalStateException("TFLite runtime unavailable: " + UNAVAILABLE);
        }
        interpreter = new Interpreter(model.toFile(), new Interpreter.Options().setUseXNNPACK(true).setNumThreads(threads));
        input = direct(interpreter.getInputTensor(0).numBytes());
        outputNames = new String[interpreter.getOutputTensorCount()];
        for (int i = 0; i < outputNames.length; i++) {
            Tensor tensor = interpreter.getOutputTensor(i);
            outputNames[i] = tensor.name();
            outputs.put(i, direct(tensor.numBytes()));
        }
    }

    /** True when the native library loaded; otherwise {@link #unavailableReason()} says why. */
    public static boolean isAvailable() {
        return UNAVAILABLE == null;
    }

    public static String unavailableReason() {
        return UNAVAILABLE == null ? "" : UNAVAILABLE;
    }

    /** Loads a .tflite model; the caller closes it. */
    public static TfliteRuntime open(Path model, int threads) {
        return new TfliteRuntime(model, threads);
    }

    /** The input shape, NHWC for the pose models. */
    public int[] inputShape() {
        return interpreter.getInputTensor(0).shape();
    }

    /** Output tensor names and shapes, in the model's output order. */
    public Map<String, int[]> outputShapes() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (int i = 0; i < outputNames.length; i++) {
            shapes.put(outputNames[i], interpreter.getOutputTensor(i).shape());
        }
        return shapes;
    }

    /** Runs the model on a float input of {@link #inputShape()}; returns every output by name. */
    public Map<String, float[]> run(float[] values) {
        if (values.length * Float.BYTES != input.capacity()) {
            throw new IllegalArgumentException("input has " + values.length + " floats, the model takes "
                    + input.capacity() / Float.BYTES);
        }
        input.clear();
        input.asFloatBuffer().put(values);
        outputs.values().forEach(buffer -> ((ByteBuffer) buffer).clear());
        interpreter.runForMultipleInputsOutputs(new Object[] {input}, outputs);
        Map<String, float[]> result = new LinkedHashMap<>();
        for (int i = 0; i < outputNames.length; i++) {
            ByteBuffer buffer = (ByteBuffer) outputs.get(i);
            float[] output = new float[buffer.capacity() / Float.BYTES];
            buffer.rewind();
            buffer.asFloatBuffer().get(output);
            result.put(outputNames[i], output);
        }
        return result;
    }

    @Override
    public void close() {
        interpreter.close();
    }

    private static ByteBuffer direct(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }

    /** Returns null on success, else the reason the runtime is unavailable. */
    private static String loadLibrary() {
        try (InputStream in = TfliteRuntime.class.getClassLoader().getResourceAsStream(LIBRARY)) {
            if (in == null) {
                return "no " + LIBRARY + " on the class path (the tflite-native-cpu jar exists for Linux x86-64 only)";
            }
            Path library = Files.createTempFile("libtensorflowlite_jni", ".so");
            library.toFile().deleteOnExit();
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            System.load(library.toString());
            return null;
        } catch (IOException | UnsatisfiedLinkError e) {
            return "cannot load " + LIBRARY + ": " + e.getMessage();
        }
    }
}
