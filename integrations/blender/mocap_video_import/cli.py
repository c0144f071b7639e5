"""Runs the mocap command line in the background and follows what it prints (no bpy here)."""

import glob
import os
import re
import shutil
import subprocess
import threading

FORMATS = ("fbx", "bvh", "glb")
_PROGRESS = re.compile(r"^progress (\d+)/(\d+)$")
_WARNING = "mocap: warning: "


class ToolMissing(Exception):
    """The mocap launcher is neither where the preferences say nor on the PATH."""


def find_tool(configured):
    """The launcher to run: the configured path, else `mocap` on the PATH."""
    if configured:
        path = os.path.abspath(os.path.expanduser(configured))
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
        raise ToolMissing("mocap tool not found or not executable: %s (fix the path in the add-on's preferences)" % path)
    found = shutil.which("mocap")
    if found is None:
        raise ToolMissing("mocap tool not found: set its path in Preferences > Add-ons > Mocap: video to animation, "
                          "or put mocap on the PATH")
    return found


def preset_names(tool):
    """Preset names from the exporters folder beside the launcher (a source checkout), else from `mocap presets`."""
    files = sorted(glob.glob(os.path.join(os.path.dirname(tool), "exporters", "*.json")))
    if files:
        return [os.path.splitext(os.path.basename(f))[0] for f in files]
    try:
        listed = subprocess.run([tool, "presets"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [line.split()[0] for line in listed.stdout.splitlines() if line.startswith("  ") and line.strip()]


def convert_args(tool, video, output_base, fmt, preset="", smooth="", model="", person="", rig=""):
    """The `mocap convert` command line; empty options are left to the tool's defaults."""
    if fmt not in FORMATS:
        raise ValueError("format must be one of %s, not %r" % (", ".join(FORMATS), fmt))
    args = [tool, "convert", video, "-o", output_base, "--format", fmt, "--progress-lines", "--force"]
    for option, value in (("--preset", preset), ("--smooth", smooth), ("--model", model), ("--person", person),
                          ("--rig", rig)):
        if value:
            args += [option, value]
    return args


class Run:
    """One background run of the tool. Poll `finished` from a timer, or call `wait()`."""

    def __init__(self, args):
        self.args = args
        self.done = 0
        self.total = 0
        self.stdout = []
        self.stderr = []
        self._process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                         stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace")
        # Both pipes are drained on their own threads so that a chatty tool never blocks on a full pipe.
        self._readers = [threading.Thread(target=self._read, args=(self._process.stdout, self.stdout), daemon=True),
                         threading.Thread(target=self._read, args=(self._process.stderr, self.stderr), daemon=True)]
        for reader in self._readers:
            reader.start()

    def _read(self, stream, lines):
        for line in stream:
            line = line.rstrip("\r\n")
            match = _PROGRESS.match(line)
            if match:
                self.done, self.total = int(match.group(1)), int(match.group(2))
            else:
                lines.append(line)
        stream.close()

    @property
    def finished(self):
        if self._process.poll() is None:
            return False
        for reader in self._readers:
            reader.join()
        return True

    @property
    def returncode(self):
        return self._process.returncode

    @property
    def fraction(self):
        """Share of the video's frames analysed so far, 0..1."""
        return min(1.0, self.done / self.total) if self.total > 0 else 0.0

    def wait(self):
        self._process.wait()
        return self.finished

    def cancel(self):
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def warnings(self):
        return [line[len(_WARNING):] for line in self.stderr if line.startswith(_WARNING)]

    def error_line(self):
        """The tool's one error line (`mocap: error: ...`, a usage error, ...), else the exit status."""
        lines = [line for line in self.stderr if line.strip() and not line.startswith(_WARNING)]
        errors = [line for line in lines if line.startswith("mocap")]
        if errors:
            return errors[-1]
        if lines:
            return lines[-1]
        return "mocap exited with status %d" % self.returncode
