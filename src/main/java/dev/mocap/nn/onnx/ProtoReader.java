package dev.mocap.nn.onnx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Protocol-buffers wire format decoder for the messages {@link ProtoWriter} writes: varint and
 * length-delimited fields only (the fixed-width ones sit inside the messages it leaves whole).
 */
public final class ProtoReader {
    private static final int VARINT = 0, LENGTH_DELIMITED = 2;

    /** One field: a varint's value, or a length-delimited field's bytes (a string, bytes or a message). */
    public record Field(int number, long value, byte[] bytes) {
        public boolean delimited() {
            return bytes != null;
        }

        public String string() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private ProtoReader() {
    }

    /** The message's fields in their order; throws {@link IllegalArgumentException} on another wire type or a truncated message. */
    public static List<Field> fields(byte[] message) {
        List<Field> fields = new ArrayList<>();
        int[] at = {0};
        while (at[0] < message.length) {
            long tag = varint(message, at);
            int number = (int) (tag >>> 3), type = (int) (tag & 7);
            if (type == VARINT) {
                fields.add(new Field(number, varint(message, at), null));
            } else if (type == LENGTH_DELIMITED) {
                long length = varint(message, at);
                if (length < 0 || length > message.length - at[0]) {
                    throw new IllegalArgumentException("field " + number + " runs past the end of the message");
                }
                fields.add(new Field(number, 0, Arrays.copyOfRange(message, at[0], at[0] + (int) length)));
                at[0] += (int) length;
            } else {
                throw new IllegalArgumentException("field " + number + " has wire type " + type + ", which this reader does not take");
            }
        }
        return fields;
    }

    private static long varint(byte[] message, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= message.length) {
                throw new IllegalArgumentException("a varint runs past the end of the message");
            }
            byte b = message[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a varint is longer than ten bytes");
    }
}
