package dev.mocap.nn.onnx;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtoReaderTest {

    @Test
    void readsWhatTheWriterWrites() {
        byte[] inner = new ProtoWriter().string(1, "name").toByteArray();
        byte[] message = new ProtoWriter().varint(1, 150).varint(16, -1).string(2, "héllo").message(20, new ProtoWriter().string(1, "name"))
                .bytes(3, new byte[0]).toByteArray();
        List<ProtoReader.Field> fields = ProtoReader.fields(message);
        assertEquals(5, fields.size());
        assertEquals(150, fields.get(0).value());
        assertFalse(fields.get(0).delimited());
        assertEquals(16, fields.get(1).number());
        assertEquals(-1, fields.get(1).value());
        assertEquals("héllo", fields.get(2).string());
        assertEquals(20, fields.get(3).number());
        assertArrayEquals(inner, fields.get(3).bytes());
        assertTrue(fields.get(4).delimited());
        assertEquals(0, fields.get(4).bytes().length);
    }

    @Test
    void refusesATruncatedMessageAndFixedWidthFields() {
        byte[] message = new ProtoWriter().string(1, "abcdef").toByteArray();
        byte[] truncated = java.util.Arrays.copyOf(message, message.length - 2);
        assertThrows(IllegalArgumentException.class, () -> ProtoReader.fields(truncated));
        assertThrows(IllegalArgumentException.class, () -> ProtoReader.fields(new byte[]{0x08, (byte) 0x96}));
        // Field 1, wire type 5 (32-bit), as a float attribute would be.
        assertThrows(IllegalArgumentException.class, () -> ProtoReader.fields(new byte[]{0x0D, 0, 0, (byte) 0x80, 0x3F}));
    }
}
