package dev.mocap.nn;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The converted models run several inputs in one call of {@link OnnxSession} (their batch is
 * symbolic, fixed when a session opens): each input gets what a call of its own gives.
 */
class OnnxSessionBatchTest {
    private static final int BATCH = 3;

    @ParameterizedTest
    @EnumSource(PoseModel.class)
    void aBatchGivesEachInputItsOwnOutputs(PoseModel model) {
        ModelStore store = ModelStore.locate();
        try (OnnxSession single = new OnnxSession(store.onnx(model), Device.CPU, 1, model.outputs());
             OnnxSession batched = new OnnxSession(store.onnx(model), Device.CPU, 1, model.outputs(), BATCH)) {
            int size = single.input().capacity();
            Random random = new Random(model.ordinal());
            List<float[]> inputs = new ArrayList<>();
            for (int item = 0; item < BATCH; item++) {
                float[] input = new float[size];
                for (int i = 0; i < size; i++) {
                    input[i] = random.nextFloat();
                }
                inputs.add(input);
            }
            FloatBuffer input = batched.input();
            assertEquals(BATCH * size, input.capacity());
            inputs.forEach(input::put);
            batched.infer();
            for (int item = 0; item < BATCH; item++) {
                single.input().put(inputs.get(item));
                single.infer();
                for (String name : model.outputs()) {
                    float[] expected = values(single.output(name)), actual = values(batched.output(name, item));
                    assertEquals(expected.length, actual.length, name);
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals(expected[i], actual[i], 1e-4 * Math.max(1, Math.abs(expected[i])), name + " of input " + item + " at " + i);
                    }
                }
            }
            assertThrows(IllegalArgumentException.class, () -> batched.output(model.outputs().get(0), BATCH));
            assertThrows(IllegalStateException.class, batched::run);
        }
    }

    private static float[] values(FloatBuffer buffer) {
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
