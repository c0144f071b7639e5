package dev.mocap.smpl;

import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

import java.util.Locale;

/**
 * The world axes SMPL parameters are given in, and the turn that brings them to the tool's
 * (SMPL's own model frame: Y up, metres). The root's rotation and position are turned; the
 * other joints' rotations are relative to their parents and do not change.
 */
public enum SmplAxes {
    /** Y up, as SMPL's model frame, GVHMR's and WHAM's world, and the files this tool writes. */
    Y_UP("y-up", Quat.IDENTITY),
    /** Z up, as AMASS mocap: turned by −90° about X. */
    Z_UP("z-up", Quat.axisAngle(Vec3.X, -Math.PI / 2)),
    /** A camera's axes (OpenCV: x right, y down, z forward), as in-camera estimates: turned by 180° about X. */
    CAMERA("camera", Quat.axisAngle(Vec3.X, Math.PI));

    private final String cliName;
    private final Quat toYUp;

    SmplAxes(String cliName, Quat toYUp) {
        this.cliName = cliName;
        this.toYUp = toYUp;
    }

    public String cliName() {
        return cliName;
    }

    Quat toYUp() {
        return toYUp;
    }

    public static SmplAxes parse(String name) {
        for (SmplAxes a : values()) {
            if (a.cliName.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown axes '" + name.trim() + "' (use y-up, z-up or camera)");
    }
}
