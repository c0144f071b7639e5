package dev.mocap.retarget;

import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;

import java.util.List;

/**
 * A target skeleton as a character carries it: bone names, parents (parents first), and each
 * bone's rest transform relative to its parent, translation in metres and rotation (rig bones
 * have their own rest orientations: bone along local +Y, an artist's roll, an A- or T-pose),
 * the root's relative to the world (Y up, facing +Z). Plus the map from bones to SMPL-24 joints.
 */
public record Rig(String name, List<String> names, int[] parents, Vec3[] restTranslations, Quat[] restRotations, BoneMap map) {

    public Rig {
        names = List.copyOf(names);
        int n = names.size();
        if (parents.length != n || restTranslations.length != n || restRotations.length != n || map.bones().size() != n) {
            throw new IllegalArgumentException("rig " + name + ": names, parents, rest transforms and bone map differ in length");
        }
        for (int b = 0; b < n; b++) {
            if (b == 0 ? parents[b] != -1 : parents[b] < 0 || parents[b] >= b) {
                throw new IllegalArgumentException("rig " + name + ": bone " + names.get(b) + " must come after its parent; one root, first");
            }
        }
    }

    public int size() {
        return names.size();
    }

    public int parent(int bone) {
        return parents[bone];
    }

    public Rig withMap(BoneMap newMap) {
        return new Rig(name, names, parents, restTranslations, restRotations, newMap);
    }

    /** Each bone's rest orientation in world axes. */
    public Quat[] restWorldRotations() {
        Quat[] world = new Quat[size()];
        for (int b = 0; b < world.length; b++) {
            world[b] = b == 0 ? restRotations[0] : world[parents[b]].times(restRotations[b]);
        }
        return world;
    }

    /** Each bone's rest position in world coordinates. */
    public Vec3[] restWorldPositions() {
        Quat[] rotations = restWorldRotations();
        Vec3[] p = new Vec3[size()];
        for (int b = 0; b < p.length; b++) {
            p[b] = b == 0 ? restTranslations[0] : p[parents[b]].plus(rotations[parents[b]].rotate(restTranslations[b]));
        }
        return p;
    }

    /**
     * The rig in the project's convention (world-aligned rest frames, BVH-style): same names and
     * rest positions, so an A-posed character stays A-posed, but no rest rotations.
     */
    public Skeleton skeleton() {
        Vec3[] p = restWorldPositions();
        Vec3[] offsets = new Vec3[size()];
        for (int b = 0; b < offsets.length; b++) {
            offsets[b] = b == 0 ? Vec3.ZERO : p[b].minus(p[parents[b]]);
        }
        return new Skeleton(names, parents.clone(), offsets, new Vec3[size()]);
    }

    /**
     * Local rotations in the rig's own bone frames (what a glTF node or an FBX bone without
     * PreRotation carries) from local rotations of {@link #skeleton()}, which are relative to
     * world-aligned rest frames.
     */
    public Quat[] rigLocalRotations(Quat[] worldAlignedLocal) {
        Quat[] rest = restWorldRotations();
        Quat[] out = new Quat[size()];
        for (int b = 0; b < out.length; b++) {
            Quat parentRest = b == 0 ? Quat.IDENTITY : rest[parents[b]];
            out[b] = parentRest.conjugate().times(worldAlignedLocal[b]).times(rest[b]).normalized();
        }
        return out;
    }
}
