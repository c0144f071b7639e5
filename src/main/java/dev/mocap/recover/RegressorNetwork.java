package dev.mocap.recover;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.nn.Device;
import dev.mocap.nn.OnnxSession;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A user's regressor on ONNX Runtime, checked against {@link RegressorContract} when it is opened. Not for concurrent use. */
final class RegressorNetwork implements AutoCloseable {

    /** One window's results: {@code layout.results()} rows of θ, β and the crop camera. */
    record Results(float[] pose, float[] betas, float[] cam) {
    }

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final RegressorContract.Layout layout;
    private final String name;

    RegressorNetwork(Path model, Device device, int threads) {
        name = model.getFileName().toString();
        if (!Files.isRegularFile(model)) {
            throw new MocapException(ExitCode.MODEL_MISSING, "--recovery onnx: the model " + model + " is not there");
        }
        try (OrtSession.SessionOptions options = OnnxSession.sessionOptions(device, threads)) {
            session = env.createSession(model.toString(), options);
        } catch (OrtException e) {
            throw new MocapException(ExitCode.MODEL_MISSING, "--recovery onnx: cannot load " + model + ": " + OnnxSession.firstLine(e.getMessage()), e);
        }
        try {
            layout = RegressorContract.check(shapes(session.getInputInfo()), shapes(session.getOutputInfo()));
        } catch (IllegalArgumentException | OrtException e) {
            close();
            throw new MocapException(ExitCode.MODEL_MISSING, name + " is not a regressor the tool can run: " + e.getMessage(), e);
        }
    }

    RegressorContract.Layout layout() {
        return layout;
    }

    /** Runs one window: {@code crops} [T·3·224·224], {@code boxes} [T·3] (read only when the model takes them). */
    Results run(float[] crops, float[] boxes) {
        int t = layout.window();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(RegressorContract.CROPS, OnnxTensor.createTensor(env, FloatBuffer.wrap(crops),
                    new long[]{1, t, 3, RegressorContract.SIDE, RegressorContract.SIDE}));
            if (layout.takesBoxes()) {
                inputs.put(RegressorContract.BBOX_INFO, OnnxTensor.createTensor(env, FloatBuffer.wrap(boxes), new long[]{1, t, 3}));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                return new Results(output(result, RegressorContract.POSE, layout.poseWidth()),
                        output(result, RegressorContract.BETAS, RegressorContract.BETA_COUNT), output(result, RegressorContract.CAM, 3));
            }
        } catch (OrtException e) {
            throw new MocapException(ExitCode.MODEL_MISSING, name + " failed on a window of " + t + " crops: " + OnnxSession.firstLine(e.getMessage()), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private float[] output(OrtSession.Result result, String key, int width) throws OrtException {
        OnnxValue value = result.get(key).orElseThrow();
        long[] shape = ((TensorInfo) value.getInfo()).getShape();
        if (shape.length != 3 || shape[0] != 1 || shape[1] != layout.results() || shape[2] != width) {
            throw new MocapException(ExitCode.MODEL_MISSING, name + " is not a regressor the tool can run: "
                    + RegressorContract.wrongRunShape(key, shape, layout).getMessage());
        }
        FloatBuffer buffer = ((OnnxTensor) value).getFloatBuffer();
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        for (float v : out) {
            if (!Float.isFinite(v)) {
                throw new MocapException(ExitCode.MODEL_MISSING, name + " gave a value that is not a finite number in '" + key + "'");
            }
        }
        return out;
    }

    /** Name → shape of each tensor; null for one that is not float32 (or not a tensor). */
    private static Map<String, long[]> shapes(Map<String, NodeInfo> infos) {
        Map<String, long[]> out = new LinkedHashMap<>();
        infos.forEach((key, info) -> out.put(key, info.getInfo() instanceof TensorInfo t && t.type == OnnxJavaType.FLOAT
                ? t.getShape() : null));
        return out;
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
