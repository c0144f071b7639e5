package dev.mocap.retarget;

import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.mocap.body.Smpl24.*;

/**
 * The rigs the tool defines itself, by the bone names of Mixamo, Unity's Humanoid avatar and the
 * UE5 mannequin (BODY.md §7), all on one T-posed body of the project's own proportions (1.75 m,
 * feet on y = 0, facing +Z) with world-aligned rest frames, which is what BVH and FBX files
 * without PreRotation carry. No third-party asset is involved. Their bone maps come from
 * {@link AutoBoneMap}, so they double as a check of it.
 */
public final class BuiltInRigs {
    public static final List<String> NAMES = List.of("mixamo", "unity-humanoid", "ue5-mannequin");

    /** Joint positions of the T-pose, SMPL-24 order (the left side; right mirrors x). */
    private static final Vec3[] T_POSE = new Vec3[COUNT];

    static {
        T_POSE[PELVIS] = new Vec3(0, 0.95, 0);
        T_POSE[LEFT_HIP] = new Vec3(0.09, 0.87, 0);
        T_POSE[LEFT_KNEE] = new Vec3(0.10, 0.48, 0.01);
        T_POSE[LEFT_ANKLE] = new Vec3(0.10, 0.08, -0.02);
        T_POSE[LEFT_FOOT] = new Vec3(0.11, 0.02, 0.12);
        T_POSE[SPINE1] = new Vec3(0, 1.06, -0.01);
        T_POSE[SPINE2] = new Vec3(0, 1.19, 0);
        T_POSE[SPINE3] = new Vec3(0, 1.26, 0.01);
        T_POSE[NECK] = new Vec3(0, 1.47, -0.01);
        T_POSE[HEAD] = new Vec3(0, 1.57, 0.02);
        T_POSE[LEFT_COLLAR] = new Vec3(0.07, 1.38, 0);
        T_POSE[LEFT_SHOULDER] = new Vec3(0.18, 1.41, -0.01);
        T_POSE[LEFT_ELBOW] = new Vec3(0.45, 1.41, -0.02);
        T_POSE[LEFT_WRIST] = new Vec3(0.70, 1.41, -0.01);
        for (int joint : new int[]{LEFT_HIP, LEFT_KNEE, LEFT_ANKLE, LEFT_FOOT, LEFT_COLLAR, LEFT_SHOULDER, LEFT_ELBOW, LEFT_WRIST}) {
            Vec3 p = T_POSE[joint];
            T_POSE[mirror(joint)] = new Vec3(-p.x(), p.y(), p.z());
        }
    }

    /**
     * How a flavour names the body: an optional root bone at the floor, the pelvis, the spine
     * and neck chains (any length), the head, and per side the limb bones in the order hip, knee,
     * ankle, ball, collar, shoulder, elbow, wrist as formats of the side word.
     */
    private record Naming(String root, String pelvis, List<String> spine, List<String> neck, String head,
                          List<String> limbs, String left, String right) {
    }

    private static final List<Integer> LIMB_ORDER = List.of(LEFT_HIP, LEFT_KNEE, LEFT_ANKLE, LEFT_FOOT, LEFT_COLLAR, LEFT_SHOULDER,
            LEFT_ELBOW, LEFT_WRIST);

