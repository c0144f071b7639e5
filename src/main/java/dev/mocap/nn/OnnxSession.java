package dev.mocap.nn;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One ONNX model on ONNX Runtime with a single float input. The input buffer is direct and
 * reused, so a frame's tensor is filled in place without copies.
 */
public final class OnnxSession implements AutoCloseable {
    /** Sessions opened in this JVM: how often models were loaded. */
    private static final AtomicInteger OPENED = new AtomicInteger();

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String inputName;
    private final long[] inputShape;
    private final FloatBuffer input;
    private final Set<String> outputs;

    public OnnxSession(Path model, Device device, int threads, List<String> outputs) {
        try (OrtSession.SessionOptions options = sessionOptions(device, threads)) {
            session = env.createSession(model.toString(), options);
            OPENED.incrementAndGet();
            inputName = session.getInputNames().iterator().next();
            inputShape = ((ai.onnxruntime.TensorInfo) session.getInputInfo().get(inputName).getInfo()).getShape();
            long elements = 1;
            for (long d : inputShape) {
                elements *= d;
            }
            input = ByteBuffer.allocateDirect((int) elements * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            this.outputs = Collections.unmodifiableSet(new LinkedHashSet<>(outputs));
        } catch (OrtException e) {
            throw new MocapException(ExitCode.MODEL_MISSING,
                    "cannot load model " + model + ": " + e.getMessage() + "; restore it with: ./mocap models install", e);
        }
    }

    /** How many sessions this JVM has opened so far, of any model. */
    public static int opened() {
        return OPENED.get();
    }

    /**
     * The settings every model of the tool runs with: all graph optimisations, {@code threads}
     * intra-op threads that sleep when idle, CUDA when asked (DEVICE_UNAVAILABLE when it is not there).
     */
    public static OrtSession.SessionOptions sessionOptions(Device device, int threads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        // Spinning threads steal the core the decoder and the other stages need.
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        if (device == Device.CUDA) {
            try {
                addCuda(options);
            } catch (RuntimeException e) {
                options.close();
                throw e;
            }
        }
        return options;
    }

    private static void addCuda(OrtSession.SessionOptions options) {
        if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            throw new MocapException(ExitCode.DEVICE_UNAVAILABLE,
                    "--device cuda needs the GPU build of ONNX Runtime: rebuild with 'mvn -Pcuda -DskipTests package'");
        }
        try {
            options.addCUDA(0);
        } catch (OrtException e) {
            throw new MocapException(ExitCode.DEVICE_UNAVAILABLE,
                    "--device cuda: no usable CUDA GPU (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    /** The first line of an engine's message (they run to stack dumps). */
    public static String firstLine(String s) {
        return s == null ? "unknown reason" : s.lines().findFirst().orElse(s);
    }

    /** The reusable input buffer, NHWC as the model expects; fill it, then call {@link #run()}. */
    public FloatBuffer input() {
        input.clear();
        return input;
    }

    public float[] inputCopy() {
        float[] copy = new float[input.capacity()];
        input.duplicate().rewind().get(copy);
        return copy;
    }

    public long[] inputShape() {
        return inputShape.clone();
    }

    /** Runs the model on the current input; returns the requested outputs by name. */
    public Map<String, float[]> run() {
        input.rewind();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, inputShape);
             OrtSession.Result result = session.run(Map.of(inputName, tensor), outputs)) {
            Map<String, float[]> out = new HashMap<>();
            for (Map.Entry<String, ai.onnxruntime.OnnxValue> e : result) {
                FloatBuffer fb = ((OnnxTensor) e.getValue()).getFloatBuffer();
                float[] values = new float[fb.remaining()];
                fb.get(values);
                out.put(e.getKey(), values);
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("inference failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
