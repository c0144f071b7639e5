package dev.mocap.retarget;

import dev.mocap.body.Quat;
import dev.mocap.body.Transform;
import dev.mocap.body.Vec3;

import java.util.List;

/** A rig's bones before they are mapped: names, parents (parents first) and local rest transforms. */
record RigBones(List<String> names, int[] parents, Vec3[] translations, Quat[] rotations) {

    /** From world rest transforms (their scale is dropped: positions are already in world units). */
    static RigBones ofWorld(List<String> names, int[] parents, Transform[] world) {
        Vec3[] translations = new Vec3[world.length];
        Quat[] rotations = new Quat[world.length];
        for (int b = 0; b < world.length; b++) {
            if (parents[b] < 0) {
                translations[b] = world[b].translation();
                rotations[b] = world[b].rotation();
            } else {
                Quat parentInverse = world[parents[b]].rotation().conjugate();
                translations[b] = parentInverse.rotate(world[b].translation().minus(world[parents[b]].translation()));
                rotations[b] = parentInverse.times(world[b].rotation()).normalized();
            }
        }
        return new RigBones(names, parents, translations, rotations);
    }

    /** The same bones with the whole rig turned about the world's origin. */
    RigBones turned(Quat turn) {
        Vec3[] t = translations.clone();
        Quat[] r = rotations.clone();
        t[0] = turn.rotate(t[0]);
        r[0] = turn.times(r[0]).normalized();
        return new RigBones(names, parents, t, r);
    }

    /** Each bone's rest position in world coordinates. */
    Vec3[] worldPositions() {
        return rig(names.toString(), BoneMap.none(names.size())).restWorldPositions();
    }

    Rig rig(String name, BoneMap map) {
        return new Rig(name, names, parents, translations, rotations, map);
    }
}
