package dev.mocap.format.gltf;

import de.javagl.jgltf.impl.v2.GlTF;
import de.javagl.jgltf.impl.v2.Material;
import de.javagl.jgltf.impl.v2.MaterialPbrMetallicRoughness;
import de.javagl.jgltf.impl.v2.Mesh;
import de.javagl.jgltf.impl.v2.MeshPrimitive;
import de.javagl.jgltf.impl.v2.Node;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.BodySide;
import dev.mocap.body.mesh.SkinnedMesh;

import java.util.Arrays;
import java.util.Locale;

/**
 * A skinned mesh in bind-pose coordinates as a glTF node carrying mesh and skin 0, at the scene
 * root (readers ignore a skinned node's own transform). One primitive per body side, each with
 * its own coloured material, all sharing the vertex attributes.
 */
final class MeshNode {
    private static final float ROUGHNESS = 0.8f;

    /** Adds the mesh, its materials and its node; returns the node's index. */
    static int add(GlTF gltf, GlbBuffer buffer, SkinnedMesh mesh, String name) {
        int positions = buffer.floats(vectors(mesh.positions()), "VEC3", GlbBuffer.ARRAY_BUFFER, true);
        int normals = buffer.floats(vectors(mesh.normals()), "VEC3", GlbBuffer.ARRAY_BUFFER, false);
        int joints = buffer.unsignedByteVec4(joints(mesh));
        int weights = buffer.floats(weights(mesh), "VEC4", GlbBuffer.ARRAY_BUFFER, false);
        Mesh gltfMesh = new Mesh();
        gltfMesh.setName(name);
        for (BodySide side : BodySide.values()) {
            int[] triangles = triangles(mesh, side);
            if (triangles.length == 0) {
                continue;
            }
            MeshPrimitive primitive = new MeshPrimitive();
            primitive.addAttributes("POSITION", positions);
            primitive.addAttributes("NORMAL", normals);
            primitive.addAttributes("JOINTS_0", joints);
            primitive.addAttributes("WEIGHTS_0", weights);
            primitive.setIndices(buffer.indices(triangles, mesh.vertexCount()));
            primitive.setMaterial(addMaterial(gltf, name, side));
            gltfMesh.addPrimitives(primitive);
        }
        gltf.addMeshes(gltfMesh);
        Node node = new Node();
        node.setName(name);
        node.setMesh(gltf.getMeshes().size() - 1);
        node.setSkin(0);
        gltf.addNodes(node);
        return gltf.getNodes().size() - 1;
    }

    private static int addMaterial(GlTF gltf, String meshName, BodySide side) {
        double[] rgb = side.rgb();
        MaterialPbrMetallicRoughness pbr = new MaterialPbrMetallicRoughness();
        pbr.setBaseColorFactor(new float[]{(float) rgb[0], (float) rgb[1], (float) rgb[2], 1});
        pbr.setMetallicFactor(0f);
        pbr.setRoughnessFactor(ROUGHNESS);
        Material material = new Material();
        material.setName(meshName + "_" + side.name().toLowerCase(Locale.ROOT));
        material.setPbrMetallicRoughness(pbr);
        gltf.addMaterials(material);
        return gltf.getMaterials().size() - 1;
    }

    private static int[] triangles(SkinnedMesh mesh, BodySide side) {
        int[] out = new int[mesh.triangles().length];
        int n = 0;
        for (int t = 0; t < mesh.triangleCount(); t++) {
            if (mesh.sides()[t] == side) {
                System.arraycopy(mesh.triangles(), 3 * t, out, n, 3);
                n += 3;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static float[] vectors(Vec3[] vectors) {
        float[] out = new float[3 * vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            System.arraycopy(JointNodes.floats(vectors[i]), 0, out, 3 * i, 3);
        }
        return out;
    }

    private static byte[] joints(SkinnedMesh mesh) {
        byte[] out = new byte[mesh.joints().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) mesh.joints()[i];
        }
        return out;
    }

    /** Weights as floats, the strongest one set so that the four still sum to 1 in float arithmetic. */
    private static float[] weights(SkinnedMesh mesh) {
        float[] out = new float[mesh.weights().length];
        for (int v = 0; v < mesh.vertexCount(); v++) {
            int o = SkinnedMesh.INFLUENCES * v;
            float others = 0;
            for (int k = 1; k < SkinnedMesh.INFLUENCES; k++) {
                out[o + k] = (float) mesh.weights()[o + k];
                others += out[o + k];
            }
            out[o] = 1 - others;
        }
        return out;
    }

    private MeshNode() {
    }
}
