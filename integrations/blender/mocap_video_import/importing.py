"""Brings the tool's files into the scene: import, scene timing, action names, motion onto a user's rig."""

import builtins
import sys

import bpy


def debian_workarounds():
    """Blender 3.4 as packaged by Debian runs its bundled add-ons on Python 3.11 and numpy >= 1.24,
    which they predate: glTF import needs numpy.bool, BVH import opens files with mode 'rU'."""
    try:
        import numpy
        if not hasattr(numpy, "bool"):
            numpy.bool = bool
    except ImportError:
        pass
    if sys.version_info >= (3, 11):
        try:
            import io_anim_bvh.import_bvh as import_bvh
        except ImportError:
            return
        import_bvh.open = lambda file, mode="r", *args, **kwargs: builtins.open(file, mode.replace("U", ""), *args, **kwargs)


def set_scene_fps(scene, fps):
    scene.render.fps = max(1, round(fps))
    scene.render.fps_base = scene.render.fps / fps


def import_armature(context, path, fmt):
    """Imports one animation file (Y up, metres or centimetres with the unit declared: the importers'
    defaults convert to Blender's Z up and metres) at the scene's frame rate; returns the new armature
    and every object the import added."""
    scene = context.scene
    before = set(scene.objects)
    if fmt == "fbx":
        fps, fps_base = scene.render.fps, scene.render.fps_base
        bpy.ops.import_scene.fbx(filepath=path)
        scene.render.fps, scene.render.fps_base = fps, fps_base  # the file's rate is rounded; the sidecar's is exact
    elif fmt == "bvh":
        debian_workarounds()
        bpy.ops.import_anim.bvh(filepath=path, global_scale=1.0, update_scene_fps=False, update_scene_duration=False)
    else:
        debian_workarounds()
        bpy.ops.import_scene.gltf(filepath=path)
    added = [o for o in scene.objects if o not in before]
    armatures = [o for o in added if o.type == "ARMATURE"]
    if not armatures:
        raise RuntimeError("%s contains no armature" % path)
    return armatures[0], added


def remove_objects(objects):
    for o in objects:
        data = o.data
        bpy.data.objects.remove(o, do_unlink=True)
        if data is not None and data.users == 0:
            if isinstance(data, bpy.types.Armature):
                bpy.data.armatures.remove(data)
            elif isinstance(data, bpy.types.Mesh):
                bpy.data.meshes.remove(data)


def transfer_motion(scene, source, target, first_source_frame, frames, name):
    """Keys the source armature's motion on the target armature, which has the same bones (by name) in the
    same rest places, as a new action `name` starting at the scene's first frame. Each bone gets the
    source bone's world change from its rest pose, so differences in bone roll between the two rigs
    (the glTF round trip may re-orient bones) do not matter. Bones missing from the source keep their rest."""
    bones = _parents_first(target.data.bones)
    bases = {bone.name: [] for bone in bones}
    for f in range(frames):
        scene.frame_set(first_source_frame + f)
        poses = _target_poses(source, target, bones)
        for bone in bones:
            bases[bone.name].append(_local(bone, poses))
    previous = target.animation_data.action if target.animation_data else None
    if previous is not None:
        previous.use_fake_user = True  # the user's own action stays in the file
    target.animation_data_create()
    target.animation_data.action = bpy.data.actions.new(name)
    for bone in bones:
        pose_bone = target.pose.bones[bone.name]
        moves = bone.parent is None or any(m.to_translation().length > 1e-5 for m in bases[bone.name])
        for f, basis in enumerate(bases[bone.name]):
            _key_bone(pose_bone, basis, scene.frame_start + f, moves)
    return target.animation_data.action


def _parents_first(bones):
    order = []
    pending = [b for b in bones if b.parent is None]
    while pending:
        bone = pending.pop()
        order.append(bone)
        pending.extend(bone.children)
    return order


def _target_poses(source, target, bones):
    """Armature-space pose matrices of the target's bones at the current frame."""
    to_target = target.matrix_world.inverted() @ source.matrix_world
    poses = {}
    for bone in bones:
        src = source.pose.bones.get(bone.name)
        if src is not None:
            change = to_target @ src.matrix @ src.bone.matrix_local.inverted() @ to_target.inverted()
            poses[bone.name] = change @ bone.matrix_local
        elif bone.parent is not None:
            poses[bone.name] = poses[bone.parent.name] @ bone.parent.matrix_local.inverted() @ bone.matrix_local
        else:
            poses[bone.name] = bone.matrix_local.copy()
    return poses


def _local(bone, poses):
    """The bone's pose relative to its rest and its parent's pose (what pose bones are keyed in)."""
    if bone.parent is None:
        return bone.matrix_local.inverted() @ poses[bone.name]
    rest_in_parent = bone.parent.matrix_local.inverted() @ bone.matrix_local
    return rest_in_parent.inverted() @ poses[bone.parent.name].inverted() @ poses[bone.name]


def _key_bone(bone, basis, frame, key_location):
    location, rotation, _ = basis.decompose()
    group = bone.name
    if key_location:
        bone.location = location
        bone.keyframe_insert("location", frame=frame, group=group)
    if bone.rotation_mode == "QUATERNION":
        if rotation.dot(bone.rotation_quaternion) < 0:
            rotation.negate()  # the short way from the previous key
        bone.rotation_quaternion = rotation
        bone.keyframe_insert("rotation_quaternion", frame=frame, group=group)
    elif bone.rotation_mode == "AXIS_ANGLE":
        axis, angle = rotation.to_axis_angle()
        bone.rotation_axis_angle = (angle, axis.x, axis.y, axis.z)
        bone.keyframe_insert("rotation_axis_angle", frame=frame, group=group)
    else:
        bone.rotation_euler = rotation.to_euler(bone.rotation_mode, bone.rotation_euler)
        bone.keyframe_insert("rotation_euler", frame=frame, group=group)
