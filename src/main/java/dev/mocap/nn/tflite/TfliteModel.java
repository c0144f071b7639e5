package dev.mocap.nn.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** A parsed .tflite flatbuffer. Buffers are read-only little-endian views of the file's bytes. */
public record TfliteModel(int version, String description, List<TfliteSubgraph> subgraphs, List<ByteBuffer> buffers) {

    public static TfliteModel read(byte[] bytes) {
        return TfliteReader.read(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    }

    /** True when the tensor's values are stored in the file. */
    public boolean isConstant(TfliteTensor tensor) {
        return buffers.get(tensor.buffer()).capacity() > 0;
    }

    /** The stored values of a FLOAT32 or FLOAT16 tensor as floats, densified when sparse. */
    public float[] floats(TfliteTensor tensor) {
        ByteBuffer data = constantData(tensor);
        float[] values;
        if (tensor.type() == TensorType.FLOAT32) {
            values = new float[data.capacity() / 4];
            data.asFloatBuffer().get(values);
        } else if (tensor.type() == TensorType.FLOAT16) {
            values = new float[data.capacity() / 2];
            for (int i = 0; i < values.length; i++) {
                values[i] = Float16.toFloat(data.getShort(2 * i));
            }
        } else {
            throw new IllegalArgumentException("tensor " + tensor.name() + " is " + tensor.type() + ", not a float type");
        }
        return tensor.sparsity() == null ? values : tensor.sparsity().densify(values, tensor.shape());
    }

    /** The stored values of an INT32 tensor. */
    public int[] ints(TfliteTensor tensor) {
        if (tensor.type() != TensorType.INT32) {
            throw new IllegalArgumentException("tensor " + tensor.name() + " is " + tensor.type() + ", not INT32");
        }
        ByteBuffer data = constantData(tensor);
        int[] values = new int[data.capacity() / 4];
        data.asIntBuffer().get(values);
        return values;
    }

    private ByteBuffer constantData(TfliteTensor tensor) {
        if (!isConstant(tensor)) {
            throw new IllegalArgumentException("tensor " + tensor.name() + " has no stored values");
        }
        return buffers.get(tensor.buffer()).duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }
}
