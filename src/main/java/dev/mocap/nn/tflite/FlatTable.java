package dev.mocap.nn.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One table of a flatbuffer: fields are addressed by their index in the schema; an absent field
 * reads as its default, an absent vector as empty and an absent table as null. Every offset read
 * from the file is checked against the file's size, so a damaged file gives a
 * {@link TfliteFormatException} instead of an index error or a huge allocation.
 */
final class FlatTable {
    private final ByteBuffer buf;
    private final int position;
    private final int vtable;
    private final int vtableSize;

    private FlatTable(ByteBuffer buf, int position) {
        this.buf = buf;
        this.position = inside(position, 4, "a table");
        this.vtable = inside((long) position - buf.getInt(position), 4, "a table's field list");
        this.vtableSize = Short.toUnsignedInt(buf.getShort(vtable));
        inside(vtable, vtableSize, "a table's field list");
    }

    /** A table with no fields, so that an absent options table reads as all defaults. */
    static FlatTable empty() {
        ByteBuffer buf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort(0, (short) 4).putShort(2, (short) 4).putInt(4, 4);
        return new FlatTable(buf, 4);
    }

    static FlatTable root(ByteBuffer data) {
        ByteBuffer buf = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return new FlatTable(buf, buf.getInt(inside(0, 4, "the root offset", buf)));
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
        return inside(at + Integer.toUnsignedLong(buf.getInt(inside(at, 4, "an offset"))), 4, "an offset's target");
    }

    int getInt(int index, int defaultValue) {
        int at = field(index);
        return at == 0 ? defaultValue : buf.getInt(inside(at, 4, "a field"));
    }

    int getUByte(int index, int defaultValue) {
        int at = field(index);
        return at == 0 ? defaultValue : Byte.toUnsignedInt(buf.get(inside(at, 1, "a field")));
    }

    int getByte(int index, int defaultValue) {
        int at = field(index);
        return at == 0 ? defaultValue : buf.get(inside(at, 1, "a field"));
    }

    boolean getBool(int index) {
        return getUByte(index, 0) != 0;
    }

    String getString(int index) {
        int at = field(index);
        if (at == 0) {
            return "";
        }
        int[] v = elements(indirect(at), 1, "a string");
        byte[] bytes = new byte[v[1]];
        buf.get(v[0], bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    FlatTable getTable(int index) {
        int at = field(index);
        return at == 0 ? null : new FlatTable(buf, indirect(at));
    }

    /** Position of a vector's first element and its length, or null when absent. */
    int[] vector(int index, int elementBytes) {
        int at = field(index);
        return at == 0 ? null : elements(indirect(at), elementBytes, "a vector");
    }

    /** The first element and the length of the vector or string whose length prefix is at {@code start}. */
    private int[] elements(int start, int elementBytes, String what) {
        int length = buf.getInt(start);
        if (length < 0) {
            throw new TfliteFormatException("damaged TFLite file: " + what + " at byte " + start + " has a negative length");
        }
        inside(start + 4, (long) length * elementBytes, what);
        return new int[] {start + 4, length};
    }

    /** {@code at}, after checking that {@code bytes} bytes from there lie in the file. */
    private int inside(long at, long bytes, String what) {
        return inside(at, bytes, what, buf);
    }

    private static int inside(long at, long bytes, String what, ByteBuffer buf) {
        if (at < 0 || bytes < 0 || at + bytes > buf.limit()) {
            throw new TfliteFormatException("damaged or truncated TFLite file: " + what + " at byte " + at + " lies outside its "
                    + buf.limit() + " bytes");
        }
        return (int) at;
    }

    int[] getIntVector(int index) {
        int[] v = vector(index, 4);
        int[] out = new int[v == null ? 0 : v[1]];
        for (int i = 0; i < out.length; i++) {
            out[i] = buf.getInt(v[0] + 4 * i);
        }
        return out;
    }

    int[] getUShortVector(int index) {
        int[] v = vector(index, 2);
        int[] out = new int[v == null ? 0 : v[1]];
        for (int i = 0; i < out.length; i++) {
            out[i] = Short.toUnsignedInt(buf.getShort(v[0] + 2 * i));
        }
        return out;
    }

    int[] getUByteVector(int index) {
        int[] v = vector(index, 1);
        int[] out = new int[v == null ? 0 : v[1]];
        for (int i = 0; i < out.length; i++) {
            out[i] = Byte.toUnsignedInt(buf.get(v[0] + i));
        }
        return out;
    }

    /** A byte vector as a little-endian read-only view without copying. */
    ByteBuffer getBytes(int index) {
        int[] v = vector(index, 1);
        if (v == null) {
            return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        }
        return buf.slice(v[0], v[1]).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    List<FlatTable> getTables(int index) {
        int[] v = vector(index, 4);
        List<FlatTable> out = new ArrayList<>(v == null ? 0 : v[1]);
        for (int i = 0; v != null && i < v[1]; i++) {
            out.add(new FlatTable(buf, indirect(v[0] + 4 * i)));
        }
        return out;
    }
}
