package dev.mocap.integrations;

import dev.mocap.TestData;
import dev.mocap.format.BlenderRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Blender add-on ({@code integrations/blender}) installed from its zip into a headless Blender
 * and run as a script would run it: a video becomes an animated armature, a video animates the
 * user's character, and failures come back as Blender error reports carrying the tool's message.
 */
class BlenderAddonTest {
    /** pose_1.mp4: 120 frames at 30 fps, one person walking towards the camera. */
    private static final String VIDEO = "video/tfjs/pose_1.mp4";
    private static final int FRAMES = 120;
    private static final Path PICTURE = Path.of("target", "test-output", "blender-addon-import.png");
    private static final Path RETARGET_PICTURE = Path.of("target", "test-output", "blender-addon-retarget.png");
    /** A Workbench picture of the scene at the current frame, seen from the front-left of a point (Blender's Z-up metres). */
    private static final String RENDER = """
            import mathutils
            def render(target, path):
                scene.render.engine = 'BLENDER_WORKBENCH'
                scene.display.shading.color_type = 'MATERIAL'
                scene.render.resolution_x, scene.render.resolution_y = 640, 800
                scene.world = bpy.data.worlds.new('background')
                scene.world.color = (0.85, 0.85, 0.85)
                camera = bpy.data.objects.new('camera', bpy.data.cameras.new('camera'))
                scene.collection.objects.link(camera)
                scene.camera = camera
                camera.location = target + mathutils.Vector((1.4, -3.4, 0.3))
                camera.rotation_euler = (target - camera.location).to_track_quat('-Z', 'Y').to_euler()
                scene.render.filepath = path
                bpy.ops.render.render(write_still=True)
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void needsBlender() {
        assumeTrue(BlenderRunner.available(), "Blender not installed (apt-get install blender python3-numpy)");
    }

    @Test
    void importsAVideoAsAnArmatureWithTheVideosFramesAndReportsFailures() throws Exception {
        Path video = TestData.file(VIDEO);
        Path notAVideo = Files.writeString(dir.resolve("notes.mp4"), "a text file, not a video\n");
        freshPicture(PICTURE);
        Map<String, String> r = new BlenderAddon(dir).run(RENDER + """
                VIDEO, NOT_A_VIDEO, PICTURE, MISSING = r'%s', r'%s', r'%s', r'%s'
                for fmt in ['bvh', 'glb', 'fbx']:  # the FBX stays in the scene for the picture
                    for o in list(bpy.data.objects):
                        bpy.data.objects.remove(o)
                    for a in list(bpy.data.actions):
                        bpy.data.actions.remove(a)  # so that the new action gets the plain name
                    outcome = bpy.ops.import_anim.mocap_video(filepath=VIDEO, output_format=fmt, blocking=True)
                    armatures = [o for o in scene.objects if o.type == 'ARMATURE']
                    arm = armatures[0]
                    action = arm.animation_data.action
                    print('RESULT', fmt + '_outcome', *outcome)
                    print('RESULT', fmt + '_armatures', len(armatures), arm.name, action.name)
                    print('RESULT', fmt + '_frames', action.frame_range[1] - action.frame_range[0] + 1, scene.frame_end - scene.frame_start + 1)
                    print('RESULT', fmt + '_fps', scene.render.fps, scene.render.fps_base)
                    pelvis = []
                    for f in range(scene.frame_start, scene.frame_end + 1):
                        scene.frame_set(f)
                        pelvis.append(arm.matrix_world @ arm.pose.bones['pelvis'].head)
                    print('RESULT', fmt + '_pelvis_travel', max((p - pelvis[0]).length for p in pelvis))
                    print('RESULT', fmt + '_pelvis_height', min(p.z for p in pelvis), max(p.z for p in pelvis))
                print('RESULT fbx_range', *action.frame_range, scene.frame_start, scene.frame_end)
                scene.frame_set(60)
                render(arm.matrix_world @ arm.pose.bones['spine2'].head, PICTURE)
                for tag, video, tool in [('not_a_video', NOT_A_VIDEO, prefs.tool_path), ('no_tool', VIDEO, MISSING)]:
                    prefs.tool_path = tool
                    try:
                        bpy.ops.import_anim.mocap_video(filepath=video, blocking=True)
                        print('RESULT', tag, 'no error')
                    except RuntimeError as e:
                        print('RESULT', tag, str(e).strip().replace('\\n', ' | '))
                print('RESULT armatures_after_failures', len([o for o in scene.objects if o.type == 'ARMATURE']))
                """.formatted(video, notAVideo, PICTURE.toAbsolutePath(), dir.resolve("no-such-mocap")));

        for (String format : new String[]{"bvh", "glb", "fbx"}) {
            assertEquals("FINISHED", r.get(format + "_outcome"), format);
            assertEquals("1 pose_1 pose_1", r.get(format + "_armatures"), format + ": one armature and its action, named after the video");
            assertEquals(FRAMES + ".0 " + FRAMES, r.get(format + "_frames"), format + ": the action and the scene have the video's frames");
            assertEquals("30 1.0", r.get(format + "_fps"), format + ": scene frame rate from the sidecar");
            // she balances on one leg in one spot: the pelvis sways by about a decimetre (0.2 m held only while the recovery let her drift back)
            assertTrue(numbers(r.get(format + "_pelvis_travel"))[0] > 0.05, format + ": the pelvis moves " + r.get(format + "_pelvis_travel"));
            double[] height = numbers(r.get(format + "_pelvis_height"));
            assertTrue(height[0] > 0.6 && height[1] < 1.2, format + ": Z up, metres: pelvis height " + r.get(format + "_pelvis_height"));
        }
        assertEquals("1.0 " + FRAMES + ".0 1 " + FRAMES, r.get("fbx_range"), "FBX: frames 1.." + FRAMES);

        assertTrue(r.get("not_a_video").contains("mocap: error: ") && r.get("not_a_video").contains("notes.mp4"),
                "the tool's error line as a Blender error: " + r.get("not_a_video"));
        assertTrue(r.get("no_tool").contains("mocap tool not found") && r.get("no_tool").contains("no-such-mocap"),
                "a missing tool is named: " + r.get("no_tool"));
        assertEquals("1", r.get("armatures_after_failures"), "failed runs import nothing");

        BufferedImage picture = ImageIO.read(PICTURE.toFile());
        assertTrue(coloured(picture) > 0.01 * picture.getWidth() * picture.getHeight(),
                "the mannequin (blue and orange) fills part of the picture " + PICTURE);
    }

    @Test
    void animatesTheSelectedCharacterAsTheToolRetargetsIt() throws Exception {
        Path video = TestData.file(VIDEO);
        Path character = TestData.file("characters/makehuman/makehuman_mixamo.glb");
        freshPicture(RETARGET_PICTURE);
        BlenderAddon addon = new BlenderAddon(dir);
        Path reference = dir.resolve("reference");
        addon.runTool("convert", video.toString(), "--rig", character.toString(), "--format", "glb", "-o", reference.toString());
        Map<String, String> r = addon.run(RENDER + """
                VIDEO, CHARACTER, REFERENCE, PICTURE = r'%s', r'%s', r'%s', r'%s'
                FRAMES = [1, 30, 60, 90, 120]
                bpy.ops.import_scene.gltf(filepath=CHARACTER)
                arm = next(o for o in scene.objects if o.type == 'ARMATURE')
                bpy.context.view_layer.objects.active = arm
                before = sorted(o.name for o in scene.objects)
                print('RESULT outcome', *bpy.ops.anim.mocap_retarget_video(filepath=VIDEO, blocking=True))
                print('RESULT objects_kept', before == sorted(o.name for o in scene.objects))
                action = arm.animation_data.action
                print('RESULT action', action.name, *action.frame_range)
                def changes(armature):
                    # each bone's world change from its rest pose, and its head
                    return {b.name: (armature.matrix_world @ b.matrix @ b.bone.matrix_local.inverted() @ armature.matrix_world.inverted(),
                                     armature.matrix_world @ b.head) for b in armature.pose.bones}
                ours = {}
                for f in FRAMES:
                    scene.frame_set(f)
                    ours[f] = changes(arm)
                hips = [ours[f]['mixamorig:Hips'][1] for f in FRAMES]
                print('RESULT hips_travel', max((h - hips[0]).length for h in hips))
                scene.frame_set(60)
                render(arm.matrix_world @ arm.pose.bones['mixamorig:Spine1'].head, PICTURE)
                known = set(scene.objects)
                bpy.ops.import_scene.gltf(filepath=REFERENCE + '.glb')
                ref = next(o for o in scene.objects if o not in known and o.type == 'ARMATURE')
                worst_head, worst_change = 0.0, 0.0
                for f in FRAMES:
                    scene.frame_set(f - 1)  # glTF animations start at frame 0
                    for name, (change, head) in changes(ref).items():
                        worst_head = max(worst_head, (head - ours[f][name][1]).length)
                        worst_change = max(worst_change, max(abs(a - b) for ra, rb in zip(change, ours[f][name][0]) for a, b in zip(ra, rb)))
                print('RESULT worst', worst_head, worst_change)
                """.formatted(video, character, reference, RETARGET_PICTURE.toAbsolutePath()));

        assertEquals("FINISHED", r.get("outcome"));
        assertEquals("True", r.get("objects_kept"), "the user's armature and mesh are kept, nothing else is left behind");
        assertEquals("pose_1 1.0 120.0", r.get("action"));
        // She balances on one leg in place: her hips sway by centimetres; a pose that is not animated stays at 0.
        assertTrue(numbers(r.get("hips_travel"))[0] > 0.02, "the hips move: " + r.get("hips_travel"));
        double[] worst = numbers(r.get("worst"));
        assertTrue(worst[0] < 1e-4, "bone heads within 0.1 mm of the tool's own retargeted GLB: " + worst[0] + " m");
        assertTrue(worst[1] < 1e-4, "bone rotations as in the tool's GLB: matrices within " + worst[1]);
        BufferedImage picture = ImageIO.read(RETARGET_PICTURE.toFile());
        assertTrue(notBackground(picture) > 0.01 * picture.getWidth() * picture.getHeight(), "the character is in the picture " + RETARGET_PICTURE);
    }

    private static void freshPicture(Path picture) throws java.io.IOException {
        Files.createDirectories(picture.toAbsolutePath().getParent());
        Files.deleteIfExists(picture);
    }

    private static double[] numbers(String words) {
        return Arrays.stream(words.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /** Pixels clearly unlike the top-left corner's background. */
    private static int notBackground(BufferedImage image) {
        int background = image.getRGB(0, 0), count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int difference = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    difference = Math.max(difference, Math.abs((rgb >> shift & 255) - (background >> shift & 255)));
                }
                count += difference > 30 ? 1 : 0;
            }
        }
        return count;
    }

    /** Pixels clearly blue or orange (the mannequin's two sides) rather than grey. */
    private static int coloured(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y), red = rgb >> 16 & 255, blue = rgb & 255;
                count += Math.abs(red - blue) > 60 ? 1 : 0;
            }
        }
        return count;
    }
}
