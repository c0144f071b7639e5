package dev.mocap.format.fbx;

import dev.mocap.body.mesh.CharacterBody;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.BodyOption;
import dev.mocap.format.EulerOrder;
import dev.mocap.format.fbx.binary.FbxVersion;

/**
 * How a motion is written as FBX: file version, length unit, the Euler order of the bones'
 * rotation curves (in product order: {@link EulerOrder#ZYX} is what FBX and Blender call "XYZ"),
 * whether a skinned body mesh comes with the bones, {@code ownBody}, a mesh made for the motion's
 * skeleton (such as the user's SMPL body) to use in place of the mannequin, and
 * {@code character}, the user's character's own mesh and materials for files of that character's rig
 * (each null when there is none).
 */
public record FbxOptions(FbxVersion version, FbxUnit unit, EulerOrder rotationOrder, BodyOption body, SkinnedMesh ownBody,
                         CharacterBody character) {
    /** FBX 7.4 (the most widely readable), centimetres, FBX's default rotation order "XYZ", bones only. */
    public static final FbxOptions DEFAULT = new FbxOptions(FbxVersion.V7400, FbxUnit.CENTIMETRE, EulerOrder.ZYX, BodyOption.NONE,
            null, null);

    public FbxOptions withVersion(FbxVersion newVersion) {
        return new FbxOptions(newVersion, unit, rotationOrder, body, ownBody, character);
    }

    public FbxOptions withUnit(FbxUnit newUnit) {
        return new FbxOptions(version, newUnit, rotationOrder, body, ownBody, character);
    }

    public FbxOptions withRotationOrder(EulerOrder newOrder) {
        return new FbxOptions(version, unit, newOrder, body, ownBody, character);
    }

    public FbxOptions withBody(BodyOption newBody) {
        return new FbxOptions(version, unit, rotationOrder, newBody, ownBody, character);
    }

    public FbxOptions withOwnBody(SkinnedMesh mesh) {
        return new FbxOptions(version, unit, rotationOrder, body, mesh, character);
    }

    /** A user's character's own body, on its rig in the rig's rest pose, carried instead of the mannequin by files of that rig. */
    public FbxOptions withCharacter(CharacterBody newCharacter) {
        return new FbxOptions(version, unit, rotationOrder, body, ownBody, newCharacter);
    }
}
