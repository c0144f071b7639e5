package dev.mocap.format;

import dev.mocap.body.Vec3;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports animation files into Blender (one run for several files) and reports what Blender
 * made of them: armature and bone count, action frame range, scene frame rate, bone head
 * positions and, for meshes, every vertex's rest and posed position, in Blender's world (Z up)
 * at chosen Blender frames.
 */
public final class BlenderImport {

    /** One file to import; {@code scale} is the importer's global scale (BVH and FBX). */
    public record Request(String tag, Path file, double scale) {
        public Request(String tag, Path file) {
            this(tag, file, 1.0);
        }
    }

    /** A mesh vertex in Blender's world: where it is bound, and where the armature moved it. */
    public record MeshVertex(Vec3 rest, Vec3 posed) {
    }

    /** What Blender reported for one file. */
    public record Result(int armatures, int bones, double firstFrame, double lastFrame, int fps, double exactFps,
                         Map<String, Vec3> heads, int meshes, Map<Integer, List<MeshVertex>> vertices) {

        /** A bone head at a frame, in Blender's world coordinates. */
        public Vec3 head(int frame, String bone) {
            Vec3 p = heads.get(frame + " " + bone);
            if (p == null) {
                throw new AssertionError("Blender reported no bone " + bone + " at frame " + frame);
            }
            return p;
        }

        /** The vertices of every mesh at a frame. */
        public List<MeshVertex> vertices(int frame) {
            return vertices.getOrDefault(frame, List.of());
        }
    }

    /**
     * Prints the import's results; {@code IMPORT} stands for the import call, {@code tag},
     * {@code file} and {@code scale} are set. The vertices of a mesh are in the same order at
     * rest and posed (the evaluated mesh of an armature modifier keeps them).
     */
    private static final String SCRIPT = """
            import bpy
            frames = %s
            for tag, file, scale in [%s]:
                bpy.ops.wm.read_factory_settings(use_empty=True)
                scene = bpy.context.scene
                IMPORT
                armatures = [o for o in scene.objects if o.type == 'ARMATURE']
                meshes = [o for o in scene.objects if o.type == 'MESH']
                arm = armatures[0]
                print('RESULT', tag, 'armatures', len(armatures))
                print('RESULT', tag, 'bones', len(arm.data.bones))
                print('RESULT', tag, 'range', *arm.animation_data.action.frame_range)
                print('RESULT', tag, 'fps', scene.render.fps, repr(scene.render.fps / scene.render.fps_base))
                print('RESULT', tag, 'meshes', len(meshes))
                rest = [[o.matrix_world @ v.co for v in o.data.vertices] for o in meshes]
                for f in frames:
                    scene.frame_set(f)
                    for bone in arm.pose.bones:
                        p = arm.matrix_world @ bone.head
                        print('RESULT', tag, 'head', f, bone.name, repr(p.x), repr(p.y), repr(p.z))
                    depsgraph = bpy.context.evaluated_depsgraph_get()
                    for o, bound in zip(meshes, rest):
                        evaluated = o.evaluated_get(depsgraph)
                        posed = evaluated.to_mesh()
                        for r, v in zip(bound, posed.vertices):
                            p = evaluated.matrix_world @ v.co
                            print('RESULT', tag, 'vertex', f, '%%.6f %%.6f %%.6f %%.6f %%.6f %%.6f' %% (r.x, r.y, r.z, p.x, p.y, p.z))
                        evaluated.to_mesh_clear()
            """;

    /** Blender shows a Y-up file's (x, y, z) as (x, −z, y). */
    public static Vec3 toBlender(Vec3 p) {
        return new Vec3(p.x(), -p.z(), p.y());
    }

    /** The inverse of {@link #toBlender}: a file's Y-up coordinates from Blender's. */
    public static Vec3 fromBlender(Vec3 p) {
        return new Vec3(p.x(), p.z(), -p.y());
    }

    /** BVH, first frame at Blender frame 1, the scene set to the file's frame rate. */
    public static Map<String, Result> bvh(Path workDir, int[] frames, List<Request> requests) throws IOException, InterruptedException {
        return run(workDir, frames, requests, "bpy.ops.import_anim.bvh(filepath=file, global_scale=scale, update_scene_fps=True)");
    }

    /** FBX with default settings, time 0 at Blender frame 1. */
    public static Map<String, Result> fbx(Path workDir, int[] frames, List<Request> requests) throws IOException, InterruptedException {
        return run(workDir, frames, requests, "bpy.ops.import_scene.fbx(filepath=file, global_scale=scale)");
    }

    /**
     * glTF with default settings into a scene at {@code fps} (glTF stores seconds, Blender
     * converts them with the scene's rate), time 0 at Blender frame 0. The importer has no scale.
     */
    public static Map<String, Result> gltf(Path workDir, int fps, int[] frames, List<Request> requests) throws IOException, InterruptedException {
        if (requests.stream().anyMatch(r -> r.scale() != 1)) {
            throw new IllegalArgumentException("Blender's glTF importer has no scale");
        }
        return run(workDir, frames, requests, "scene.render.fps = " + fps + "; bpy.ops.import_scene.gltf(filepath=file)");
    }

    private static Map<String, Result> run(Path workDir, int[] frames, List<Request> requests, String importCall)
            throws IOException, InterruptedException {
        StringBuilder files = new StringBuilder();
        for (Request r : requests) {
            files.append("('").append(r.tag()).append("', r'").append(r.file().toAbsolutePath()).append("', ")
                    .append(r.scale()).append("), ");
        }
        String script = SCRIPT.formatted(Arrays.toString(frames), files).replace("IMPORT", importCall);
        Map<String, Map<String, String[]>> values = new LinkedHashMap<>();
        Map<String, Map<String, Vec3>> heads = new HashMap<>();
        Map<String, Map<Integer, List<MeshVertex>>> vertices = new HashMap<>();
        for (String line : BlenderRunner.run(script, workDir).lines().toList()) {
            String[] w = line.split(" ");
            if (!w[0].equals("RESULT")) {
                continue;
            }
            switch (w[2]) {
                case "head" -> heads.computeIfAbsent(w[1], k -> new HashMap<>()).put(w[3] + " " + w[4], vec3(w, 5));
                case "vertex" -> vertices.computeIfAbsent(w[1], k -> new HashMap<>())
                        .computeIfAbsent(Integer.parseInt(w[3]), k -> new ArrayList<>()).add(new MeshVertex(vec3(w, 4), vec3(w, 7)));
                default -> values.computeIfAbsent(w[1], k -> new HashMap<>()).put(w[2], w);
            }
        }
        Map<String, Result> out = new LinkedHashMap<>();
        for (Request r : requests) {
            Map<String, String[]> v = values.get(r.tag());
            if (v == null) {
                throw new AssertionError("Blender reported nothing for " + r.file());
            }
            out.put(r.tag(), new Result(Integer.parseInt(v.get("armatures")[3]), Integer.parseInt(v.get("bones")[3]),
                    Double.parseDouble(v.get("range")[3]), Double.parseDouble(v.get("range")[4]), Integer.parseInt(v.get("fps")[3]),
                    Double.parseDouble(v.get("fps")[4]), heads.getOrDefault(r.tag(), Map.of()), Integer.parseInt(v.get("meshes")[3]),
                    vertices.getOrDefault(r.tag(), Map.of())));
        }
        return out;
    }

    private static Vec3 vec3(String[] words, int first) {
        return new Vec3(Double.parseDouble(words[first]), Double.parseDouble(words[first + 1]), Double.parseDouble(words[first + 2]));
    }

    private BlenderImport() {
    }
}
