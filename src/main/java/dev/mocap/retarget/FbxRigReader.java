package dev.mocap.retarget;

import dev.mocap.body.Matrix4;
import dev.mocap.body.Quat;
import dev.mocap.body.Transform;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.fbx.binary.FbxBinaryReader;
import dev.mocap.format.fbx.binary.FbxNode;
import dev.mocap.body.mesh.CharacterBody;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The skeleton of a binary FBX 7.x character (Maya/Mixamo, Blender, FBX SDK exports): its
 * LimbNode bones (or, in a file without any, the bones its skin clusters link, or its largest tree
 * of Null nodes) and the nodes joining them, in their bind pose: each bone's world matrix from the
 * BindPose, else its skin cluster's TransformLink, else its parent's bind pose and its own local
 * transform (translation, rotation with PreRotation, PostRotation, offsets and pivots, scale),
 * composed for its InheritType ({@link FbxModel}).
 * The file's axis system (UpAxis, FrontAxis, CoordAxis and signs) and unit (UnitScaleFactor, in
 * cm) are converted to the project's Y-up metres, facing +Z. The mesh the skin deforms comes
 * with it ({@link FbxSkinnedMesh}).
 */
final class FbxRigReader {
    private static final List<String> BONE_TYPES = List.of("LimbNode", "Limb", "Root");
    /** Bind matrices whose axes are further from square than this (|cos|, about 0.06°) are sheared. */
    private static final double SHEAR_TOLERANCE = 1e-3;

    private final Map<Long, FbxModel> models = new LinkedHashMap<>();
    private final Map<Long, Long> parentOf = new HashMap<>();
    private final Map<Long, List<Long>> childrenOf = new HashMap<>();
    private final Map<Long, Matrix4> bindMatrices = new HashMap<>();
    private final Set<Long> clusterLinks = new LinkedHashSet<>();
    /** Skin cluster id → the bone it links. */
    private Map<Long, Long> clusterLinksFrom = Map.of();

    /** The rig's bones and the mesh its skin deforms, with its materials (null without one). */
    record Read(RigBones bones, CharacterBody body) {
    }

    static Read read(Path file, List<String> warnings) throws IOException {
        List<FbxNode> records = FbxBinaryReader.read(Files.readAllBytes(file));
        FbxNode objects = top(records, "Objects");
        FbxNode connections = top(records, "Connections");
        if (objects == null || connections == null) {
            throw new IOException("an FBX file without " + (objects == null ? "Objects" : "Connections") + ": nothing to read a skeleton from");
        }
        FbxRigReader reader = new FbxRigReader();
        reader.readModels(objects, modelTemplate(top(records, "Definitions")));
        reader.readConnections(connections);
        reader.readBindPose(objects);
        Map<String, List<Object>> settings = top(records, "GlobalSettings") == null ? Map.of() : properties70(top(records, "GlobalSettings"));
        Transform toOurs = new Transform(axes(settings), Vec3.ZERO, unitScale(settings, warnings) / 100);
        List<Long> tree = reader.skeletonTree();
        RigBones bones = reader.bones(tree, toOurs, warnings);
        Map<Long, Integer> boneIndex = new HashMap<>();
        for (int b = 0; b < tree.size(); b++) {
            boneIndex.put(tree.get(b), b);
        }
        Vec3 root = bones.translations()[0];
        return new Read(bones, FbxSkinnedMesh.of(objects, connections, boneIndex, toOurs, root));
    }

