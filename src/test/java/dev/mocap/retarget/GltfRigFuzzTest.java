package dev.mocap.retarget;

import dev.mocap.Fuzz;
import dev.mocap.body.TestMotions;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A damaged character file is refused with an IOException naming the problem, never a crash. */
class GltfRigFuzzTest {
    @TempDir
    Path dir;

    @Test
    void damagedCharactersGiveAClearError() throws IOException {
        Path glb = dir.resolve("character.glb");
        Exporters.defaults().write(TestMotions.walk(2, 30), Format.GLB, glb);
        byte[] valid = Files.readAllBytes(glb);
        GltfRigReader.read(glb, new ArrayList<>());
        Path damaged = dir.resolve("damaged.glb");
        Fuzz.Outcome outcome = new Fuzz(valid, 5).focusedOn(jsonChunk(valid)).run(3000, 60, bytes -> {
            Files.write(damaged, bytes);
            GltfRigReader.read(damaged, new ArrayList<>());
        }, GltfRigFuzzTest::clearError);
        System.out.printf("glTF rig fuzz: %d damaged characters, %d refused with a clear error, %d still read%n",
                outcome.cases(), outcome.rejected(), outcome.accepted());
        assertTrue(outcome.rejected() > outcome.cases() / 10);
    }

    private static boolean clearError(Throwable e) {
        return e instanceof IOException && e.getMessage() != null && !e.getMessage().isBlank() && !e.getMessage().contains("\n");
    }

    /** The bytes of the GLB's JSON chunk: the scene's structure, where damage matters most. */
    private static BitSet jsonChunk(byte[] glb) {
        int length = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
        BitSet json = new BitSet();
        json.set(20, 20 + length);
        return json;
    }
}
