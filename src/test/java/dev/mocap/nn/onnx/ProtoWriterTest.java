package dev.mocap.nn.onnx;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class ProtoWriterTest {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void varints() {
        assertArrayEquals(bytes(0x08, 0x00), new ProtoWriter().varint(1, 0).toByteArray());
        assertArrayEquals(bytes(0x08, 0x96, 0x01), new ProtoWriter().varint(1, 150).toByteArray());
        assertArrayEquals(bytes(0x10, 0xAC, 0x02), new ProtoWriter().varint(2, 300).toByteArray());
        assertArrayEquals(bytes(0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F), new ProtoWriter().varint(1, 0xFFFFFFFFL).toByteArray());
    }

    /** int64 −1 is ten bytes: 64 one-bits in groups of seven. */
    @Test
    void negativeVarintTakesTenBytes() {
        assertArrayEquals(bytes(0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01),
                new ProtoWriter().varint(1, -1).toByteArray());
    }

    /** Field 16 needs a two-byte tag: (16 << 3 | 0) = 128. */
    @Test
    void largeFieldNumbers() {
        assertArrayEquals(bytes(0x80, 0x01, 0x05), new ProtoWriter().varint(16, 5).toByteArray());
        assertArrayEquals(bytes(0xA0, 0x01, 0x07), new ProtoWriter().varint(20, 7).toByteArray());
    }

    @Test
    void stringsAndBytes() {
        assertArrayEquals(bytes(0x12, 0x07, 't', 'e', 's', 't', 'i', 'n', 'g'),
                new ProtoWriter().string(2, "testing").toByteArray());
        assertArrayEquals(bytes(0x4A, 0x00), new ProtoWriter().bytes(9, new byte[0]).toByteArray());
    }

    @Test
    void nestedMessageIsLengthDelimited() {
        ProtoWriter inner = new ProtoWriter().varint(1, 150);
        assertArrayEquals(bytes(0x1A, 0x03, 0x08, 0x96, 0x01, 0x20, 0x01),
                new ProtoWriter().message(3, inner).varint(4, 1).toByteArray());
    }

    /** A node attribute as ONNX encodes it: name (1), type INTS (20 = 7), one tag per value (8). */
    @Test
    void onnxIntsAttribute() {
        assertArrayEquals(bytes(0x0A, 0x01, 'p', 0xA0, 0x01, 0x07, 0x40, 0x00, 0x40, 0x03),
                OnnxAttribute.ints("p", 0, 3).proto.toByteArray());
    }
}
