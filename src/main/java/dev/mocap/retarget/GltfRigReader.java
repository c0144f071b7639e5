package dev.mocap.retarget;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mocap.body.Quat;
import dev.mocap.body.Transform;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.gltf.GltfCharacter;
import dev.mocap.body.mesh.CharacterBody;
import de.javagl.jgltf.model.AccessorData;
import de.javagl.jgltf.model.AccessorFloatData;
import de.javagl.jgltf.model.AccessorModel;
import de.javagl.jgltf.model.GltfModel;
import de.javagl.jgltf.model.MeshModel;
import de.javagl.jgltf.model.MeshPrimitiveModel;
import de.javagl.jgltf.model.NodeModel;
import de.javagl.jgltf.model.SkinModel;
import de.javagl.jgltf.model.io.GltfModelReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The skeleton of a glTF/GLB/VRM character: the joints of its largest skin and the bones of its
 * VRM humanoid table (plus the nodes joining them into one tree), or without either the largest
 * tree of nodes without meshes, in their bind pose, in world coordinates (glTF: metres, Y up,
 * facing +Z; VRM 0.x characters, which face −Z, are turned around).
 * The bind pose is the node pose where every joint's node transform agrees with its inverse
 * bind matrix (the usual case, also with an armature node carrying a rotation and ×100 scale);
 * where they disagree, as in files saved in the middle of an animation, it comes from the
 * inverse bind matrices placed by the skinned mesh node.
 */
final class GltfRigReader {
    private static final double BIND_TOLERANCE = 1e-3;
    private static final double WEIGHT_SUM_TOLERANCE = 1e-2;
    private static final int MIN_BONES = 3;

    /**
     * The rig's bones, the SMPL joints the file declares for some (bone index → joint: VRM), where
     * the bones are in a GLB to copy (else null), and the mesh the skin deforms with its materials (null without one).
     */
    record Read(RigBones bones, Map<Integer, Integer> declared, GltfCharacter character, CharacterBody body) {
    }

    /** @throws IOException naming the problem when the file is not a readable glTF character */
    static Read read(Path file, List<String> warnings) throws IOException {
        try {
            return readModel(file, warnings);
        } catch (RuntimeException | StackOverflowError e) {
            // JGLTF reads what it can and fails later on what is missing or out of range; say so in words.
            throw new IOException("not a valid glTF file: " + problem(e), e);
        }
    }

