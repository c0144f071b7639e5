"""Mocap: video to animation. Runs the mocap command-line tool on a video and imports the result."""

bl_info = {
    "name": "Mocap: video to animation",
    "author": "mocap",
    "version": (0, 1, 0),
    "blender": (3, 4, 0),
    "location": "File > Import > Video to animation (mocap)",
    "description": "Turn a video of a person into an animated armature, or animate your own rig from a video",
    "category": "Import-Export",
}

import bpy

from . import operators, preferences

_CLASSES = (preferences.MocapPreferences, operators.MOCAP_OT_import_video, operators.MOCAP_OT_retarget_video)


def _menu(self, context):
    self.layout.operator(operators.MOCAP_OT_import_video.bl_idname, text="Video to animation (mocap)")
    self.layout.operator(operators.MOCAP_OT_retarget_video.bl_idname, text="Video onto selected armature (mocap)")


def register():
    for c in _CLASSES:
        bpy.utils.register_class(c)
    bpy.types.TOPBAR_MT_file_import.append(_menu)


def unregister():
    bpy.types.TOPBAR_MT_file_import.remove(_menu)
    for c in reversed(_CLASSES):
        bpy.utils.unregister_class(c)
