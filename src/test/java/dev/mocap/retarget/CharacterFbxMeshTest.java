package dev.mocap.retarget;

import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.BlenderImport;
import dev.mocap.format.BlenderMeshCheck;
import dev.mocap.format.BlenderRunner;
import dev.mocap.format.BodyOption;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An FBX written for a glTF or FBX character carries the character's own skinned mesh: Blender imports
 * it as one mesh whose vertices the armature moves where our skinning of the same mesh does.
 */
class CharacterFbxMeshTest {
    private static final double TOLERANCE_M = 1e-3;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"makehuman/makehuman_mixamo.glb", "quaternius/modular_men_Casual.glb", "makehuman/makehuman_mixamo.fbx"})
    void fbxCarriesTheCharactersMesh(String character) throws Exception {
        Assumptions.assumeTrue(BlenderRunner.available(), "Blender not installed");
        LoadedRig loaded = RigFiles.load(TestData.file("characters/" + character), Map.of());
        SkinnedMesh mesh = loaded.mesh();
        assertNotNull(mesh, "the character's skinned mesh is read");
        Vec3[] joints = loaded.rig().skeleton().restPositions();
        for (int axis = 0; axis < 3; axis++) {
            int a = axis;
            double low = Arrays.stream(mesh.positions()).mapToDouble(p -> p.get(a)).min().orElseThrow();
            double high = Arrays.stream(mesh.positions()).mapToDouble(p -> p.get(a)).max().orElseThrow();
            for (Vec3 joint : joints) {
                assertTrue(joint.get(a) > low - 0.05 && joint.get(a) < high + 0.05, "the body is around its bones, axis " + a);
            }
        }
        Motion walk = Retargeting.NONE.withRig(loaded.rig()).apply(TestMotions.walk(31, 30));
        Path fbx = dir.resolve("walk.fbx");
        Exporters.defaults().withBody(BodyOption.AUTO).withCharacterMesh(mesh).write(walk, Format.FBX, fbx);
        int[] frames = {0, 15, 30};
        BlenderImport.Result result = BlenderImport.fbx(dir, new int[]{1, 16, 31}, List.of(new BlenderImport.Request("c", fbx))).get("c");
        assertEquals(1, result.meshes());
        assertEquals(mesh.vertexCount(), result.vertices(1).size());
        double worst = 0;
        for (int frame : frames) {
            worst = Math.max(worst, BlenderMeshCheck.worstVertexError(mesh, walk, frame, result.vertices(frame + 1)));
        }
        System.out.printf("%s as FBX with its mesh: %d vertices, %d triangles, Blender within %.3f mm of our skinning%n",
                character, mesh.vertexCount(), mesh.triangleCount(), 1000 * worst);
        assertTrue(worst < TOLERANCE_M, "vertices differ by up to " + worst + " m");
    }
}
