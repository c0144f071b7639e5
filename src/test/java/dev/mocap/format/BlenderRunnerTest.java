package dev.mocap.format;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BlenderRunnerTest {

    @BeforeEach
    void needsBlender() {
        assumeTrue(BlenderRunner.available(), "Blender not installed");
    }

    @Test
    void returnsWhatTheScriptPrints(@TempDir Path dir) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("input.txt"), "hello");
        String out = BlenderRunner.run("print('GOT', open('input.txt').read())\n", dir);
        assertTrue(out.contains("GOT hello"), out);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the input is left behind");
        }
    }

    @Test
    void aRaisingScriptFailsWithItsMessage(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> BlenderRunner.run("raise ValueError('no such bone: spine9')\n", dir));
        assertTrue(e.getMessage().contains("no such bone: spine9"), e.getMessage());
    }
}
