package dev.mocap.retarget;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Motion;
import dev.mocap.body.Vec3;

import java.nio.file.Path;
import java.util.Map;

/**
 * What happens to a motion before it is written: retargeting onto a rig (none for the SMPL
 * skeleton), the output frame rate (0: unchanged) and the root-motion policy; {@code preset}
 * names where they came from. The source is any skeleton whose bones {@link AutoBoneMap} can
 * map: the recovered SMPL-24, or a BVH file.
 */
public record Retargeting(String preset, Rig rig, double fps, ExportPreset.RootMotion rootMotion) {
    public static final Retargeting NONE = new Retargeting(ExportPreset.SMPL, null, 0, ExportPreset.RootMotion.WORLD);

    /** A preset's target; a rig file it names is read with the preset's bone map. */
    public static Retargeting of(ExportPreset preset) {
        Rig rig = switch (preset.rig()) {
            case ExportPreset.SMPL -> null;
            default -> BuiltInRigs.NAMES.contains(preset.rig()) ? BuiltInRigs.get(preset.rig())
                    : RigFiles.load(Path.of(preset.rig()), preset.boneMap()).rig();
        };
        return new Retargeting(preset.name(), rig, preset.fps(), preset.rootMotion());
    }

    public Retargeting withRig(Rig newRig) {
        return new Retargeting(preset, newRig, fps, rootMotion);
    }

    public Motion apply(Motion source) {
        Motion out = source;
        if (rig != null) {
            BoneMap sourceMap = AutoBoneMap.find(source.skeleton().names(), source.skeleton().parents(), Map.of());
            if (!sourceMap.missingKeyJoints().isEmpty()) {
                throw new MocapException(ExitCode.BAD_INPUT, "cannot retarget: the motion's skeleton has no joint for "
                        + String.join(", ", sourceMap.missingKeyJoints()));
            }
            out = Retargeter.of(source, sourceMap, rig).motion();
        }
        if (fps > 0) {
            out = Resampling.toRate(out, fps);
        }
        return rootMotion == ExportPreset.RootMotion.IN_PLACE ? inPlace(out) : out;
    }

    /** The root keeps its height but not its travel over the floor. */
    private static Motion inPlace(Motion motion) {
        Vec3[] roots = new Vec3[motion.frameCount()];
        for (int f = 0; f < roots.length; f++) {
            roots[f] = new Vec3(0, motion.rootPositions()[f].y(), 0);
        }
        return new Motion(motion.skeleton(), motion.fps(), roots, motion.rotations(), motion.confidence(), motion.contacts());
    }
}