    private static FbxNode top(List<FbxNode> records, String name) {
        return records.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /** The default Model properties the file declares ({@code Definitions › ObjectType Model › PropertyTemplate}). */
    private static Map<String, List<Object>> modelTemplate(FbxNode definitions) {
        if (definitions != null) {
            for (FbxNode type : definitions.findAll("ObjectType")) {
                FbxNode template = type.find("PropertyTemplate");
                if ("Model".equals(type.value(0)) && template != null) {
                    return properties70(template);
                }
            }
        }
        return Map.of();
    }

    private static Map<String, List<Object>> properties70(FbxNode node) {
        Map<String, List<Object>> out = new HashMap<>();
        FbxNode list = node.find("Properties70");
        if (list != null) {
            for (FbxNode p : list.findAll("P")) {
                if (p.value(0) instanceof String name && p.properties().size() >= 4) {
                    out.put(name, p.properties().subList(4, p.properties().size()).stream().map(v -> v.value()).toList());
                }
            }
        }
        return out;
    }

    private void readModels(FbxNode objects, Map<String, List<Object>> template) {
        for (FbxNode model : objects.findAll("Model")) {
            if (model.value(0) instanceof Long id && model.value(1) instanceof String name && model.value(2) instanceof String type) {
                Map<String, List<Object>> properties = new HashMap<>(template);
                properties.putAll(properties70(model));
                models.put(id, new FbxModel(id, objectName(name), type, properties));
            }
        }
    }

    /** Binary FBX writes {@code Name\0\1Class}. */
    static String objectName(String raw) {
        int separator = raw.indexOf("\0\1");
        return separator >= 0 ? raw.substring(0, separator) : raw;
    }

    /** Object-object links: which node is whose child, and which bones skin clusters link. */
    private void readConnections(FbxNode connections) {
        Map<Long, Long> clusterBone = new HashMap<>();
        for (FbxNode c : connections.findAll("C")) {
            if ("OO".equals(c.value(0)) && c.value(1) instanceof Long child && c.value(2) instanceof Long parent && models.containsKey(child)) {
                if (models.containsKey(parent) && !parentOf.containsKey(child)) {
                    parentOf.put(child, parent);
                    childrenOf.computeIfAbsent(parent, k -> new ArrayList<>()).add(child);
                } else if (!models.containsKey(parent)) {
                    clusterBone.put(parent, child);
                }
            }
        }
        clusterLinksFrom = clusterBone;
    }

    /** Bind matrices: the BindPose's, and the TransformLink of each skin cluster where the pose has none. */
    private void readBindPose(FbxNode objects) {
        for (FbxNode pose : objects.findAll("Pose")) {
            if (!"BindPose".equals(pose.value(2))) {
                continue;
            }
            for (FbxNode poseNode : pose.findAll("PoseNode")) {
                FbxNode node = poseNode.find("Node"), matrix = poseNode.find("Matrix");
                if (node != null && node.value(0) instanceof Long id && matrix != null && matrix.value(0) instanceof double[] m && m.length == 16) {
                    bindMatrices.putIfAbsent(id, new Matrix4(m));
                }
            }
        }
        for (FbxNode deformer : objects.findAll("Deformer")) {
            Long bone = deformer.value(0) instanceof Long id ? clusterLinksFrom.get(id) : null;
            if (bone == null || !"Cluster".equals(deformer.value(2))) {
                continue;
            }
            clusterLinks.add(bone);
            FbxNode link = deformer.find("TransformLink");
            if (link != null && link.value(0) instanceof double[] m && m.length == 16) {
                bindMatrices.putIfAbsent(bone, new Matrix4(m));
            }
        }
    }

    private RigBones bones(List<Long> tree, Transform toOurs, List<String> warnings) throws IOException {
        Map<Long, Matrix4> world = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[] parents = new int[tree.size()];
        Transform[] rest = new Transform[tree.size()];
        int fromNodes = 0;
        List<String> sheared = new ArrayList<>();
        for (int b = 0; b < tree.size(); b++) {
            long id = tree.get(b);
            Matrix4 bind = bindMatrices.get(id);
            if (bind == null) {
                fromNodes++;
                bind = models.get(id).world(worldOfParent(id, world), models.get(parentOf.get(id)));
            }
            if (bind.shear() > SHEAR_TOLERANCE) {
                sheared.add(FbxBinaryReader.printable(models.get(id).name()));
            }
            world.put(id, bind);
            names.add(models.get(id).name());
            parents[b] = b == 0 ? -1 : tree.indexOf(parentOf.get(id));
            rest[b] = toOurs.times(bind.transform());
            if (!Double.isFinite(rest[b].translation().length()) || !Double.isFinite(rest[b].rotation().w())) {
                throw new IOException("bone " + FbxBinaryReader.printable(names.get(b)) + " has a transform that is not a number");
            }
        }
        if (fromNodes > 0 && fromNodes < tree.size()) {
            warnings.add(fromNodes + " of " + tree.size() + " bones have no bind matrix; their rest pose is the node pose under their parent");
        }
        if (!sheared.isEmpty()) {
            warnings.add("bones " + String.join(", ", sheared) + " are sheared in the bind pose (a non-uniform scale above a turned bone):"
                    + " their positions and the mesh are exact, their rest orientation is the nearest rotation");
        }
        return RigBones.ofWorld(names, parents, rest);
    }

    private Matrix4 worldOfParent(long id, Map<Long, Matrix4> world) throws IOException {
        Long parent = parentOf.get(id);
        if (parent == null) {
            return Matrix4.IDENTITY;
        }
        Matrix4 known = world.get(parent);
        if (known != null) {
            return known;
        }
        Matrix4 above = bindMatrices.get(parent);
        return above != null ? above : worldOfParentChain(parent);
    }

    /** The node pose of a node above the skeleton, from the scene root down. */
    private Matrix4 worldOfParentChain(long id) throws IOException {
        List<Long> chain = new ArrayList<>();
        for (Long n = id; n != null && chain.size() <= models.size(); n = parentOf.get(n)) {
            chain.add(0, n);
        }
        Matrix4 m = Matrix4.IDENTITY;
        for (long n : chain) {
            m = models.get(n).world(m, models.get(parentOf.get(n)));
        }
        return m;
    }

    /**
     * The bones and the nodes between them and their common ancestor, parents first. Bones are
     * LimbNodes, else the nodes skin clusters link, else Null nodes; where they form several trees,
     * the largest.
     */
    private List<Long> skeletonTree() throws IOException {
        Set<Long> bones = new LinkedHashSet<>();
        models.values().stream().filter(m -> BONE_TYPES.contains(m.type())).forEach(m -> bones.add(m.id()));
        bones.addAll(clusterLinks);
        if (bones.isEmpty()) {
            models.values().stream().filter(m -> m.type().equals("Null")).forEach(m -> bones.add(m.id()));
        }
        if (bones.isEmpty()) {
            throw new IOException("an FBX file without a skeleton (no LimbNode bones, skin clusters or Null nodes)");
        }
        Map<Long, List<Long>> byTop = new LinkedHashMap<>();
        for (long bone : bones) {
            List<Long> chain = ancestors(bone);
            byTop.computeIfAbsent(chain.get(chain.size() - 1), k -> new ArrayList<>()).add(bone);
        }
        List<Long> group = byTop.values().stream().max((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow();
        long top = group.get(0);
        for (long bone : group) {
            top = commonAncestor(top, bone);
        }
        Set<Long> members = new LinkedHashSet<>();
        for (long bone : group) {
            for (long n : ancestors(bone)) {
                members.add(n);
                if (n == top) {
                    break;
                }
            }
        }
        Set<Long> ordered = new LinkedHashSet<>();
        collect(top, members, ordered);
        return new ArrayList<>(ordered);
    }

    private void collect(long node, Set<Long> members, Set<Long> out) {
        List<Long> stack = new ArrayList<>(List.of(node));
        while (!stack.isEmpty()) {
            long n = stack.remove(stack.size() - 1);
            if (members.contains(n) && out.add(n)) {
                List<Long> children = childrenOf.getOrDefault(n, List.of());
                for (int i = children.size() - 1; i >= 0; i--) {
                    stack.add(children.get(i));
                }
            }
        }
    }

    /** The node and its ancestors, nearest first (a cycle in a damaged file stops the climb). */
    private List<Long> ancestors(long node) {
        List<Long> out = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (Long n = node; n != null && seen.add(n); n = parentOf.get(n)) {
            out.add(n);
        }
        return out;
    }

    private long commonAncestor(long a, long b) {
        List<Long> above = ancestors(a);
        for (long n : ancestors(b)) {
            if (above.contains(n)) {
                return n;
            }
        }
        return a;
    }

    /** The rotation taking the file's up axis to +Y, its front axis to +Z and its coordinate (right) axis to +X. */
    private static Quat axes(Map<String, List<Object>> settings) throws IOException {
        Vec3 up = axis(settings, "UpAxis", 1), front = axis(settings, "FrontAxis", 2), coord = axis(settings, "CoordAxis", 0);
        if (Math.abs(up.dot(front)) > 0.5 || Math.abs(up.dot(coord)) > 0.5 || Math.abs(front.dot(coord)) > 0.5) {
            throw new IOException("the FBX axis settings (UpAxis, FrontAxis, CoordAxis) do not name three different axes");
        }
        if (coord.cross(up).dot(front) < 0) {
            throw new IOException("a left-handed FBX axis system; export the character right-handed (as Maya, Blender and Unity's exporters do)");
        }
        // Rows: the file's coord, up and front axes become our X, Y and Z.
        return Quat.fromColumns(new Vec3(coord.x(), up.x(), front.x()), new Vec3(coord.y(), up.y(), front.y()),
                new Vec3(coord.z(), up.z(), front.z()));
    }

    private static Vec3 axis(Map<String, List<Object>> settings, String property, int fallback) {
        List<Object> index = settings.get(property), sign = settings.get(property + "Sign");
        int a = index == null || index.isEmpty() ? fallback : (int) FbxModel.number(index.get(0));
        double s = sign == null || sign.isEmpty() || FbxModel.number(sign.get(0)) >= 0 ? 1 : -1;
        return switch (a) {
            case 0 -> Vec3.X.times(s);
            case 2 -> Vec3.Z.times(s);
            default -> Vec3.Y.times(s);
        };
    }

    /** Centimetres per file unit. */
    private static double unitScale(Map<String, List<Object>> settings, List<String> warnings) {
        List<Object> unit = settings.get("UnitScaleFactor");
        double cm = unit == null || unit.isEmpty() ? 1 : FbxModel.number(unit.get(0));
        if (!(cm > 0) || !Double.isFinite(cm)) {
            warnings.add("UnitScaleFactor " + cm + " is not a length; read as centimetres");
            return 1;
        }
        return cm;
    }

    private FbxRigReader() {
    }
}
