package dev.mocap.retarget;

import de.javagl.jgltf.model.AccessorByteData;
import de.javagl.jgltf.model.AccessorData;
import de.javagl.jgltf.model.AccessorFloatData;
import de.javagl.jgltf.model.AccessorIntData;
import de.javagl.jgltf.model.AccessorModel;
import de.javagl.jgltf.model.AccessorShortData;
import de.javagl.jgltf.model.GltfModel;
import de.javagl.jgltf.model.MaterialModel;
import de.javagl.jgltf.model.MeshModel;
import de.javagl.jgltf.model.MeshPrimitiveModel;
import de.javagl.jgltf.model.NodeModel;
import de.javagl.jgltf.model.SkinModel;
import dev.mocap.body.Transform;
import de.javagl.jgltf.model.v2.MaterialModelV2;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.CharacterBody;
import dev.mocap.body.mesh.MeshMaterials;

import java.util.ArrayList;
import java.util.List;

/**
 * The meshes a glTF character's skins deform (every skin on the rig's bones), as one {@link SkinnedMesh} on the rig's bones in
 * the rig's rest pose (root joint at the origin): what an FBX of the character needs to carry
 * its own body. Each vertex is placed where glTF skinning puts it in the bind pose (the sum of
 * its joints' bind transforms times their inverse bind matrices); weights that are not numbers
 * count as 0, and each vertex keeps its four strongest joints, scaled to sum to 1.
 */
final class GltfSkinnedMesh {
    private static final int TRIANGLES = 4;

    /** The mesh and its materials' base colours, or null when the skins of the rig's bones deform no triangles. */
    static CharacterBody of(GltfModel model, List<NodeModel> bones, Transform[] bindWorld) {
        Vec3 root = bindWorld[0].translation();
        List<Vec3> positions = new ArrayList<>();
        List<Integer> triangles = new ArrayList<>();
        VertexWeights weights = new VertexWeights();
        TriangleMaterials materials = new TriangleMaterials();
        for (NodeModel node : model.getNodeModels()) {
            SkinModel skin = node.getSkinModel();
            if (skin == null || !bones.containsAll(skin.getJoints())) {
                continue;
            }
            List<NodeModel> joints = skin.getJoints();
            int[] boneOfJoint = joints.stream().mapToInt(bones::indexOf).toArray();
            Transform[] meshToWorld = new Transform[joints.size()];
            for (int j = 0; j < joints.size(); j++) {
                Transform inverseBind = skin.getInverseBindMatrices() == null ? Transform.IDENTITY : Transform.ofColumnMajor(skin.getInverseBindMatrix(j, null));
                meshToWorld[j] = bindWorld[boneOfJoint[j]].times(inverseBind);
            }
            for (MeshModel mesh : node.getMeshModels()) {
                for (MeshPrimitiveModel primitive : mesh.getMeshPrimitiveModels()) {
                    int before = triangles.size();
                    addPrimitive(primitive, meshToWorld, boneOfJoint, root, positions, triangles, weights);
                    int material = material(primitive.getMaterialModel(), materials);
                    for (int t = before; t < triangles.size(); t += 3) {
                        materials.addTriangle(material);
                    }
                }
            }
        }
        if (triangles.isEmpty()) {
            return null;
        }
        return new CharacterBody(weights.mesh(positions.toArray(Vec3[]::new), triangles.stream().mapToInt(Integer::intValue).toArray(),
                bones.size()), materials.finish());
    }

    /** A primitive's material: its name and base colour factor (textures are not carried); the plain one without. */
    private static int material(MaterialModel model, TriangleMaterials materials) {
        if (!(model instanceof MaterialModelV2 v2)) {
            return materials.plain();
        }
        float[] factor = v2.getBaseColorFactor();
        double[] rgba = {1, 1, 1, 1};
        for (int c = 0; factor != null && c < Math.min(4, factor.length); c++) {
            rgba[c] = Float.isFinite(factor[c]) ? Math.max(0, Math.min(1, factor[c])) : 1;
        }
        return materials.material(model, new MeshMaterials.Material(model.getName() != null ? model.getName() : "material", rgba));
    }

    private static void addPrimitive(MeshPrimitiveModel primitive, Transform[] meshToWorld, int[] boneOfJoint, Vec3 root,
                                     List<Vec3> positions, List<Integer> triangles, VertexWeights weights) {
        AccessorModel position = primitive.getAttributes().get("POSITION");
        AccessorModel jointIndices = primitive.getAttributes().get("JOINTS_0"), jointWeights = primitive.getAttributes().get("WEIGHTS_0");
        if (primitive.getMode() != TRIANGLES || position == null || jointIndices == null || jointWeights == null
                || !(position.getAccessorData() instanceof AccessorFloatData points)
                || !(jointWeights.getAccessorData() instanceof AccessorFloatData w)) {
            return;
        }
        AccessorData j = jointIndices.getAccessorData();
        int first = positions.size();
        for (int v = 0; v < points.getNumElements(); v++) {
            Vec3 local = new Vec3(points.get(v, 0), points.get(v, 1), points.get(v, 2));
            Vec3 world = Vec3.ZERO;
            double sum = 0;
            for (int k = 0; k < Math.min(4, w.getNumComponentsPerElement()); k++) {
                int joint = index(j, v, k);
                double weight = w.get(v, k);
                if (joint >= 0 && joint < boneOfJoint.length && weight > 0 && Double.isFinite(weight)) {
                    weights.add(first + v, boneOfJoint[joint], weight);
                    world = world.plus(meshToWorld[joint].apply(local).times(weight));
                    sum += weight;
                }
            }
            if (sum == 0) {
                world = meshToWorld[0].apply(local);
                sum = 1;
            }
            positions.add(world.times(1 / sum).minus(root));
        }
        AccessorModel indices = primitive.getIndices();
        int count = indices == null ? points.getNumElements() : indices.getCount();
        for (int i = 0; i + 2 < count; i += 3) {
            for (int k = 0; k < 3; k++) {
                int vertex = indices == null ? i + k : index(indices.getAccessorData(), i + k, 0);
                triangles.add(first + Math.max(0, Math.min(points.getNumElements() - 1, vertex)));
            }
        }
    }

    private static int index(AccessorData data, int element, int component) {
        if (data instanceof AccessorByteData b) {
            return b.getInt(element, component);
        } else if (data instanceof AccessorShortData s) {
            return s.getInt(element, component);
        } else if (data instanceof AccessorIntData i) {
            return i.get(element, component);
        }
        return -1;
    }

    private GltfSkinnedMesh() {
    }
}
