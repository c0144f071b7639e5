package dev.mocap.retarget;

import dev.mocap.body.Matrix4;
import dev.mocap.body.Transform;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.fbx.binary.FbxNode;
import dev.mocap.body.mesh.CharacterBody;
import dev.mocap.body.mesh.MeshMaterials;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * The geometries an FBX character's skin clusters deform, as one {@link SkinnedMesh} on the rig's
 * bones in the rig's rest pose (root joint at the origin, the project's axes and metres): each
 * geometry's control points placed by its clusters' bind matrices, polygons split into
 * fans of triangles, the clusters' weights on the bones they link, the four strongest kept.
 */
final class FbxSkinnedMesh {
    private final Map<Long, List<Long>> linkedTo = new HashMap<>();
    private final Map<Long, List<Long>> linkedFrom = new HashMap<>();
    private final Map<Long, FbxNode> objects = new HashMap<>();
    private final Map<Long, Integer> boneIndex;
    private final List<Vec3> positions = new ArrayList<>();
    private final List<Integer> triangles = new ArrayList<>();
    private final VertexWeights weights = new VertexWeights();
    private final TriangleMaterials materials = new TriangleMaterials();

    private FbxSkinnedMesh(Map<Long, Integer> boneIndex) {
        this.boneIndex = boneIndex;
    }

    /** The mesh and its materials, or null when no skin deforms triangles with the rig's bones. */
    static CharacterBody of(FbxNode objects, FbxNode connections, Map<Long, Integer> boneIndex, Transform toOurs, Vec3 root) {
        FbxSkinnedMesh m = new FbxSkinnedMesh(boneIndex);
        for (FbxNode object : objects.children()) {
            if (object.value(0) instanceof Long id) {
                m.objects.putIfAbsent(id, object);
            }
        }
        for (FbxNode c : connections.findAll("C")) {
            if ("OO".equals(c.value(0)) && c.value(1) instanceof Long child && c.value(2) instanceof Long parent) {
                m.linkedTo.computeIfAbsent(parent, k -> new ArrayList<>()).add(child);
                m.linkedFrom.computeIfAbsent(child, k -> new ArrayList<>()).add(parent);
            }
        }
        for (FbxNode object : objects.findAll("Geometry")) {
            if (object.value(0) instanceof Long id && "Mesh".equals(object.value(2))) {
                m.addGeometry(id, object, toOurs, root);
            }
        }
        return m.body();
    }

    private void addGeometry(long id, FbxNode geometry, Transform toOurs, Vec3 root) {
        FbxNode vertexList = geometry.find("Vertices"), polygonList = geometry.find("PolygonVertexIndex");
        if (vertexList == null || polygonList == null || !(vertexList.value(0) instanceof double[] points)
                || !(polygonList.value(0) instanceof int[] polygons)) {
            return;
        }
        List<FbxNode> clusters = new ArrayList<>();
        for (FbxNode skin : linked(id, "Skin")) {
            clusters.addAll(linked((Long) skin.value(0), "Cluster"));
        }
        Matrix4 meshToWorld = null;
        int n = points.length / 3, first = positions.size();
        VertexWeights found = new VertexWeights();
        for (FbxNode cluster : clusters) {
            Integer bone = boneOf((Long) cluster.value(0));
            FbxNode indexList = cluster.find("Indexes"), weightList = cluster.find("Weights");
            if (bone == null || indexList == null || weightList == null || !(indexList.value(0) instanceof int[] indexes)
                    || !(weightList.value(0) instanceof double[] w)) {
                continue;
            }
            if (meshToWorld == null) {
                meshToWorld = meshToWorld(cluster);
            }
            for (int i = 0; i < Math.min(indexes.length, w.length); i++) {
                if (indexes[i] >= 0 && indexes[i] < n) {
                    found.add(first + indexes[i], bone, w[i]);
                }
            }
        }
        if (meshToWorld == null) {
            return;
        }
        weights.addAll(found);
        for (int v = 0; v < n; v++) {
            positions.add(toOurs.apply(meshToWorld.apply(new Vec3(points[3 * v], points[3 * v + 1], points[3 * v + 2]))).minus(root));
        }
        addFans(polygons, first, n, polygonMaterials(id, geometry));
    }

