package dev.mocap.format.fbx.binary;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FbxBinaryReaderTest {

    private static byte[] write(FbxVersion version, FbxNode... records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FbxBinaryWriter.write(version, List.of(records), out);
        return out.toByteArray();
    }

    @Test
    void readsWhatTheWriterWrites() throws IOException {
        double[] big = new double[1000];
        for (int i = 0; i < big.length; i++) {
            big[i] = Math.sin(i);
        }
        for (FbxVersion version : FbxVersion.values()) {
            FbxNode root = new FbxNode("Objects");
            root.child("Model", 42L, "Hips\0\1Model", "LimbNode").child("Properties70").child("P", "Lcl Translation", "", "", "A", 1.0, 2.0, 3.0);
            root.child("Curve", big, new int[]{1, 2}, new float[]{0.5f}, new long[]{7}, new boolean[]{true, false}, (short) 3, true, 1.5f, new byte[]{9});
            List<FbxNode> read = FbxBinaryReader.read(write(version, root, new FbxNode("Empty")));
            assertEquals(List.of("Objects", "Empty"), read.stream().map(FbxNode::name).toList());
            FbxNode model = read.get(0).find("Model");
            assertEquals(42L, model.value(0));
            assertEquals("Hips\0\1Model", model.value(1));
            assertEquals(3.0, model.find("Properties70").find("P").value(6));
            FbxNode curve = read.get(0).find("Curve");
            assertArrayEquals(big, (double[]) curve.value(0));
            assertArrayEquals(new int[]{1, 2}, (int[]) curve.value(1));
            assertArrayEquals(new boolean[]{true, false}, (boolean[]) curve.value(4));
            assertEquals((short) 3, curve.value(5));
            assertArrayEquals(new byte[]{9}, (byte[]) curve.value(8));
        }
    }

    @Test
    void otherFilesAreNamed() {
        assertTrue(message("; FBX 7.4.0 project file\nFBXHeaderExtension:  {".getBytes(StandardCharsets.UTF_8)).contains("ASCII FBX"));
        assertTrue(message("glTF....".getBytes(StandardCharsets.UTF_8)).contains("not a binary FBX file"));
        byte[] old = header(6100);
        assertTrue(message(old).contains("FBX version 6100 is not supported"));
    }

    /** An array that claims two billion values in a few bytes is refused before anything is allocated for it. */
    @Test
    void impossibleArraysAreRefused() throws IOException {
        byte[] file = write(FbxVersion.V7400, new FbxNode("A", (Object) new double[]{1, 2}));
        ByteBuffer edit = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int count = 27 + 13 + 1 + 1;
        edit.putInt(count, Integer.MAX_VALUE);
        assertTrue(message(file).contains("holds 16 bytes for 2147483647 values"), message(file));
        edit.putInt(count, 2_000_000_000);
        edit.putInt(count + 4, 1);
        assertTrue(message(file).contains("compressed array"), message(file));
    }

    @Test
    void deepNestingIsRefused() throws IOException {
        FbxNode top = new FbxNode("N");
        FbxNode inner = top;
        for (int i = 0; i < 100; i++) {
            inner = inner.child("N", i);
        }
        assertTrue(message(write(FbxVersion.V7500, top)).contains("nested more than"));
    }

    private static byte[] header(int version) {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.put("Kaydara FBX Binary  \0\u001a\0".getBytes(StandardCharsets.ISO_8859_1));
        b.putInt(version);
        return b.array();
    }

    private static String message(byte[] bytes) {
        IOException e = assertThrows(IOException.class, () -> FbxBinaryReader.read(bytes));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }
}
