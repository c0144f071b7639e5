package dev.mocap.smpl;

import dev.mocap.body.Motion;
import dev.mocap.body.TestMotions;
import dev.mocap.format.BlenderImport;
import dev.mocap.format.BlenderMeshCheck;
import dev.mocap.format.BlenderRunner;
import dev.mocap.format.BodyOption;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Blender imports the FBX and GLB with a user's SMPL body (synthetic here) and skins it as we do. */
class SmplBodyBlenderTest {
    /** Our frames; Blender shows them at the same number in a GLB (time 0 is frame 0), one later in an FBX. */
    private static final int[] FRAMES = {0, 15, 30};

    @TempDir
    Path dir;

    @Test
    void blenderSkinsTheBodyAsWeDo() throws IOException, InterruptedException {
        assumeTrue(BlenderRunner.available(), "Blender not installed (apt-get install blender python3-numpy, or set BLENDER)");
        Path file = dir.resolve("model.npz");
        new SyntheticSmplModel().write(file);
        SmplModel model = SmplModel.read(file);
        Motion walk = TestMotions.walk(31, 30);
        Exporters exporters = Exporters.defaults().withBody(BodyOption.AUTO).withSmplModel(model);
        exporters.write(walk, Format.FBX, dir.resolve("walk.fbx"));
        exporters.write(walk, Format.GLB, dir.resolve("walk.glb"));
        SmplBody body = model.bodyFor(walk.skeleton());
        Motion onBody = body.carry(walk);
        BlenderImport.Result fbx = BlenderImport.fbx(dir, Arrays.stream(FRAMES).map(f -> f + 1).toArray(),
                List.of(new BlenderImport.Request("fbx", dir.resolve("walk.fbx")))).get("fbx");
        BlenderImport.Result glb = BlenderImport.gltf(dir, 30, FRAMES, List.of(new BlenderImport.Request("glb", dir.resolve("walk.glb"))))
                .get("glb");
        assertEquals(1, fbx.meshes());
        assertEquals(1, glb.meshes());
        double worst = 0;
        for (int frame : FRAMES) {
            worst = Math.max(worst, BlenderMeshCheck.worstVertexError(body.mesh(), onBody, frame, fbx.vertices(frame + 1)));
            worst = Math.max(worst, BlenderMeshCheck.worstVertexError(body.mesh(), onBody, frame, glb.vertices(frame)));
        }
        System.out.printf("SMPL body in Blender (FBX %d, GLB %d vertices imported of %d): at most %.4f mm from our skinning%n",
                fbx.vertices(1).size(), glb.vertices(0).size(), SyntheticSmplModel.VERTICES, 1000 * worst);
        assertTrue(worst < 0.01e-3, worst + " m");
    }
}
