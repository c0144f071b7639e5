"""Add-on preferences: where the mocap launcher is, and the preset used unless the import says otherwise."""

import os

from bpy.props import StringProperty
from bpy.types import AddonPreferences

from . import cli


class MocapPreferences(AddonPreferences):
    bl_idname = __package__

    tool_path: StringProperty(
        name="mocap launcher",
        description="The mocap command (the 'mocap' script of a checkout, or an installed launcher); "
                    "empty: 'mocap' on the PATH",
        subtype="FILE_PATH",
    )
    default_preset: StringProperty(
        name="Default preset",
        description="Export preset used by 'Video to animation' (see: mocap presets), e.g. blender, mixamo, "
                    "unity-humanoid, or a preset .json file",
        default="blender",
    )

    def draw(self, context):
        self.layout.prop(self, "tool_path")
        self.layout.prop(self, "default_preset")


def get(context):
    return context.preferences.addons[__package__].preferences


_preset_items = {}


def preset_items(tool, default):
    """(identifier, name, description) for each preset the tool offers, and the default preset when it is a
    file. Blender needs the strings of dynamic enum items kept alive, hence the cache."""
    key = (tool, default)
    if key not in _preset_items:
        names = cli.preset_names(tool)
        if default.lower().endswith(".json") and default not in names:
            names.append(default)
        _preset_items[key] = [(n, os.path.basename(n), "export preset '%s'" % n) for n in names]
    return _preset_items[key]