    private static String problem(Throwable e) {
        if (e instanceof NullPointerException) {
            return "a required part is missing";
        }
        if (e instanceof IndexOutOfBoundsException) {
            return "an index refers to something the file does not have";
        }
        if (e instanceof ClassCastException) {
            return "a value has the wrong type";
        }
        if (e instanceof StackOverflowError) {
            return "its nodes nest without end";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** JGLTF's model of the file, its errors in words. */
    private static GltfModel load(Path file) throws IOException {
        try {
            return new GltfModelReader().read(file);
        } catch (JsonProcessingException e) {
            throw new IOException("not a valid glTF file: broken JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")", e);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("not a valid glTF file, damaged or truncated: " + e.getMessage(), e);
        }
    }

    private static Read readModel(Path file, List<String> warnings) throws IOException {
        GltfModel model = load(file);
        VrmHumanoid vrm = VrmHumanoid.of(model.getExtensions());
        List<NodeModel> all = model.getNodeModels();
        SkinModel skin = model.getSkinModels().stream().max(Comparator.comparingInt(s -> s.getJoints().size())).orElse(null);
        Set<NodeModel> joints = new LinkedHashSet<>();
        if (skin != null) {
            joints.addAll(skin.getJoints());
        }
        vrm.jointOfNode().keySet().stream().filter(n -> n < all.size()).forEach(n -> joints.add(all.get(n)));
        if (joints.isEmpty()) {
            joints.addAll(plainHierarchy(all));
        }
        if (joints.size() < MIN_BONES) {
            throw new IOException("no skeleton: no glTF skin, no VRM humanoid and no node hierarchy to animate (" + all.size() + " nodes)");
        }
        List<NodeModel> bones = treeOf(new ArrayList<>(joints));
        Transform[] world = skin != null ? bindPose(model, skin, bones, warnings) : nodeWorld(bones);
        checkWeights(model, warnings);
        List<String> names = new ArrayList<>();
        int[] parents = new int[bones.size()];
        int[] nodes = new int[bones.size()];
        Map<Integer, Integer> declared = new HashMap<>();
        for (int b = 0; b < bones.size(); b++) {
            NodeModel node = bones.get(b);
            nodes[b] = all.indexOf(node);
            names.add(node.getName() != null ? node.getName() : "node" + nodes[b]);
            parents[b] = bones.indexOf(node.getParent());
            Integer joint = vrm.jointOfNode().get(nodes[b]);
            if (joint != null) {
                declared.put(b, joint);
            }
        }
        NodeModel above = bones.get(0).getParent();
        Transform aboveTop = above == null ? Transform.IDENTITY : Transform.ofColumnMajor(above.computeGlobalTransform(null));
        if (vrm.facesMinusZ()) {
            // Turned to face +Z like every other character; the character file keeps its own axes.
            Transform turn = new Transform(Quat.axisAngle(Vec3.Y, Math.PI), Vec3.ZERO, 1);
            world = Arrays.stream(world).map(turn::times).toArray(Transform[]::new);
            aboveTop = turn.times(aboveTop);
        }
        CharacterBody body = skin == null ? null : GltfSkinnedMesh.of(model, bones, world);
        GltfCharacter character = isOneBufferGlb(file, model) ? new GltfCharacter(file, nodes, world, aboveTop) : null;
        return new Read(RigBones.ofWorld(names, parents, world), declared, character, body);
    }

    /**
     * Whether the file is binary glTF with its one buffer inside: what an animated copy of the
     * character can be written from (a .gltf with its buffers beside it gets the character's mesh
     * from {@link GltfSkinnedMesh} instead).
     */
    private static boolean isOneBufferGlb(Path file, GltfModel model) throws IOException {
        byte[] magic;
        try (InputStream in = Files.newInputStream(file)) {
            magic = in.readNBytes(4);
        }
        return new String(magic, StandardCharsets.ISO_8859_1).equals("glTF") && model.getBufferModels().size() == 1;
    }

    /**
     * A character without skin or VRM table: the largest tree of nodes that carry no mesh (meshes
     * hang from the bones of rigid-part characters).
     */
    private static List<NodeModel> plainHierarchy(List<NodeModel> all) {
        Map<NodeModel, List<NodeModel>> byRoot = new LinkedHashMap<>();
        for (NodeModel node : all) {
            if (node.getMeshModels().isEmpty()) {
                NodeModel root = node;
                for (int depth = 0; root.getParent() != null && depth < all.size(); depth++) {
                    root = root.getParent();
                }
                byRoot.computeIfAbsent(root, r -> new ArrayList<>()).add(node);
            }
        }
        return byRoot.values().stream().max(Comparator.comparingInt(List::size)).orElse(List.of());
    }

    private static Transform[] nodeWorld(List<NodeModel> bones) {
        return bones.stream().map(n -> Transform.ofColumnMajor(n.computeGlobalTransform(null))).toArray(Transform[]::new);
    }

    /** The joints and the nodes between them and their common ancestor, parents first. */
    private static List<NodeModel> treeOf(List<NodeModel> joints) {
        NodeModel top = joints.get(0);
        for (NodeModel joint : joints) {
            top = commonAncestor(top, joint);
        }
        Set<NodeModel> members = new HashSet<>();
        for (NodeModel joint : joints) {
            for (NodeModel n = joint; n != null && members.add(n) && n != top; n = n.getParent()) {
                // climbing to the common ancestor
            }
        }
        Set<NodeModel> ordered = new LinkedHashSet<>();
        collect(top, members, ordered);
        return new ArrayList<>(ordered);
    }

    private static void collect(NodeModel node, Set<NodeModel> members, Set<NodeModel> out) {
        if (members.contains(node)) {
            out.add(node);
            for (NodeModel child : node.getChildren()) {
                collect(child, members, out);
            }
        }
    }

    private static NodeModel commonAncestor(NodeModel a, NodeModel b) {
        Set<NodeModel> above = new HashSet<>();
        for (NodeModel n = a; n != null; n = n.getParent()) {
            above.add(n);
        }
        for (NodeModel n = b; n != null; n = n.getParent()) {
            if (above.contains(n)) {
                return n;
            }
        }
        throw new IllegalArgumentException("the skin's joints are not in one node tree");
    }

    private static Transform[] bindPose(GltfModel model, SkinModel skin, List<NodeModel> bones, List<String> warnings) {
        Transform[] world = nodeWorld(bones);
        if (skin.getInverseBindMatrices() == null) {
            return world;
        }
        List<NodeModel> joints = skin.getJoints();
        Transform[] inverseBind = new Transform[joints.size()];
        boolean nodePoseIsBind = true;
        for (int j = 0; j < joints.size(); j++) {
            inverseBind[j] = Transform.ofColumnMajor(skin.getInverseBindMatrix(j, null));
            Transform meshToWorld = world[bones.indexOf(joints.get(j))].times(inverseBind[j]);
            Transform first = world[bones.indexOf(joints.get(0))].times(inverseBind[0]);
            nodePoseIsBind &= meshToWorld.near(first, BIND_TOLERANCE);
        }
        if (nodePoseIsBind) {
            return world;
        }
        warnings.add("the stored node pose is not the bind pose; the rest pose comes from the inverse bind matrices");
        Transform mesh = model.getNodeModels().stream().filter(n -> n.getSkinModel() == skin).findFirst()
                .map(n -> Transform.ofColumnMajor(n.computeGlobalTransform(null))).orElse(Transform.IDENTITY);
        for (int j = 0; j < joints.size(); j++) {
            world[bones.indexOf(joints.get(j))] = mesh.times(inverseBind[j].inverse());
        }
        return world;
    }

    /** Warns about skin weights that are not numbers or do not add up to 1; the skeleton does not depend on them. */
    private static void checkWeights(GltfModel model, List<String> warnings) {
        for (MeshModel mesh : model.getMeshModels()) {
            for (MeshPrimitiveModel primitive : mesh.getMeshPrimitiveModels()) {
                AccessorModel weights = primitive.getAttributes().get("WEIGHTS_0");
                AccessorData data = weights == null ? null : weights.getAccessorData();
                if (!(data instanceof AccessorFloatData floats)) {
                    continue;
                }
                int notNumbers = 0, unnormalised = 0;
                for (int v = 0; v < floats.getNumElements(); v++) {
                    double sum = 0;
                    for (int c = 0; c < floats.getNumComponentsPerElement(); c++) {
                        float w = floats.get(v, c);
                        notNumbers += Float.isFinite(w) ? 0 : 1;
                        sum += w;
                    }
                    unnormalised += Double.isFinite(sum) && Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE ? 1 : 0;
                }
                if (notNumbers + unnormalised > 0) {
                    warnings.add(String.format(Locale.ROOT, "mesh %s: %d skin weights are not numbers, %d vertices' weights do not sum to 1",
                            mesh.getName(), notNumbers, unnormalised));
                }
            }
        }
    }

    private GltfRigReader() {
    }
}
