package dev.mocap.retarget;

import java.util.List;

/** A rig read from a file, and what was wrong with the file without stopping the read. */
public record LoadedRig(Rig rig, List<String> warnings) {
    public LoadedRig {
        warnings = List.copyOf(warnings);
    }
}
