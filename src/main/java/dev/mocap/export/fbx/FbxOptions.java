package dev.mocap.export.fbx;

import dev.mocap.export.EulerOrder;
import dev.mocap.export.fbx.binary.FbxVersion;

/**
 * How a motion is written as FBX: file version, length unit, and the Euler order of the bones'
 * rotation curves (in product order: {@link EulerOrder#ZYX} is what FBX and Blender call "XYZ").
 */
public record FbxOptions(FbxVersion version, FbxUnit unit, EulerOrder rotationOrder) {
    /** FBX 7.4 (the most widely readable), centimetres, FBX's default rotation order "XYZ". */
    public static final FbxOptions DEFAULT = new FbxOptions(FbxVersion.V7400, FbxUnit.CENTIMETRE, EulerOrder.ZYX);

    public FbxOptions withVersion(FbxVersion newVersion) {
        return new FbxOptions(newVersion, unit, rotationOrder);
    }

    public FbxOptions withUnit(FbxUnit newUnit) {
        return new FbxOptions(version, newUnit, rotationOrder);
    }

    public FbxOptions withRotationOrder(EulerOrder newOrder) {
        return new FbxOptions(version, unit, newOrder);
    }
}
