package dev.mocap.format;

import dev.mocap.body.Motion;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.LinearBlendSkinning;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.BlenderImport.MeshVertex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Blender's skinned mesh against ours: each vertex Blender reports is found in our mesh by its
 * bind position (readers may reorder or split vertices), and its posed position is compared
 * with our own linear-blend skinning of that vertex.
 */
public final class BlenderMeshCheck {
    /** Bind positions closer than this are the same vertex. */
    private static final double SAME_VERTEX_METRES = 1e-4;

    /**
     * The largest distance (metres) between where Blender put a vertex at a frame of the motion
     * and where our skinning puts it; fails if a vertex matches none of ours.
     */
    public static double worstVertexError(SkinnedMesh restMesh, Motion motion, int frame, List<MeshVertex> blender) {
        if (blender.isEmpty()) {
            throw new AssertionError("Blender reported no mesh vertices");
        }
        Vec3 lift = BindPose.lift(motion.skeleton());
        Map<List<Long>, List<Integer>> grid = new HashMap<>();
        for (int v = 0; v < restMesh.vertexCount(); v++) {
            grid.computeIfAbsent(cell(restMesh.positions()[v].plus(lift)), k -> new ArrayList<>()).add(v);
        }
        Vec3[] posed = LinearBlendSkinning.pose(restMesh, motion, frame);
        double worst = 0;
        for (MeshVertex vertex : blender) {
            Vec3 bind = BlenderImport.fromBlender(vertex.rest());
            int ours = nearest(restMesh, lift, grid, bind);
            worst = Math.max(worst, BlenderImport.fromBlender(vertex.posed()).distance(posed[ours]));
        }
        return worst;
    }

    /** The closest of our vertices (a mesh may have vertices nearer each other than the tolerance). */
    private static int nearest(SkinnedMesh mesh, Vec3 lift, Map<List<Long>, List<Integer>> grid, Vec3 p) {
        List<Long> centre = cell(p);
        int best = -1;
        double bestDistance = SAME_VERTEX_METRES;
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                for (long dz = -1; dz <= 1; dz++) {
                    List<Long> key = List.of(centre.get(0) + dx, centre.get(1) + dy, centre.get(2) + dz);
                    for (int v : grid.getOrDefault(key, List.of())) {
                        double d = mesh.positions()[v].plus(lift).distance(p);
                        if (d < bestDistance) {
                            best = v;
                            bestDistance = d;
                        }
                    }
                }
            }
        }
        if (best < 0) {
            throw new AssertionError("Blender has a vertex bound at " + p + " that our mesh has not");
        }
        return best;
    }

    private static List<Long> cell(Vec3 p) {
        return List.of(Math.round(p.x() / 1e-3), Math.round(p.y() / 1e-3), Math.round(p.z() / 1e-3));
    }

    private BlenderMeshCheck() {
    }
}
