"""Reads the sidecar `NAME.mocap.json` (schema mocap.convert/1) that `mocap convert` writes (no bpy here)."""

import json
import os

SCHEMA = "mocap.convert/1"


class Segment:
    """One animation the tool wrote: a stretch of the video with the person in it."""

    def __init__(self, file, fps, frames, start_s):
        self.file = file
        self.fps = fps
        self.frames = frames
        self.start_s = start_s


def read(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if data.get("schema") != SCHEMA:
        raise ValueError("%s is not a %s sidecar (schema %r)" % (path, SCHEMA, data.get("schema")))
    return data


def segments(data, folder, extension):
    """Each segment's file of the given format (e.g. 'fbx'), in video order."""
    found = []
    for s in data["segments"]:
        files = [f for f in s["files"] if f.lower().endswith("." + extension)]
        if files:
            found.append(Segment(os.path.join(folder, files[0]), float(s["fps"]), int(s["frames"]), float(s["start_s"])))
    return found
