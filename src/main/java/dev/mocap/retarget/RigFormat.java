package dev.mocap.retarget;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The kind of a character file, told by its first bytes rather than its extension. */
enum RigFormat {
    GLTF, FBX, BVH;

    private static final int HEAD = 64;

    /** @throws IOException saying what the file is when it is no character file the tool reads */
    static RigFormat of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).replace("\u00ef\u00bb\u00bf", "").stripLeading();
        if (text.startsWith("glTF") || text.startsWith("{")) {
            return GLTF;
        }
        if (text.startsWith("Kaydara FBX Binary")) {
            return FBX;
        }
        if (text.toUpperCase(Locale.ROOT).startsWith("HIERARCHY")) {
            return BVH;
        }
        if (text.startsWith("; FBX") || text.startsWith("FBXHeaderExtension")) {
            throw new IOException("an ASCII FBX file; only binary FBX is read (export it again as binary FBX 7.x)");
        }
        String what = media(head);
        throw new IOException((head.length == 0 ? "an empty file" : what != null ? what : "not a character file")
                + "; --rig takes a character: glTF/GLB, VRM, binary FBX or BVH");
    }

    /** What kind of video or image the bytes start, or null. */
    private static String media(byte[] b) {
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            return "a video (MP4/MOV)";
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0x1A && (b[1] & 0xFF) == 0x45 && (b[2] & 0xFF) == 0xDF && (b[3] & 0xFF) == 0xA3) {
            return "a video (Matroska/WebM)";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'A' && b[9] == 'V' && b[10] == 'I') {
            return "a video (AVI)";
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "an image (PNG)";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "an image (JPEG)";
        }
        return null;
    }
}
