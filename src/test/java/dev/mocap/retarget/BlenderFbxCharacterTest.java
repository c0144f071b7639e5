package dev.mocap.retarget;

import dev.mocap.TestData;
import dev.mocap.body.Vec3;
import dev.mocap.format.BlenderRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The glTF test characters exported by Blender as binary FBX, as users get them: Y up in
 * centimetres (Blender's defaults), and Z up with the armature scaled by 0.01 (a Max/Mixamo-like
 * file). Each FBX must give the bones, rest positions and bone map of the GLB it came from.
 * (Not the GDQuest mannequin: its stored node pose is a running pose, not its bind pose, and
 * Blender's glTF importer makes that pose the armature's rest, so its FBX is another character.)
 */
class BlenderFbxCharacterTest {
    /** Blender's importer moves joints by float rounding only; 0.1 mm. */
    private static final double TOLERANCE_M = 1e-4;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"makehuman/makehuman_game_engine.glb", "quaternius/modular_men_Casual.glb",
            "assimp/BCN_Epileptic.glb"})
    void blenderFbxExportsReadAsTheirGltf(String character) throws Exception {
        Assumptions.assumeTrue(BlenderRunner.available(), "Blender not installed");
        Path glb = TestData.file("characters/" + character);
        BlenderRunner.run("""
                import bpy
                bpy.ops.wm.read_factory_settings(use_empty=True)
                bpy.ops.import_scene.gltf(filepath=%s)
                bpy.ops.export_scene.fbx(filepath='yup.fbx', add_leaf_bones=False, bake_anim=False)
                for o in bpy.data.objects:
                    if o.type == 'ARMATURE':
                        o.scale = [s * 0.01 for s in o.scale]
                bpy.ops.export_scene.fbx(filepath='zup.fbx', add_leaf_bones=False, bake_anim=False, axis_up='Z', axis_forward='-Y',
                                         apply_unit_scale=False)
                """.formatted(pythonString(glb.toAbsolutePath().toString())), dir);
        Rig gltf = RigFiles.load(glb, Map.of()).rig();
        Vec3[] expected = gltf.restWorldPositions();
        for (String variant : new String[]{"yup.fbx", "zup.fbx"}) {
            long start = System.nanoTime();
            Rig fbx = RigFiles.load(dir.resolve(variant), Map.of()).rig();
            double scale = variant.equals("zup.fbx") ? 0.01 : 1;
            Vec3[] read = fbx.restWorldPositions();
            double worst = 0;
            int compared = 0;
            for (int b = 0; b < gltf.size(); b++) {
                int other = fbx.names().indexOf(gltf.names().get(b));
                if (other >= 0) {
                    worst = Math.max(worst, read[other].distance(expected[b].times(scale)) / scale);
                    compared++;
                }
            }
            System.out.printf("%s as %s: %d bones, %d compared, rest positions within %.3f mm of the GLB, %s; read in %.0f ms%n",
                    character, variant, fbx.size(), compared, 1000 * worst, fbx.map().missingKeyJoints().isEmpty() ? "every key joint mapped"
                            : "missing " + fbx.map().missingKeyJoints(), (System.nanoTime() - start) / 1e6);
            assertTrue(compared >= gltf.size() - 2, variant + ": the bones keep their names");
            assertTrue(worst < TOLERANCE_M, variant + ": a joint is " + worst + " m from the GLB's");
            for (int joint = 0; joint < dev.mocap.body.Smpl24.COUNT; joint++) {
                int expectedBone = gltf.map().boneFor(joint), readBone = fbx.map().boneFor(joint);
                if (expectedBone >= 0) {
                    assertEquals(gltf.names().get(expectedBone), readBone < 0 ? null : fbx.names().get(readBone), variant + " " + dev.mocap.body.Smpl24.NAMES.get(joint));
                }
            }
        }
    }

    private static String pythonString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
