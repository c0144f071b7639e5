"""The two import operators: a video as a new animated armature, and a video onto the selected armature."""

import os
import shutil
import tempfile

import bpy
from bpy.props import BoolProperty, EnumProperty, StringProperty
from bpy.types import Operator
from bpy_extras.io_utils import ImportHelper

from . import cli, importing, preferences, sidecar

_VIDEO_GLOB = "*.mp4;*.mov;*.m4v;*.avi;*.mkv;*.webm;*.mpg;*.mpeg;*.wmv"
_SMOOTHING = [(n, n.capitalize(), d) for n, d in (
    ("default", "zero-phase Butterworth, 5 Hz"),
    ("light", "removes jitter only (Butterworth, 8 Hz)"),
    ("strong", "slow, calm motion (Gaussian, 0.06 s)"),
    ("none", "the motion as recovered"),
    ("savgol", "Savitzky-Golay, keeps peaks"),
    ("one-euro", "One-Euro filter (causal)"),
)]
_MODELS = [("full", "Full", "the default landmark model"),
           ("lite", "Lite", "fastest"),
           ("heavy", "Heavy", "slowest; best in side views")]
_FORMATS = [("fbx", "FBX", "binary FBX (with the mannequin body on the SMPL skeleton)"),
            ("bvh", "BVH", "skeleton only"),
            ("glb", "glTF (GLB)", "GLB (with the mannequin body on the SMPL skeleton)")]


def _presets(self, context):
    prefs = preferences.get(context)
    try:
        tool = cli.find_tool(prefs.tool_path)
    except cli.ToolMissing:
        return []
    return preferences.preset_items(tool, prefs.default_preset)


class _VideoJob:
    """What both operators share: the options, running the tool in the background, progress, errors."""

    filter_glob: StringProperty(default=_VIDEO_GLOB, options={"HIDDEN"})
    smooth: EnumProperty(name="Smoothing", items=_SMOOTHING, default="default")
    model: EnumProperty(name="Landmark model", items=_MODELS, default="full")
    person: StringProperty(name="Person", description="Which person to follow (empty: the most prominent one; "
                                                      "or a track id as 'mocap landmarks --overlay' draws them)")
    blocking: BoolProperty(name="Wait", description="Run in the foreground and return when done (scripts, tests)",
                           default=False, options={"HIDDEN", "SKIP_SAVE"})

    _run = None
    _timer = None

    def _launch(self, context, fmt, preset="", rig=None):
        """Starts the tool on the chosen video; `rig` is a function writing the character file to a path."""
        video = bpy.path.abspath(self.filepath)
        if not os.path.isfile(video):
            self.report({"ERROR"}, "No video file: %s" % video)
            return {"CANCELLED"}
        self._name = os.path.splitext(os.path.basename(video))[0]
        self._format = fmt
        self._folder = tempfile.mkdtemp(prefix="mocap-")
        try:
            tool = cli.find_tool(preferences.get(context).tool_path)
            rig_file = ""
            if rig is not None:
                rig_file = os.path.join(self._folder, "rig.glb")
                rig(rig_file)
            self._run = cli.Run(cli.convert_args(tool, video, os.path.join(self._folder, self._name), fmt, preset=preset,
                                                 smooth=self.smooth, model=self.model, person=self.person.strip(),
                                                 rig=rig_file))
        except (cli.ToolMissing, RuntimeError, OSError) as e:
            self._cleanup(context)
            self.report({"ERROR"}, str(e))
            return {"CANCELLED"}
        if self.blocking or context.window is None:
            self._run.wait()
            return self._finish(context)
        wm = context.window_manager
        self._timer = wm.event_timer_add(0.2, window=context.window)
        wm.modal_handler_add(self)
        wm.progress_begin(0, 100)
        self._show_progress(context)
        return {"RUNNING_MODAL"}

    def modal(self, context, event):
        if event.type == "ESC":
            self._run.cancel()
            self._cleanup(context)
            self.report({"WARNING"}, "mocap: cancelled")
            return {"CANCELLED"}
        if event.type != "TIMER":
            return {"PASS_THROUGH"}
        if self._run.finished:
            return self._finish(context)
        self._show_progress(context)
        return {"PASS_THROUGH"}

    def _show_progress(self, context):
        run = self._run
        if run.total and run.done >= run.total:
            text = "mocap: %s: recovering the motion..." % self._name
        elif run.total:
            text = "mocap: %s: frame %d/%d (%d%%)" % (self._name, run.done, run.total, 100 * run.fraction)
        else:
            text = "mocap: %s: starting..." % self._name
        context.workspace.status_text_set(text + "   (Esc cancels)")
        context.window_manager.progress_update(100 * run.fraction)

    def _finish(self, context):
        run = self._run
        try:
            if run.returncode != 0:
                self.report({"ERROR"}, run.error_line())
                return {"CANCELLED"}
            for warning in run.warnings():
                self.report({"WARNING"}, "mocap: " + warning)
            data = sidecar.read(os.path.join(self._folder, self._name + ".mocap.json"))
            segments = sidecar.segments(data, self._folder, self._format)
            if not segments:
                self.report({"ERROR"}, "mocap wrote no %s animation for %s" % (self._format.upper(), self._name))
                return {"CANCELLED"}
            importing.set_scene_fps(context.scene, segments[0].fps)
            message = self.bring_in(context, segments)
            if len(segments) > 1:
                message += " (the person was lost for a while: %d parts)" % len(segments)
            self.report({"INFO"}, message)
            return {"FINISHED"}
        except (OSError, ValueError, KeyError, RuntimeError) as e:
            self.report({"ERROR"}, "mocap: could not import the result: %s" % e)
            return {"CANCELLED"}
        finally:
            self._cleanup(context)

    def _part_name(self, index):
        return self._name if index == 0 else "%s.part%d" % (self._name, index + 1)

    def _cleanup(self, context):
        if self._timer is not None:
            context.window_manager.event_timer_remove(self._timer)
            context.window_manager.progress_end()
            context.workspace.status_text_set(None)
            self._timer = None
        shutil.rmtree(self._folder, ignore_errors=True)