    private static final Map<String, Naming> NAMINGS = Map.of(
            "mixamo", new Naming(null, "mixamorig:Hips", List.of("mixamorig:Spine", "mixamorig:Spine1", "mixamorig:Spine2"),
                    List.of("mixamorig:Neck"), "mixamorig:Head",
                    List.of("mixamorig:%sUpLeg", "mixamorig:%sLeg", "mixamorig:%sFoot", "mixamorig:%sToeBase", "mixamorig:%sShoulder",
                            "mixamorig:%sArm", "mixamorig:%sForeArm", "mixamorig:%sHand"), "Left", "Right"),
            "unity-humanoid", new Naming(null, "Hips", List.of("Spine", "Chest", "UpperChest"), List.of("Neck"), "Head",
                    List.of("%sUpperLeg", "%sLowerLeg", "%sFoot", "%sToes", "%sShoulder", "%sUpperArm", "%sLowerArm", "%sHand"), "Left", "Right"),
            "ue5-mannequin", new Naming("root", "pelvis", List.of("spine_01", "spine_02", "spine_03", "spine_04", "spine_05"),
                    List.of("neck_01", "neck_02"), "head",
                    List.of("thigh_%s", "calf_%s", "foot_%s", "ball_%s", "clavicle_%s", "upperarm_%s", "lowerarm_%s", "hand_%s"), "l", "r"));

    /** The built-in rig of that name (one of {@link #NAMES}). */
    public static Rig get(String name) {
        Naming naming = NAMINGS.get(name.toLowerCase(Locale.ROOT));
        if (naming == null) {
            throw new IllegalArgumentException("no built-in rig '" + name + "' (built in: " + String.join(", ", NAMES) + ")");
        }
        Builder b = new Builder();
        int root = naming.root() == null ? -1 : b.add(naming.root(), -1, new Vec3(0, 0, 0));
        int pelvis = b.add(naming.pelvis(), root, T_POSE[PELVIS]);
        for (String side : List.of(naming.left(), naming.right())) {
            int parent = pelvis;
            for (int i = 0; i < 4; i++) {
                parent = b.add(String.format(naming.limbs().get(i), side), parent, position(LIMB_ORDER.get(i), side.equals(naming.right())));
            }
        }
        int chest = pelvis;
        int n = naming.spine().size();
        for (int i = 0; i < n; i++) {
            chest = b.add(naming.spine().get(i), chest, spinePoint(n == 1 ? 3 : 1 + 2.0 * i / (n - 1)));
        }
        int neck = chest;
        for (int i = 0; i < naming.neck().size(); i++) {
            neck = b.add(naming.neck().get(i), neck, T_POSE[NECK].lerp(T_POSE[HEAD], (double) i / naming.neck().size()));
        }
        b.add(naming.head(), neck, T_POSE[HEAD]);
        for (String side : List.of(naming.left(), naming.right())) {
            int parent = chest;
            for (int i = 4; i < 8; i++) {
                parent = b.add(String.format(naming.limbs().get(i), side), parent, position(LIMB_ORDER.get(i), side.equals(naming.right())));
            }
        }
        return b.rig(name);
    }

    private static Vec3 position(int leftJoint, boolean right) {
        return T_POSE[right ? mirror(leftJoint) : leftJoint];
    }

    /** The point at u ∈ [1, 3] along spine1 → spine2 → spine3. */
    private static Vec3 spinePoint(double u) {
        return u <= 2 ? T_POSE[SPINE1].lerp(T_POSE[SPINE2], u - 1) : T_POSE[SPINE2].lerp(T_POSE[SPINE3], u - 2);
    }

    /** Collects bones with world positions; rest frames stay world-aligned. */
    private static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<Integer> parents = new ArrayList<>();
        private final List<Vec3> positions = new ArrayList<>();

        int add(String name, int parent, Vec3 position) {
            names.add(name);
            parents.add(parent);
            positions.add(position);
            return names.size() - 1;
        }

        Rig rig(String name) {
            int[] parentArray = parents.stream().mapToInt(Integer::intValue).toArray();
            Vec3[] translations = new Vec3[names.size()];
            for (int b = 0; b < translations.length; b++) {
                translations[b] = parentArray[b] < 0 ? positions.get(b) : positions.get(b).minus(positions.get(parentArray[b]));
            }
            Quat[] rotations = new Quat[names.size()];
            Arrays.fill(rotations, Quat.IDENTITY);
            return new Rig(name, names, parentArray, translations, rotations, AutoBoneMap.find(names, parentArray, Map.of()));
        }
    }

    private BuiltInRigs() {
    }
}
