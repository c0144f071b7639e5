package dev.mocap.nn;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.nn.onnx.OnnxGraph;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One ONNX model on ONNX Runtime with a single float input. The input buffer is direct and
 * reused, so a frame's tensor is filled in place without copies. Outputs of fixed shape (every
 * model the tool ships) are written by the runtime straight into direct buffers of their own,
 * read in place: the landmark model's 640 KB heatmap, of which a few thousand values are read,
 * is not copied (the runtime's own result would be copied twice, into a heap buffer and an array).
 * A model with a symbolic batch (the converted BlazePose models) runs a fixed batch of inputs per
 * call, set when the session opens (the runtime then optimises for that shape: left symbolic, one
 * input ran 2 % slower): the inputs lie one after the other in the input buffer, and
 * {@link #output(String, int)} reads each one's outputs.
 */
public final class OnnxSession implements AutoCloseable {
    /** Sessions opened in this JVM: how often models were loaded. */
    private static final AtomicInteger OPENED = new AtomicInteger();

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String inputName;
    private final long[] inputShape;
    private final int batch;
    private final FloatBuffer input;
    private final OnnxTensor inputTensor;
    private final Set<String> outputs;
    /** Each output's buffer, written by every run; null when an output's shape is not fixed. */
    private final Map<String, FloatBuffer> pinned;
    private final Map<String, OnnxTensor> pinnedTensors;
    /** The last run's outputs, copied, when they cannot be pinned. */
    private Map<String, FloatBuffer> copied = Map.of();

    public OnnxSession(Path model, Device device, int threads, List<String> outputs) {
        this(model, device, threads, outputs, 1);
    }

    /** A session that runs {@code batch} inputs per call; the model's batch must be symbolic unless it is 1. */
    public OnnxSession(Path model, Device device, int threads, List<String> outputs, int batch) {
        try (OrtSession.SessionOptions options = sessionOptions(device, threads)) {
            options.setSymbolicDimensionValue(OnnxGraph.BATCH_NAME, batch);
            session = env.createSession(model.toString(), options);
            OPENED.incrementAndGet();
            inputName = session.getInputNames().iterator().next();
            inputShape = batched(((ai.onnxruntime.TensorInfo) session.getInputInfo().get(inputName).getInfo()).getShape(), batch);
            this.batch = batch;
            String noBatch = batch == 1 ? null : missingBatch(session, outputs, batch);
            if (noBatch != null) {
                session.close();
                throw new IllegalArgumentException(model + " takes no batch of " + batch + ": " + noBatch);
            }
            long elements = 1;
            for (long d : inputShape) {
                elements *= d;
            }
            input = ByteBuffer.allocateDirect((int) elements * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            inputTensor = OnnxTensor.createTensor(env, input, inputShape);
            this.outputs = Collections.unmodifiableSet(new LinkedHashSet<>(outputs));
            pinnedTensors = pinnedOutputs(session, this.outputs, batch);
            pinned = pinnedTensors == null ? null : new HashMap<>();
            if (pinned != null) {
                pinnedTensors.forEach((name, tensor) -> pinned.put(name, (FloatBuffer) tensor.getBufferRef().orElseThrow()));
            }
        } catch (OrtException e) {
            throw new MocapException(ExitCode.MODEL_MISSING,
                    "cannot load model " + model + ": " + e.getMessage() + "; restore it with: ./mocap models install", e);
        }
    }

    /** Which of the input and the outputs has no symbolic first dimension to take a batch, or null when all have. */
    private String missingBatch(OrtSession session, List<String> outputs, int batch) throws OrtException {
        if (inputShape.length == 0 || inputShape[0] != batch) {
            return "its input is " + Arrays.toString(inputShape);
        }
        for (String name : outputs) {
            long[] shape = batched(((ai.onnxruntime.TensorInfo) session.getOutputInfo().get(name).getInfo()).getShape(), batch);
            if (shape.length == 0 || shape[0] != batch) {
                return "its output " + name + " is " + Arrays.toString(shape);
            }
        }
        return null;
    }

    /** A tensor over a direct buffer for each output, or null when one of them has no fixed shape. */
    private Map<String, OnnxTensor> pinnedOutputs(OrtSession session, Set<String> names, int batch) throws OrtException {
        Map<String, OnnxTensor> out = new HashMap<>();
        for (String name : names) {
            long[] shape = batched(((ai.onnxruntime.TensorInfo) session.getOutputInfo().get(name).getInfo()).getShape(), batch);
            long elements = 1;
            for (long d : shape) {
                elements *= d;
            }
            if (elements <= 0) {
                out.values().forEach(OnnxTensor::close);
                return null;
            }
            FloatBuffer buffer = ByteBuffer.allocateDirect((int) elements * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            out.put(name, OnnxTensor.createTensor(env, buffer, shape));
        }
        return out;
    }

    /** A declared shape with a symbolic first dimension set to {@code batch}. */
    private static long[] batched(long[] shape, int batch) {
        long[] out = shape.clone();
        if (out.length > 0 && out[0] < 0) {
            out[0] = batch;
        }
        return out;
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

    /** The reusable input buffer, NHWC as the model expects, the batch's inputs one after the other; fill it, then call {@link #run()}. */
    public FloatBuffer input() {
        input.clear();
        return input;
    }

    /** A copy of the first input in the buffer. */
    public float[] inputCopy() {
        float[] copy = new float[input.capacity() / batch];
        input.duplicate().rewind().get(copy);
        return copy;
    }

    public long[] inputShape() {
        return inputShape.clone();
    }

    /** The declared shape of an output (−1 where a dimension is not fixed). */
    public long[] outputShape(String name) {
        try {
            return ((ai.onnxruntime.TensorInfo) session.getOutputInfo().get(name).getInfo()).getShape();
        } catch (OrtException e) {
            throw new IllegalStateException(firstLine(e.getMessage()), e);
        }
    }

    /** Runs the model on the current input; read its outputs with {@link #output}. */
    public void infer() {
        input.rewind();
        try {
            if (pinned != null) {
                session.run(Map.of(inputName, inputTensor), Set.of(), pinnedTensors).close();
                return;
            }
            try (OrtSession.Result result = session.run(Map.of(inputName, inputTensor), outputs)) {
                Map<String, FloatBuffer> out = new HashMap<>();
                for (Map.Entry<String, ai.onnxruntime.OnnxValue> e : result) {
                    out.put(e.getKey(), ((OnnxTensor) e.getValue()).getFloatBuffer());
                }
                copied = out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("inference failed: " + e.getMessage(), e);
        }
    }

    /** An output of the last run (of its first input), read in place; valid until the next run. */
    public FloatBuffer output(String name) {
        return output(name, 0);
    }

    /** An output of the last run's input {@code item} of the batch, read in place; valid until the next run. */
    public FloatBuffer output(String name, int item) {
        FloatBuffer out = pinned != null ? pinned.get(name) : copied.get(name);
        if (out == null) {
            throw new IllegalArgumentException("no output " + name + " was asked of this model");
        }
        if (item < 0 || item >= batch) {
            throw new IllegalArgumentException("no input " + item + " in a batch of " + batch);
        }
        int size = out.capacity() / batch;
        return out.duplicate().clear().position(item * size).limit((item + 1) * size).slice();
    }

    /** Inputs per call. */
    public int batch() {
        return batch;
    }

    /** Runs the model on the current input (a session of batch 1); returns copies of the requested outputs by name. */
    public Map<String, float[]> run() {
        if (batch != 1) {
            throw new IllegalStateException("run() copies the outputs of one input; this session takes " + batch);
        }
        infer();
        Map<String, float[]> out = new HashMap<>();
        for (String name : outputs) {
            FloatBuffer fb = output(name);
            float[] values = new float[fb.remaining()];
            fb.get(values);
            out.put(name, values);
        }
        return out;
    }

    @Override
    public void close() {
        inputTensor.close();
        if (pinnedTensors != null) {
            pinnedTensors.values().forEach(OnnxTensor::close);
        }
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