class MOCAP_OT_import_video(_VideoJob, Operator, ImportHelper):
    """Turn a video of a person into an animated armature (runs the mocap tool)"""
    bl_idname = "import_anim.mocap_video"
    bl_label = "Video to animation (mocap)"
    bl_options = {"REGISTER", "UNDO"}

    filename_ext = ""
    preset: EnumProperty(name="Preset", description="Target skeleton and conventions (mocap presets)", items=_presets)
    output_format: EnumProperty(name="Format", items=_FORMATS, default="fbx")

    def invoke(self, context, event):
        self._use_default_preset(context)
        return ImportHelper.invoke(self, context, event)

    def execute(self, context):
        if not self.properties.is_property_set("preset"):
            self._use_default_preset(context)
        return self._launch(context, self.output_format, preset=self.preset)

    def _use_default_preset(self, context):
        default = preferences.get(context).default_preset
        if default in {item[0] for item in _presets(self, context)}:
            self.preset = default

    def bring_in(self, context, segments):
        scene = context.scene
        first, last = None, None
        for i, segment in enumerate(segments):
            armature, _ = importing.import_armature(context, segment.file, self._format)
            armature.name = self._part_name(i)
            action = armature.animation_data.action
            action.name = self._part_name(i)
            start = round(action.frame_range[0])
            first = start if first is None else min(first, start)
            last = max(last or start, start + segment.frames - 1)
        scene.frame_start, scene.frame_end = first, last
        scene.frame_set(first)
        return "mocap: imported %s: %d frames at %g fps" % (self._name, segments[0].frames, segments[0].fps)


class MOCAP_OT_retarget_video(_VideoJob, Operator, ImportHelper):
    """Animate the selected armature from a video of a person (the tool retargets onto this rig)"""
    bl_idname = "anim.mocap_retarget_video"
    bl_label = "Video onto selected armature (mocap)"
    bl_options = {"REGISTER", "UNDO"}

    filename_ext = ""

    @classmethod
    def poll(cls, context):
        return context.active_object is not None and context.active_object.type == "ARMATURE"

    def execute(self, context):
        self._target = context.active_object
        return self._launch(context, "glb", rig=lambda path: _export_rig(context, self._target, path))

    def bring_in(self, context, segments):
        # Later parts first: each transfer assigns its action and keeps the one before with a fake user,
        # so the first part ends up on the armature and the others stay in the file.
        for i in reversed(range(len(segments))):
            source, added = importing.import_armature(context, segments[i].file, "glb")
            try:
                first = round(source.animation_data.action.frame_range[0])
                importing.transfer_motion(context.scene, source, self._target, first, segments[i].frames,
                                          self._part_name(i))
            finally:
                importing.remove_objects(added)
        context.scene.frame_end = context.scene.frame_start + segments[0].frames - 1
        context.scene.frame_set(context.scene.frame_start)
        return "mocap: %s now plays %s: %d frames at %g fps" % (self._target.name, self._name, segments[0].frames,
                                                                  segments[0].fps)


def _export_rig(context, armature, path):
    """Writes the armature and the meshes it deforms as a GLB: the tool reads a character's skeleton from its skin."""
    meshes = [o for o in context.scene.objects if o.type == "MESH" and any(
        m.type == "ARMATURE" and m.object == armature for m in o.modifiers)]
    if not meshes:
        raise RuntimeError("%s deforms no mesh: the tool needs a skinned character (armature with its mesh)"
                           % armature.name)
    if context.mode != "OBJECT":
        bpy.ops.object.mode_set(mode="OBJECT")
    view_layer = context.view_layer
    selected, active = list(context.selected_objects), view_layer.objects.active
    for o in selected:
        o.select_set(False)
    try:
        for o in [armature] + meshes:
            o.select_set(True)
        importing.debian_workarounds()
        bpy.ops.export_scene.gltf(filepath=path, export_format="GLB", use_selection=True, export_animations=False)
    finally:
        for o in [armature] + meshes:
            o.select_set(False)
        for o in selected:
            o.select_set(True)
        view_layer.objects.active = active
