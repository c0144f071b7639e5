package dev.mocap.format.fbx;

import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.MeshMaterials;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.BindPose;
import dev.mocap.format.fbx.FbxScene.SceneObject;
import dev.mocap.format.fbx.binary.FbxNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A skinned mesh as FBX: a Geometry (vertices, triangles, per-vertex normals, a material per
 * triangle) under a Model of class Mesh at the scene root, its Materials (one per body side for the mannequin), and a
 * Skin deformer with one Cluster per bone holding the bone's vertices and weights and its bind
 * matrices (FORMATS.md §1.3). The vertices are written where the bind pose puts them, so the
 * mesh model's own transform is the identity.
 */
final class MeshObjects {
    /**
     * Adds a mesh made in the skeleton's rest pose (root at the origin, metres), placed in the
     * {@link BindPose} and skinned to the skeleton's bones; returns its Model id.
     */
    static long add(FbxScene scene, String name, SkinnedMesh restMesh, MeshMaterials materials, Skeleton skeleton, long[] bones,
                    double perMetre) {
        SkinnedMesh mesh = restMesh.translated(BindPose.lift(skeleton));
        Vec3[] bindPositions = BindPose.jointPositions(skeleton);
        long model = scene.addModel(name, "Mesh", new Properties70()
                .enumeration("InheritType", FbxScene.INHERIT_RSRS)
                .integer("DefaultAttributeIndex", 0)
                .transform("Lcl Translation", Vec3.ZERO)
                .transform("Lcl Rotation", Vec3.ZERO)
                .transform("Lcl Scaling", FbxScene.UNIT_SCALE)).id();
        scene.connect(model, FbxScene.ROOT);
        long geometry = addGeometry(scene, name, mesh, materials, perMetre);
        scene.connect(geometry, model);
        for (MeshMaterials.Material material : materials.materials()) {
            scene.connect(addMaterial(scene, material), model);
        }
        SceneObject skin = scene.add("Deformer", name, "Deformer", "Skin");
        skin.node().child("Version", 101);
        skin.node().child("Link_DeformAcuracy", 50.0);
        scene.connect(skin.id(), geometry);
        for (int j = 0; j < bones.length; j++) {
            long cluster = addCluster(scene, skeleton.name(j), mesh, j, bindPositions[j].times(perMetre));
            scene.connect(cluster, skin.id());
            scene.connect(bones[j], cluster);
        }
        return model;
    }

    private static long addGeometry(FbxScene scene, String name, SkinnedMesh mesh, MeshMaterials materials, double perMetre) {
        SceneObject geometry = scene.add("Geometry", name, "Geometry", "Mesh");
        FbxNode node = geometry.node();
        node.child("GeometryVersion", 124);
        node.child("Vertices", coordinates(mesh.positions(), perMetre));
        int[] polygons = mesh.triangles().clone();
        for (int t = 2; t < polygons.length; t += 3) {
            polygons[t] = -polygons[t] - 1; // the last index of a polygon is stored as −(i + 1)
        }
        node.child("PolygonVertexIndex", polygons);
        FbxNode normals = node.child("LayerElementNormal", 0);
        normals.child("Version", 101);
        normals.child("Name", "");
        normals.child("MappingInformationType", "ByVertice");
        normals.child("ReferenceInformationType", "Direct");
        normals.child("Normals", coordinates(mesh.normals(), 1));
        FbxNode materialLayer = node.child("LayerElementMaterial", 0);
        materialLayer.child("Version", 101);
        materialLayer.child("Name", "");
        materialLayer.child("MappingInformationType", "ByPolygon");
        materialLayer.child("ReferenceInformationType", "IndexToDirect");
        materialLayer.child("Materials", materials.ofTriangle());
        FbxNode layer = node.child("Layer", 0);
        layer.child("Version", 100);
        for (String element : List.of("LayerElementNormal", "LayerElementMaterial")) {
            FbxNode entry = layer.child("LayerElement");
            entry.child("Type", element);
            entry.child("TypedIndex", 0);
        }
        return geometry.id();
    }

    /** Connected to the model in the order of the list, so a material's position is its index. */
    private static long addMaterial(FbxScene scene, MeshMaterials.Material look) {
        SceneObject material = scene.add("Material", look.name(), "Material", "");
        material.node().child("Version", 102);
        material.node().child("ShadingModel", "lambert");
        material.node().child("MultiLayer", 0);
        material.node().add(new Properties70().color("DiffuseColor", Arrays.copyOf(look.rgba(), 3)).node());
        return material.id();
    }

    /**
     * The vertices a bone moves and their weights, with Transform = the inverse of the bone's
     * bind world matrix (times the mesh's, the identity) and TransformLink = the bone's.
     */
    private static long addCluster(FbxScene scene, String boneName, SkinnedMesh mesh, int joint, Vec3 bindPosition) {
        List<Integer> indexes = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int v = 0; v < mesh.vertexCount(); v++) {
            for (int k = 0; k < SkinnedMesh.INFLUENCES; k++) {
                if (mesh.joint(v, k) == joint && mesh.weight(v, k) > 0) {
                    indexes.add(v);
                    weights.add(mesh.weight(v, k));
                }
            }
        }
        SceneObject cluster = scene.add("Deformer", boneName, "SubDeformer", "Cluster");
        FbxNode node = cluster.node();
        node.child("Version", 100);
        node.child("UserData", "", "");
        node.child("Indexes", indexes.stream().mapToInt(Integer::intValue).toArray());
        node.child("Weights", weights.stream().mapToDouble(Double::doubleValue).toArray());
        node.child("Transform", BindPoseObject.translation(bindPosition.times(-1)));
        node.child("TransformLink", BindPoseObject.translation(bindPosition));
        return cluster.id();
    }

    private static double[] coordinates(Vec3[] vectors, double factor) {
        double[] out = new double[3 * vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            out[3 * i] = vectors[i].x() * factor;
            out[3 * i + 1] = vectors[i].y() * factor;
            out[3 * i + 2] = vectors[i].z() * factor;
        }
        return out;
    }

    private MeshObjects() {
    }
}
