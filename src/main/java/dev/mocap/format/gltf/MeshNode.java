package dev.mocap.format.gltf;

import de.javagl.jgltf.impl.v2.GlTF;
import de.javagl.jgltf.impl.v2.Material;
import de.javagl.jgltf.impl.v2.MaterialPbrMetallicRoughness;
import de.javagl.jgltf.impl.v2.Mesh;
import de.javagl.jgltf.impl.v2.MeshPrimitive;
import de.javagl.jgltf.impl.v2.Node;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.MeshMaterials;
import dev.mocap.body.mesh.SkinnedMesh;

/**
 * A skinned mesh in bind-pose coordinates as a glTF node carrying mesh and skin 0, at the scene
 * root (readers ignore a skinned node's own transform). One primitive per material that has
 * triangles (per body side for the mannequin), each with its base colour, all sharing the vertex
 * attributes.
 */
final class MeshNode {
    private static final float ROUGHNESS = 0.8f;

    /** Adds the mesh, its materials and its node; returns the node's index. */
    static int add(GlTF gltf, GlbBuffer buffer, SkinnedMesh mesh, MeshMaterials materials, String name) {
        int positions = buffer.floats(vectors(mesh.positions()), "VEC3", GlbBuffer.ARRAY_BUFFER, true);
        int normals = buffer.floats(vectors(mesh.normals()), "VEC3", GlbBuffer.ARRAY_BUFFER, false);
        int joints = buffer.jointIndices(mesh.joints());
        int weights = buffer.floats(weights(mesh), "VEC4", GlbBuffer.ARRAY_BUFFER, false);
        Mesh gltfMesh = new Mesh();
        gltfMesh.setName(name);
        for (int m = 0; m < materials.materials().size(); m++) {
            int[] triangles = materials.triangles(mesh, m);
            if (triangles.length == 0) {
                continue;
            }
            MeshPrimitive primitive = new MeshPrimitive();
            primitive.addAttributes("POSITION", positions);
            primitive.addAttributes("NORMAL", normals);
            primitive.addAttributes("JOINTS_0", joints);
            primitive.addAttributes("WEIGHTS_0", weights);
            primitive.setIndices(buffer.indices(triangles, mesh.vertexCount()));
            primitive.setMaterial(addMaterial(gltf, materials.materials().get(m)));
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

    private static int addMaterial(GlTF gltf, MeshMaterials.Material look) {
        double[] rgba = look.rgba();
        MaterialPbrMetallicRoughness pbr = new MaterialPbrMetallicRoughness();
        pbr.setBaseColorFactor(new float[]{(float) rgba[0], (float) rgba[1], (float) rgba[2], (float) rgba[3]});
        pbr.setMetallicFactor(0f);
        pbr.setRoughnessFactor(ROUGHNESS);
        Material material = new Material();
        material.setName(look.name());
        if (rgba[3] < 1) {
            material.setAlphaMode("BLEND");
        }
        material.setPbrMetallicRoughness(pbr);
        gltf.addMaterials(material);
        return gltf.getMaterials().size() - 1;
    }

    private static float[] vectors(Vec3[] vectors) {
        float[] out = new float[3 * vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            System.arraycopy(JointNodes.floats(vectors[i]), 0, out, 3 * i, 3);
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
