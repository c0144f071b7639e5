package dev.mocap.format.gltf;

import de.javagl.jgltf.impl.v2.Accessor;
import de.javagl.jgltf.impl.v2.Buffer;
import de.javagl.jgltf.impl.v2.BufferView;
import de.javagl.jgltf.impl.v2.GlTF;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The GLB's single binary buffer, built as accessors are added: each accessor gets its own
 * tightly packed buffer view, starting on a 4-byte boundary, little-endian.
 */
final class GlbBuffer {
    /** The buffer view target of vertex attributes. */
    static final int ARRAY_BUFFER = 34962;
    private static final int ELEMENT_ARRAY_BUFFER = 34963;
    private static final int FLOAT = 5126, UNSIGNED_BYTE = 5121, UNSIGNED_SHORT = 5123, UNSIGNED_INT = 5125;

    private final GlTF gltf;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    GlbBuffer(GlTF gltf) {
        this.gltf = gltf;
    }

    /** Appends to the binary chunk of an existing GLB, whose buffer 0 it is. */
    GlbBuffer(GlTF gltf, ByteBuffer existing) {
        this(gltf);
        ByteBuffer data = existing.duplicate();
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        bytes.writeBytes(copy);
    }

    /** Floats as SCALAR, VEC3, VEC4 or MAT4 elements; min and max when asked (times, positions). */
    int floats(float[] values, String type, Integer target, boolean withBounds) {
        ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(values);
        int index = accessor(data.array(), FLOAT, values.length / components(type), type, target);
        if (withBounds) {
            int n = components(type);
            Number[] min = new Number[n], max = new Number[n];
            for (int c = 0; c < n; c++) {
                float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
                for (int i = c; i < values.length; i += n) {
                    lo = Math.min(lo, values[i]);
                    hi = Math.max(hi, values[i]);
                }
                min[c] = lo;
                max[c] = hi;
            }
            gltf.getAccessors().get(index).setMin(min);
            gltf.getAccessors().get(index).setMax(max);
        }
        return index;
    }

    /** Joint indices as a VEC4 vertex attribute: unsigned bytes, or unsigned shorts for a skin of more than 256 joints. */
    int jointIndices(int[] values) {
        boolean small = Arrays.stream(values).allMatch(j -> j <= 0xFF);
        ByteBuffer data = ByteBuffer.allocate((small ? 1 : 2) * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int j : values) {
            if (small) {
                data.put((byte) j);
            } else {
                data.putShort((short) j);
            }
        }
        return accessor(data.array(), small ? UNSIGNED_BYTE : UNSIGNED_SHORT, values.length / 4, "VEC4", ARRAY_BUFFER);
    }

    /** Triangle vertex indices, as unsigned shorts when they fit. */
    int indices(int[] values, int vertexCount) {
        boolean small = vertexCount <= 0xFFFF;
        ByteBuffer data = ByteBuffer.allocate((small ? 2 : 4) * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            if (small) {
                data.putShort((short) v);
            } else {
                data.putInt(v);
            }
        }
        return accessor(data.array(), small ? UNSIGNED_SHORT : UNSIGNED_INT, values.length, "SCALAR", ELEMENT_ARRAY_BUFFER);
    }

    /** Declares buffer 0 (the GLB's binary chunk), or updates its length, and returns its content. */
    ByteBuffer finish() {
        if (gltf.getBuffers() == null || gltf.getBuffers().isEmpty()) {
            gltf.addBuffers(new Buffer());
        }
        gltf.getBuffers().get(0).setByteLength(bytes.size());
        return ByteBuffer.wrap(bytes.toByteArray());
    }

    /** Adds the data as a new buffer view and an accessor reading it; returns the accessor's index. */
    private int accessor(byte[] data, int componentType, int count, String type, Integer target) {
        while (bytes.size() % 4 != 0) {
            bytes.write(0);
        }
        BufferView view = new BufferView();
        view.setBuffer(0);
        view.setByteOffset(bytes.size());
        view.setByteLength(data.length);
        view.setTarget(target);
        gltf.addBufferViews(view);
        bytes.writeBytes(data);

        Accessor accessor = new Accessor();
        accessor.setBufferView(gltf.getBufferViews().size() - 1);
        accessor.setComponentType(componentType);
        accessor.setCount(count);
        accessor.setType(type);
        gltf.addAccessors(accessor);
        return gltf.getAccessors().size() - 1;
    }

    private static int components(String type) {
        return switch (type) {
            case "SCALAR" -> 1;
            case "VEC3" -> 3;
            case "VEC4" -> 4;
            case "MAT4" -> 16;
            default -> throw new IllegalArgumentException("accessor type " + type);
        };
    }
}
