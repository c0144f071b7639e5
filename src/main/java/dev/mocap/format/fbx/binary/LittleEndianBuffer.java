package dev.mocap.format.fbx.binary;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A growable little-endian byte buffer whose earlier fields can be patched. */
final class LittleEndianBuffer {
    private ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

    int size() {
        return buffer.position();
    }

    void putByte(int value) {
        room(1).put((byte) value);
    }

    void putShort(short value) {
        room(2).putShort(value);
    }

    void putInt(int value) {
        room(4).putInt(value);
    }

    void putLong(long value) {
        room(8).putLong(value);
    }

    void putFloat(float value) {
        room(4).putFloat(value);
    }

    void putDouble(double value) {
        room(8).putDouble(value);
    }

    void putBytes(byte[] bytes) {
        room(bytes.length).put(bytes);
    }

    void putZeros(int count) {
        putBytes(new byte[count]);
    }

    void putIntAt(int position, int value) {
        buffer.putInt(position, value);
    }

    void putLongAt(int position, long value) {
        buffer.putLong(position, value);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buffer.array(), 0, buffer.position());
    }

    private ByteBuffer room(int bytes) {
        if (buffer.remaining() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(2 * buffer.capacity(), buffer.position() + bytes))
                    .order(ByteOrder.LITTLE_ENDIAN);
            bigger.put(buffer.flip());
            buffer = bigger;
        }
        return buffer;
    }
}
