package dev.mocap.retarget;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.CharacterBody;
import dev.mocap.body.mesh.MeshMaterials;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.BlenderImport;
import dev.mocap.format.BlenderMeshCheck;
import dev.mocap.format.BlenderRunner;
import dev.mocap.format.BodyOption;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import dev.mocap.format.gltf.GltfValidator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An FBX or a GLB written for a glTF or FBX character carries the character's own skinned mesh
 * and its materials' colours: Blender imports it as one mesh whose vertices the armature moves
 * where our skinning of the same mesh does, and the Khronos validator passes the GLB.
 */
class CharacterMeshTest {
    private static final double TOLERANCE_M = 1e-3;
    private static final int[] FRAMES = {0, 15, 30};

    @TempDir
    Path dir;

    /** The FBX and the GLB of the same MakeHuman character (both made by Blender) give the same materials: DiffuseColor as base colour. */
    @Test
    void fbxMaterialsAreTheGlbsBaseColours() {
        MeshMaterials fromFbx = RigFiles.load(TestData.file("characters/makehuman/makehuman_mixamo.fbx"), Map.of()).body().materials();
        MeshMaterials fromGlb = RigFiles.load(TestData.file("characters/makehuman/makehuman_mixamo.glb"), Map.of()).body().materials();
        assertEquals(List.of("Skin", "Top", "Shorts"), fromFbx.materials().stream().map(MeshMaterials.Material::name).toList());
        assertEquals(fromGlb.materials().stream().map(MeshMaterials.Material::name).toList(),
                fromFbx.materials().stream().map(MeshMaterials.Material::name).toList());
        for (int m = 0; m < 3; m++) {
            assertArrayEquals(fromGlb.materials().get(m).rgba(), fromFbx.materials().get(m).rgba(), 1e-6, fromFbx.materials().get(m).name());
        }
        for (int m = 0; m < 3; m++) {
            int material = m;
            assertEquals(Arrays.stream(fromGlb.ofTriangle()).filter(t -> t == material).count(),
                    Arrays.stream(fromFbx.ofTriangle()).filter(t -> t == material).count(), "triangles of " + fromFbx.materials().get(m).name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"makehuman/makehuman_mixamo.glb", "quaternius/modular_men_Casual.glb", "makehuman/makehuman_mixamo.fbx"})
    void filesCarryTheCharactersMesh(String character) throws Exception {
        LoadedRig loaded = RigFiles.load(TestData.file("characters/" + character), Map.of());
        CharacterBody body = loaded.body();
        assertNotNull(body, "the character's skinned mesh is read");
        SkinnedMesh mesh = body.mesh();
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
        Path fbx = dir.resolve("walk.fbx"), glb = dir.resolve("walk.glb");
        Exporters exporters = Exporters.defaults().withBody(BodyOption.AUTO).withCharacterBody(body);
        exporters.write(walk, Format.FBX, fbx);
        exporters.write(walk, Format.GLB, glb);

        JsonNode report = GltfValidator.report(glb, dir);
        System.out.printf("%s as GLB with its mesh: validator %d errors, %d warnings %s%n", character,
                report.path("errors").asInt(), report.path("warnings").asInt(), report.path("messages"));
        assertEquals(0, report.path("errors").asInt(), "validator errors");
        assertEquals(0, report.path("warnings").asInt(), "validator warnings");
        assertEquals(Arrays.stream(body.materials().ofTriangle()).distinct().count(), report.path("info").path("drawCallCount").asInt(),
                "one draw call per material used");

        Assumptions.assumeTrue(BlenderRunner.available(), "Blender not installed");
        BlenderImport.Result fromFbx = BlenderImport.fbx(dir, Arrays.stream(FRAMES).map(f -> f + 1).toArray(),
                List.of(new BlenderImport.Request("c", fbx))).get("c");
        BlenderImport.Result fromGlb = BlenderImport.gltf(dir, 30, FRAMES, List.of(new BlenderImport.Request("c", glb))).get("c");
        assertEquals(1, fromFbx.meshes());
        assertEquals(1, fromGlb.meshes());
        assertEquals(mesh.vertexCount(), fromFbx.vertices(1).size());
        double worstFbx = 0, worstGlb = 0;
        for (int frame : FRAMES) {
            worstFbx = Math.max(worstFbx, BlenderMeshCheck.worstVertexError(mesh, walk, frame, fromFbx.vertices(frame + 1)));
            worstGlb = Math.max(worstGlb, BlenderMeshCheck.worstVertexError(mesh, walk, frame, fromGlb.vertices(frame)));
        }
        System.out.printf("%s with its mesh: %d vertices, %d triangles, %d materials; Blender within %.3f mm (FBX), %.3f mm (GLB) of our skinning%n",
                character, mesh.vertexCount(), mesh.triangleCount(), body.materials().materials().size(), 1000 * worstFbx, 1000 * worstGlb);
        assertTrue(worstFbx < TOLERANCE_M, "FBX vertices differ by up to " + worstFbx + " m");
        assertTrue(worstGlb < TOLERANCE_M, "GLB vertices differ by up to " + worstGlb + " m");
    }
}
