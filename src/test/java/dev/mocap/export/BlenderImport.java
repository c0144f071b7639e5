package dev.mocap.export;

import dev.mocap.body.Vec3;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports animation files into Blender (one run for several files) and reports what Blender
 * made of them: bone count, action frame range, scene frame rate and bone head positions in
 * Blender's world (Z up) at chosen frames.
 */
public final class BlenderImport {

    /** One file to import; {@code scale} is the importer's global scale. */
    public record Request(String tag, Path file, double scale) {
    }

    /** What Blender reported for one file. */
    public record Result(int bones, double firstFrame, double lastFrame, int fps, double exactFps, Map<String, Vec3> heads) {

        /** A bone head at a frame, in Blender's world coordinates. */
        public Vec3 head(int frame, String bone) {
            Vec3 p = heads.get(frame + " " + bone);
            if (p == null) {
                throw new AssertionError("Blender reported no bone " + bone + " at frame " + frame);
            }
            return p;
        }
    }

    /** Blender shows a Y-up file's (x, y, z) as (x, −z, y). */
    public static Vec3 toBlender(Vec3 p) {
        return new Vec3(p.x(), -p.z(), p.y());
    }

    public static Map<String, Result> bvh(Path workDir, int[] frames, List<Request> requests) throws IOException, InterruptedException {
        StringBuilder files = new StringBuilder();
        for (Request r : requests) {
            files.append("('").append(r.tag()).append("', r'").append(r.file().toAbsolutePath()).append("', ").append(r.scale()).append("), ");
        }
        String script = """
                import bpy
                frames = %s
                for tag, file, scale in [%s]:
                    bpy.ops.wm.read_factory_settings(use_empty=True)
                    bpy.ops.import_anim.bvh(filepath=file, global_scale=scale, update_scene_fps=True)
                    scene = bpy.context.scene
                    arm = next(o for o in scene.objects if o.type == 'ARMATURE')
                    print('RESULT', tag, 'bones', len(arm.data.bones))
                    print('RESULT', tag, 'range', *arm.animation_data.action.frame_range)
                    print('RESULT', tag, 'fps', scene.render.fps, repr(scene.render.fps / scene.render.fps_base))
                    for f in frames:
                        scene.frame_set(f)
                        for bone in arm.pose.bones:
                            p = arm.matrix_world @ bone.head
                            print('RESULT', tag, 'head', f, bone.name, repr(p.x), repr(p.y), repr(p.z))
                """.formatted(Arrays.toString(frames), files);
        Map<String, Map<String, String[]>> values = new LinkedHashMap<>();
        Map<String, Map<String, Vec3>> heads = new HashMap<>();
        for (String line : BlenderRunner.run(script, workDir).lines().toList()) {
            String[] w = line.split(" ");
            if (!w[0].equals("RESULT")) {
                continue;
            }
            if (w[2].equals("head")) {
                heads.computeIfAbsent(w[1], k -> new HashMap<>()).put(w[3] + " " + w[4],
                        new Vec3(Double.parseDouble(w[5]), Double.parseDouble(w[6]), Double.parseDouble(w[7])));
            } else {
                values.computeIfAbsent(w[1], k -> new HashMap<>()).put(w[2], w);
            }
        }
        Map<String, Result> out = new LinkedHashMap<>();
        for (Request r : requests) {
            Map<String, String[]> v = values.get(r.tag());
            if (v == null) {
                throw new AssertionError("Blender reported nothing for " + r.file());
            }
            out.put(r.tag(), new Result(Integer.parseInt(v.get("bones")[3]), Double.parseDouble(v.get("range")[3]),
                    Double.parseDouble(v.get("range")[4]), Integer.parseInt(v.get("fps")[3]), Double.parseDouble(v.get("fps")[4]),
                    heads.getOrDefault(r.tag(), Map.of())));
        }
        return out;
    }

    private BlenderImport() {
    }
}
