package dev.mocap.format;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.mesh.CharacterBody;

import java.util.Locale;

/** Whether an exported animation carries a skinned body mesh ({@code --body auto|mannequin|none}). */
public enum BodyOption {
    /** The mannequin when the skeleton is the SMPL-24 one it is shaped from, else bones only. */
    AUTO,
    /** The project's mannequin ({@link dev.mocap.body.mesh.Mannequin}), skinned to the joints. */
    MANNEQUIN,
    /** Bones only. */
    NONE;

    /** From its name in any case, e.g. {@code mannequin}. */
    public static BodyOption parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown body '" + name.trim() + "' (available: auto, mannequin, none)");
        }
    }

    /** Whether a file of this skeleton gets the mannequin; refuses the mannequin for another skeleton. */
    public boolean meshFor(Skeleton skeleton) {
        boolean smpl = skeleton.names().equals(Smpl24.NAMES);
        if (this == MANNEQUIN && !smpl) {
            throw new MocapException(ExitCode.BAD_INPUT, "--body mannequin needs the SMPL-24 skeleton of a converted video;"
                    + " this motion's skeleton (" + skeleton.names().size() + " joints, first '" + skeleton.names().get(0)
                    + "') is written with bones only (use --body none or auto)");
        }
        return this == MANNEQUIN || this == AUTO && smpl;
    }

    /** Whether a file of this skeleton carries the user's character's own body (null: none): with {@code auto}, on the character's rig. */
    public boolean carries(CharacterBody character, Skeleton skeleton) {
        return this == AUTO && character != null && character.fits(skeleton);
    }
}
