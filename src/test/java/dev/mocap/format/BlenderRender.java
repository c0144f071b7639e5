package dev.mocap.format;

import dev.mocap.body.Vec3;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A picture for a person to look at: a GLB as Blender's glTF importer shows it at one frame,
 * rendered with the Workbench engine in the file's material colours on a light background, seen
 * by a 50 mm camera placed at an offset from a target point (both in the file's Y-up metres).
 */
public final class BlenderRender {
    private static final String SCRIPT = """
            import bpy, mathutils
            bpy.ops.wm.read_factory_settings(use_empty=True)
            scene = bpy.context.scene
            scene.render.fps = %d
            bpy.ops.import_scene.gltf(filepath=r'%s')
            scene.frame_set(%d)
            scene.render.engine = 'BLENDER_WORKBENCH'
            scene.display.shading.light = 'STUDIO'
            scene.display.shading.color_type = 'MATERIAL'
            scene.display.shading.show_shadows = True
            scene.view_settings.view_transform = 'Standard'
            scene.render.resolution_x, scene.render.resolution_y = %d, %d
            scene.world = bpy.data.worlds.new('background')
            scene.world.color = (0.85, 0.85, 0.85)
            target = mathutils.Vector((%s))
            if %s:
                bpy.ops.mesh.primitive_plane_add(size=4, location=(target.x, target.y, 0))
            camera = bpy.data.objects.new('camera', bpy.data.cameras.new('camera'))
            scene.collection.objects.link(camera)
            scene.camera = camera
            camera.data.lens = 50
            camera.location = target + mathutils.Vector((%s))
            camera.rotation_euler = (target - camera.location).to_track_quat('-Z', 'Y').to_euler()
            scene.render.filepath = r'%s'
            bpy.ops.render.render(write_still=True)
            """;

    /** Renders {@code frame} of {@code glb} (a scene at {@code fps}) to {@code picture}, replacing it. */
    public static void render(Path glb, int fps, int frame, Vec3 target, Vec3 cameraOffset, boolean floor, int width, int height,
                              Path picture, Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(picture.toAbsolutePath().getParent());
        Files.deleteIfExists(picture);
        BlenderRunner.run(SCRIPT.formatted(fps, glb.toAbsolutePath(), frame, width, height, blender(target), floor ? "True" : "False",
                blender(cameraOffset), picture.toAbsolutePath()), workDir);
    }

    private static String blender(Vec3 yUp) {
        Vec3 p = BlenderImport.toBlender(yUp);
        return String.format(Locale.ROOT, "%f, %f, %f", p.x(), p.y(), p.z());
    }

    private BlenderRender() {
    }
}