    /**
     * Each polygon's material, from the geometry's first material layer (by polygon or the same
     * for all) and the Materials linked to the geometry's Model, in link order: what the layer's
     * indices count. Where the layer or the materials are missing, the plain material.
     */
    private IntUnaryOperator polygonMaterials(long geometry, FbxNode node) {
        List<FbxNode> linked = new ArrayList<>();
        for (long model : linkedFrom.getOrDefault(geometry, List.of())) {
            FbxNode object = objects.get(model);
            if (object != null && object.name().equals("Model")) {
                for (long child : linkedTo.getOrDefault(model, List.of())) {
                    FbxNode material = objects.get(child);
                    if (material != null && material.name().equals("Material")) {
                        linked.add(material);
                    }
                }
            }
        }
        FbxNode layer = node.find("LayerElementMaterial");
        FbxNode indexList = layer == null ? null : layer.find("Materials");
        FbxNode mapping = layer == null ? null : layer.find("MappingInformationType");
        if (linked.isEmpty() || indexList == null || !(indexList.value(0) instanceof int[] indexes) || indexes.length == 0) {
            int plain = materials.plain();
            return polygon -> plain;
        }
        int[] global = linked.stream().mapToInt(m -> materials.material(m.value(0), material(m))).toArray();
        boolean allSame = mapping != null && "AllSame".equals(mapping.value(0));
        return polygon -> {
            int local = allSame ? indexes[0] : polygon < indexes.length ? indexes[polygon] : -1;
            return local >= 0 && local < global.length ? global[local] : materials.plain();
        };
    }

    /** A Material's name and its DiffuseColor (white without one), opaque. */
    private static MeshMaterials.Material material(FbxNode material) {
        double[] rgba = {1, 1, 1, 1};
        FbxNode properties = material.find("Properties70");
        for (FbxNode p : properties == null ? List.<FbxNode>of() : properties.findAll("P")) {
            if ("DiffuseColor".equals(p.value(0)) && p.properties().size() >= 7) {
                for (int c = 0; c < 3; c++) {
                    rgba[c] = p.value(4 + c) instanceof Number v && Double.isFinite(v.doubleValue()) ? Math.max(0, Math.min(1, v.doubleValue())) : 1;
                }
            }
        }
        return new MeshMaterials.Material(material.value(1) instanceof String name ? FbxRigReader.objectName(name) : "material", rgba);
    }

    /**
     * The geometry's bind placement from a cluster: its {@code Transform} takes the geometry into
     * the bone's bind frame, its {@code TransformLink} is the bone's bind world matrix (null where
     * either is missing).
     */
    private static Matrix4 meshToWorld(FbxNode cluster) {
        FbxNode transform = cluster.find("Transform"), link = cluster.find("TransformLink");
        if (transform != null && link != null && transform.value(0) instanceof double[] t && t.length == 16
                && link.value(0) instanceof double[] l && l.length == 16) {
            return new Matrix4(l).times(new Matrix4(t));
        }
        return null;
    }

    /**
     * Polygons end at a negative index (−index − 1); each becomes a fan of triangles around its
     * first corner, with the polygon's material.
     */
    private void addFans(int[] polygons, int first, int vertexCount, IntUnaryOperator materialOf) {
        List<Integer> polygon = new ArrayList<>();
        int count = 0;
        for (int raw : polygons) {
            int index = raw < 0 ? -raw - 1 : raw;
            if (index >= vertexCount) {
                polygon.clear();
                count += raw < 0 ? 1 : 0;
                continue;
            }
            polygon.add(index);
            if (raw < 0) {
                for (int k = 1; k + 1 < polygon.size(); k++) {
                    triangles.add(first + polygon.get(0));
                    triangles.add(first + polygon.get(k));
                    triangles.add(first + polygon.get(k + 1));
                    materials.addTriangle(materialOf.applyAsInt(count));
                }
                polygon.clear();
                count++;
            }
        }
    }

    /** The deformers of that type linked under an object. */
    private List<FbxNode> linked(long parent, String type) {
        List<FbxNode> out = new ArrayList<>();
        for (long child : linkedTo.getOrDefault(parent, List.of())) {
            FbxNode object = objects.get(child);
            if (object != null && object.name().equals("Deformer") && type.equals(object.value(2))) {
                out.add(object);
            }
        }
        return out;
    }

    private Integer boneOf(long cluster) {
        for (long child : linkedTo.getOrDefault(cluster, List.of())) {
            if (boneIndex.containsKey(child)) {
                return boneIndex.get(child);
            }
        }
        return null;
    }

    private CharacterBody body() {
        return triangles.isEmpty() ? null : new CharacterBody(weights.mesh(positions.toArray(Vec3[]::new),
                triangles.stream().mapToInt(Integer::intValue).toArray(), boneIndex.size()), materials.finish());
    }
}
