package dev.mocap.nn.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One table of a flatbuffer: fields are addressed by their index in the schema; an absent field
 * reads as its default, an absent vector as empty and an absent table as null.
 */
final class FlatTable {
    private final ByteBuffer buf;
    private final int position;
    private final int vtable;
    private final int vtableSize;

    private FlatTable(ByteBuffer buf, int position) {
        this.buf = buf;
        this.position = position;
        this.vtable = position - buf.getInt(position);
        this.vtableSize = Short.toUnsignedInt(buf.getShort(vtable));
    }

    /** A table with no fields, so that an absent options table reads as all defaults. */
    static FlatTable empty() {
        ByteBuffer buf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort(0, (short) 4).putShort(2, (short) 4).putInt(4, 4);
        return new FlatTable(buf, 4);
    }

    static FlatTable root(ByteBuffer data) {
        ByteBuffer buf = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return new FlatTable(buf, buf.getInt(0));
    }

    /** Absolute position of a field's value, or 0 when the field is absent. */
    private int field(int index) {
        int entry = 4 + 2 * index;
        if (entry >= vtableSize) {
            return 0;
        }
        int offset = Short.toUnsignedInt(buf.getShort(vtable + entry));
        return offset == 0 ? 0 : position + offset;
    }

    private int indirect(int at) {
        return at + buf.getInt(at);
    }

    int getInt(int index, int defaultValue) {
        int at = field(index);
        return at == 0 ? defaultValue : buf.getInt(at);
    }

    int getUByte(int index, int defaultValue) {
        int at = field(index);
        return at == 0 ? defaultValue : Byte.toUnsignedInt(buf.get(at));
    }

    int getByte(int index, int defaultValue) {
        int at = field(index);
        return at == 0 ? defaultValue : buf.get(at);
    }

    boolean getBool(int index) {
        return getUByte(index, 0) != 0;
    }

    String getString(int index) {
        int at = field(index);
        if (at == 0) {
            return "";
        }
        int start = indirect(at);
        byte[] bytes = new byte[buf.getInt(start)];
        buf.get(start + 4, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    FlatTable getTable(int index) {
        int at = field(index);
        return at == 0 ? null : new FlatTable(buf, indirect(at));
    }

    /** Position of a vector's first element and its length, or null when absent. */
    private int[] vector(int index) {
        int at = field(index);
        if (at == 0) {
            return null;
        }
        int start = indirect(at);
        return new int[] {start + 4, buf.getInt(start)};
    }

    int[] getIntVector(int index) {
        int[] v = vector(index);
        int[] out = new int[v == null ? 0 : v[1]];
        for (int i = 0; i < out.length; i++) {
            out[i] = buf.getInt(v[0] + 4 * i);
        }
        return out;
    }

    int[] getUShortVector(int index) {
        int[] v = vector(index);
        int[] out = new int[v == null ? 0 : v[1]];
        for (int i = 0; i < out.length; i++) {
            out[i] = Short.toUnsignedInt(buf.getShort(v[0] + 2 * i));
        }
        return out;
    }

    int[] getUByteVector(int index) {
        int[] v = vector(index);
        int[] out = new int[v == null ? 0 : v[1]];
        for (int i = 0; i < out.length; i++) {
            out[i] = Byte.toUnsignedInt(buf.get(v[0] + i));
        }
        return out;
    }

    /** A byte vector as a little-endian read-only view without copying. */
    ByteBuffer getBytes(int index) {
        int[] v = vector(index);
        if (v == null) {
            return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        }
        return buf.slice(v[0], v[1]).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    List<FlatTable> getTables(int index) {
        int[] v = vector(index);
        List<FlatTable> out = new ArrayList<>(v == null ? 0 : v[1]);
        for (int i = 0; v != null && i < v[1]; i++) {
            out.add(new FlatTable(buf, indirect(v[0] + 4 * i)));
        }
        return out;
    }
}
