package dev.mocap.format.fbx.binary;

import java.util.HexFormat;
import java.util.List;

/**
 * The file identity the FBX SDK cross-checks: the top-level {@code FileId} and
 * {@code CreationTime} records and the id at the start of the footer. Any mismatch makes the SDK
 * load an empty scene without reporting an error, so the three are kept together here, set to
 * one known-good combination (the one Blender's exporter writes).
 */
public final class FbxFileStamp {
    static final byte[] FOOTER_ID = HexFormat.of().parseHex("fabcab09d0c8d466b176fb831cf7267e");
    private static final byte[] FILE_ID = HexFormat.of().parseHex("28b32aebb624ccc2bfc8b02aa92bfcf1");
    private static final String CREATION_TIME = "1970-01-01 10:00:00:000";

    /** The top-level {@code FileId} and {@code CreationTime} records matching the footer. */
    public static List<FbxNode> records() {
        return List.of(new FbxNode("FileId", FILE_ID.clone()), new FbxNode("CreationTime", CREATION_TIME));
    }

    private FbxFileStamp() {
    }
}
