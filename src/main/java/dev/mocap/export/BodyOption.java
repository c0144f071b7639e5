package dev.mocap.export;

import java.util.Locale;

/** Whether an exported animation carries a skinned body mesh ({@code --body mannequin|none}). */
public enum BodyOption {
    /** The project's mannequin ({@link dev.mocap.body.mesh.Mannequin}), skinned to the joints. */
    MANNEQUIN,
    /** Bones only. */
    NONE;

    /** From its name in any case, e.g. {@code mannequin}. */
    public static BodyOption parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown body '" + name.trim() + "' (available: mannequin, none)");
        }
    }
}
