package dev.mocap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Test variants of GLB characters: the file with its JSON chunk changed, its binary chunk as it was. */
public final class GlbJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Writes {@code out}: {@code glb} with {@code change} applied to its JSON. */
    public static void edit(Path glb, Consumer<ObjectNode> change, Path out) throws IOException {
        byte[] bytes = Files.readAllBytes(glb);
        int oldLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
        ObjectNode json = (ObjectNode) MAPPER.readTree(bytes, 20, oldLength);
        change.accept(json);
        byte[] newJson = MAPPER.writeValueAsBytes(json);
        int padded = (newJson.length + 3) / 4 * 4;
        ByteBuffer edited = ByteBuffer.allocate(bytes.length - oldLength + padded).order(ByteOrder.LITTLE_ENDIAN);
        edited.put(bytes, 0, 12).putInt(padded).putInt(0x4E4F534A).put(newJson);
        for (int i = newJson.length; i < padded; i++) {
            edited.put((byte) ' ');
        }
        edited.put(bytes, 20 + oldLength, bytes.length - 20 - oldLength);
        edited.putInt(8, edited.capacity());
        Files.write(out, edited.array());
    }

    private GlbJson() {
    }
}
