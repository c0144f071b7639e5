package dev.mocap.format.fbx;

/** The length unit of the numbers in the file, stated by GlobalSettings' UnitScaleFactor. */
public enum FbxUnit {
    /** The Maya/Mixamo convention: Unity and Blender import it at the right size by default. */
    CENTIMETRE(1),
    METRE(100);

    private final double unitScaleFactor;

    FbxUnit(double unitScaleFactor) {
        this.unitScaleFactor = unitScaleFactor;
    }

    /** The unit in centimetres, FBX's UnitScaleFactor. */
    double unitScaleFactor() {
        return unitScaleFactor;
    }

    /** File units in one metre. */
    double perMetre() {
        return 100 / unitScaleFactor;
    }
}
