package dev.mocap.format.gltf;

import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import dev.mocap.format.BodyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our GLB read back (what the preview shows): same joints, rate and positions; a character from elsewhere is refused. */
class GltfMotionReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsBackWhatWeWrote() throws IOException {
        Motion walk = TestMotions.walk(61, 30);
        Path glb = dir.resolve("walk.glb");
        GltfExporter.write(walk, GltfOptions.DEFAULT.withBody(BodyOption.MANNEQUIN), glb);
        Motion back = GltfMotionReader.read(glb);
        assertEquals(walk.skeleton().names(), back.skeleton().names());
        assertEquals(walk.frameCount(), back.frameCount());
        assertEquals(30, back.fps(), 1e-9);
        double worst = 0;
        for (int f = 0; f < walk.frameCount(); f++) {
            Vec3[] a = walk.jointPositions(f), b = back.jointPositions(f);
            for (int j = 0; j < a.length; j++) {
                worst = Math.max(worst, a[j].distance(b[j]));
            }
        }
        assertTrue(worst < 1e-5, "joints differ by " + worst + " m");
    }

    @Test
    void aCharacterWithRestRotationsIsRefused() {
        Path character = TestData.file("characters/mannequiny/mannequiny-0.3.0.glb");
        IOException e = assertThrows(IOException.class, () -> GltfMotionReader.read(character));
        assertTrue(e.getMessage().contains("not a GLB written by mocap"), e.getMessage());
    }
}
