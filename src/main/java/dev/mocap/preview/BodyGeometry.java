package dev.mocap.preview;

import com.jme3.asset.AssetManager;
import com.jme3.material.Material;
import com.jme3.math.ColorRGBA;
import com.jme3.renderer.queue.RenderQueue;
import com.jme3.scene.Geometry;
import com.jme3.scene.Mesh;
import com.jme3.scene.VertexBuffer;
import com.jme3.util.BufferUtils;
import dev.mocap.body.ForwardKinematics;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.Mannequin;
import dev.mocap.body.mesh.SkinnedMesh;

import java.nio.FloatBuffer;

/**
 * The mannequin of a motion's skeleton as a jME geometry, posed on the CPU (linear-blend
 * skinning of about 5000 vertices, well under a millisecond a frame): simpler than GPU skinning
 * and exactly the skinning our exporters describe.
 */
final class BodyGeometry {
    private final Motion motion;
    private final SkinnedMesh mesh;
    private final Vec3[] rest;
    private final Mesh jmeMesh = new Mesh();
    private final FloatBuffer positions, normals;
    private final Geometry geometry;

    BodyGeometry(Motion motion, BodyLook look, AssetManager assets) {
        this.motion = motion;
        this.mesh = Mannequin.of(motion.skeleton());
        this.rest = motion.skeleton().restPositions();
        positions = BufferUtils.createFloatBuffer(3 * mesh.vertexCount());
        normals = BufferUtils.createFloatBuffer(3 * mesh.vertexCount());
        float[] rgb = look.vertexColours(mesh, motion.skeleton());
        float[] rgba = new float[4 * mesh.vertexCount()];
        for (int v = 0; v < mesh.vertexCount(); v++) {
            System.arraycopy(rgb, 3 * v, rgba, 4 * v, 3);
            rgba[4 * v + 3] = 1;
        }
        jmeMesh.setBuffer(VertexBuffer.Type.Position, 3, positions);
        jmeMesh.setBuffer(VertexBuffer.Type.Normal, 3, normals);
        jmeMesh.setBuffer(VertexBuffer.Type.Color, 4, BufferUtils.createFloatBuffer(rgba));
        jmeMesh.setBuffer(VertexBuffer.Type.Index, 3, BufferUtils.createIntBuffer(mesh.triangles()));
        jmeMesh.getBuffer(VertexBuffer.Type.Position).setUsage(VertexBuffer.Usage.Stream);
        jmeMesh.getBuffer(VertexBuffer.Type.Normal).setUsage(VertexBuffer.Usage.Stream);
        geometry = new Geometry("mannequin", jmeMesh);
        Material material = new Material(assets, "Common/MatDefs/Light/Lighting.j3md");
        material.setBoolean("UseVertexColor", true);
        material.setBoolean("UseMaterialColors", true);
        material.setColor("Diffuse", ColorRGBA.White);
        material.setColor("Ambient", ColorRGBA.White);
        material.setColor("Specular", new ColorRGBA(0.15f, 0.15f, 0.15f, 1));
        material.setFloat("Shininess", 12);
        geometry.setMaterial(material);
        geometry.setShadowMode(RenderQueue.ShadowMode.CastAndReceive);
        pose(0);
    }

    Geometry geometry() {
        return geometry;
    }

    /** Moves the vertices to the motion's pose at a frame. */
    void pose(int frame) {
        Vec3[] joints = motion.jointPositions(frame);
        Quat[] rotations = ForwardKinematics.worldRotations(motion.skeleton(), motion.rotations().frame(frame));
        positions.clear();
        normals.clear();
        for (int v = 0; v < mesh.vertexCount(); v++) {
            double px = 0, py = 0, pz = 0, nx = 0, ny = 0, nz = 0;
            for (int k = 0; k < SkinnedMesh.INFLUENCES; k++) {
                double w = mesh.weight(v, k);
                if (w == 0) {
                    continue;
                }
                int j = mesh.joint(v, k);
                Vec3 p = joints[j].plus(rotations[j].rotate(mesh.positions()[v].minus(rest[j])));
                Vec3 n = rotations[j].rotate(mesh.normals()[v]);
                px += w * p.x();
                py += w * p.y();
                pz += w * p.z();
                nx += w * n.x();
                ny += w * n.y();
                nz += w * n.z();
            }
            positions.put((float) px).put((float) py).put((float) pz);
            normals.put((float) nx).put((float) ny).put((float) nz);
        }
        positions.flip();
        normals.flip();
        jmeMesh.getBuffer(VertexBuffer.Type.Position).updateData(positions);
        jmeMesh.getBuffer(VertexBuffer.Type.Normal).updateData(normals);
        jmeMesh.updateBound();
        geometry.updateModelBound();
    }
}
