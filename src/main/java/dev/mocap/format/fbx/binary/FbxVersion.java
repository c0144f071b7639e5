package dev.mocap.format.fbx.binary;

/** The binary FBX versions written: 7.4 with 32-bit record header fields, 7.5 with 64-bit ones. */
public enum FbxVersion {
    V7400(7400, 4),
    V7500(7500, 8);

    private final int number;
    private final int headerFieldSize;

    FbxVersion(int number, int headerFieldSize) {
        this.number = number;
        this.headerFieldSize = headerFieldSize;
    }

    /** The version as the file states it: 7400 or 7500. */
    public int number() {
        return number;
    }

    /** Bytes of each of a record's EndOffset, NumProperties and PropertyListLen fields. */
    int headerFieldSize() {
        return headerFieldSize;
    }

    /** A record header of zeros (three fields and the name length): ends a list of records. */
    int nullRecordLength() {
        return 3 * headerFieldSize + 1;
    }
}
