package dev.mocap.format.fbx.binary;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FbxBinaryWriterTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] write(FbxVersion version, FbxNode... records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FbxBinaryWriter.write(version, List.of(records), out);
        return out.toByteArray();
    }

    private static byte[] hex(String spaced) {
        return HEX.parseHex(spaced.replace(" ", ""));
    }

    /** The bytes of a record's properties: after the 13-byte 7.4 header and the name. */
    private static byte[] propertyBytes(byte[] file, int nameLength) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int start = 27 + 13 + nameLength;
        return Arrays.copyOfRange(file, start, start + in.getInt(27 + 8));
    }

    /** A record "A" with one int32 property, byte by byte. */
    @Test
    void tinyFileByteForByte() throws IOException {
        byte[] expected = concat(
                "Kaydara FBX Binary  ".getBytes(), hex("00 1a 00 e81c0000"),
                // EndOffset 46, one property, 5 bytes of properties, name "A", I 1; no NULL record
                hex("2e000000 01000000 05000000 01 41 49 01000000"),
                new byte[13], // the NULL record ending the top-level list, ends at 59
                hex("fabcab09d0c8d466b176fb831cf7267e 00000000"), // footer id, 4 zeros: at 79
                new byte[1], // padding to 80
                hex("e81c0000"), new byte[120], hex("f85a8c6adef5d97eece90ce3758f290b"));
        assertArrayEquals(expected, write(FbxVersion.V7400, new FbxNode("A", 1)));
    }

    @Test
    void scalarAndStringProperties() throws IOException {
        byte[] file = write(FbxVersion.V7400, new FbxNode("P", (short) -2, true, 7, 1.5f, 2.0, 1L << 40, "ab", new byte[]{9}));
        assertArrayEquals(concat(
                hex("59 feff"), hex("43 01"), hex("49 07000000"), hex("46 0000c03f"), hex("44 0000000000000040"),
                hex("4c 0000000000010000"), hex("53 02000000 6162"), hex("52 01000000 09")), propertyBytes(file, 1));
    }

    @Test
    void smallArraysStayRaw() throws IOException {
        byte[] file = write(FbxVersion.V7400, new FbxNode("K", new int[]{1, -1}));
        // type i, count 2, encoding 0, 8 bytes, payload
        assertArrayEquals(hex("69 02000000 00000000 08000000 01000000 ffffffff"), propertyBytes(file, 1));
    }

    @Test
    void largeArraysAreZlibCompressedAndInflateBack() throws IOException {
        double[] values = IntStream.range(0, 1000).mapToDouble(i -> Math.sin(i * 0.01)).toArray();
        byte[] file = write(FbxVersion.V7400, new FbxNode("V", (Object) values));
        ByteBuffer property = ByteBuffer.wrap(propertyBytes(file, 1)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals('d', property.get());
        assertEquals(1000, property.getInt());
        assertEquals(1, property.getInt(), "encoding: zlib");
        byte[] compressed = new byte[property.getInt()];
        property.get(compressed);
        assertTrue(compressed.length < 8000);
        assertEquals(0x78, compressed[0] & 0xFF, "zlib header");
        ByteBuffer raw = ByteBuffer.allocate(8000).order(ByteOrder.LITTLE_ENDIAN);
        raw.asDoubleBuffer().put(values);
        assertArrayEquals(raw.array(), FbxTestReader.inflate(compressed));
        assertArrayEquals(values, (double[]) FbxTestReader.read(file).record("V").property(0));
    }

    @Test
    void everyArrayTypeRoundTrips() throws IOException {
        float[] f = {1.25f, -3};
        long[] l = IntStream.range(0, 100).mapToLong(i -> i * 1_539_538_600L).toArray();
        boolean[] b = {true, false, true};
        int[] i = IntStream.range(0, 300).toArray();
        double[] d = {Math.PI};
        List<Object> read = FbxTestReader.read(write(FbxVersion.V7400, new FbxNode("A", f, l, b, i, d))).record("A").properties();
        assertArrayEquals(f, (float[]) read.get(0));
        assertArrayEquals(l, (long[]) read.get(1));
        assertArrayEquals(b, (boolean[]) read.get(2));
        assertArrayEquals(i, (int[]) read.get(3));
        assertArrayEquals(d, (double[]) read.get(4));
    }

    /** Whatever the content's length, 1–16 bytes of padding put the footer's version on a 16-byte boundary. */
    @Test
    void footerPaddingAlignsTheVersion() throws IOException {
        Set<Integer> paddings = new TreeSet<>();
        for (int length = 0; length < 32; length++) {
            byte[] file = write(FbxVersion.V7400, new FbxNode("S", "x".repeat(length)));
            ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
            int footerId = in.getInt(27) + 13;
            int versionAt = file.length - 16 - 120 - 4;
            assertArrayEquals(hex("fabcab09d0c8d466b176fb831cf7267e"), Arrays.copyOfRange(file, footerId, footerId + 16));
            assertEquals(0, versionAt % 16, "version offset for content length " + length);
            assertEquals(7400, in.getInt(versionAt));
            paddings.add(versionAt - footerId - 16 - 4);
            FbxTestReader.read(file);
        }
        assertEquals(IntStream.rangeClosed(1, 16).boxed().toList(), List.copyOf(paddings), "a full 16 bytes when already aligned");
    }

    @Test
    void nestedRecordsEndWithANullRecordAndCarryAbsoluteEndOffsets() throws IOException {
        FbxNode parent = new FbxNode("P", 1);
        parent.child("C", 2);
        byte[] file = write(FbxVersion.V7400, parent);
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int child = 27 + 13 + 1 + 5;
        assertEquals(child + 13 + 1 + 5, in.getInt(child), "child EndOffset is absolute");
        int parentEnd = child + 19 + 13;
        assertEquals(parentEnd, in.getInt(27), "the parent's end includes the NULL record after its child");
        assertArrayEquals(new byte[13], Arrays.copyOfRange(file, parentEnd - 13, parentEnd));
    }

    @Test
    void recordsWithoutPropertiesOrMarkedAsScopesGetAnEmptyNestedList() throws IOException {
        byte[] file = write(FbxVersion.V7400, new FbxNode("R"), new FbxNode("L", 1L).withScope(), new FbxNode("N", 1L));
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(27 + 14 + 13, in.getInt(27), "References-like record: header, name, NULL record");
        int second = 27 + 27;
        assertEquals(second + 14 + 9 + 13, in.getInt(second), "scoped record ends with a NULL record");
        int third = second + 36;
        assertEquals(third + 14 + 9, in.getInt(third), "plain record has none");
    }

    @Test
    void version7500Uses64BitFieldsAnd25ByteNullRecords() throws IOException {
        FbxNode parent = new FbxNode("P", 1);
        parent.child("C", 2);
        byte[] file = write(FbxVersion.V7500, parent);
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(7500, in.getInt(23));
        int child = 27 + 25 + 1 + 5;
        assertEquals(child + 25 + 1 + 5, in.getLong(child));
        assertEquals(1, in.getLong(27 + 8), "NumProperties");
        assertEquals(5, in.getLong(27 + 16), "PropertyListLen");
        int parentEnd = child + 31 + 25;
        assertEquals(parentEnd, in.getLong(27));
        assertArrayEquals(new byte[25], Arrays.copyOfRange(file, parentEnd, parentEnd + 25), "top-level NULL record");
        FbxTestReader.FbxFile read = FbxTestReader.read(file);
        assertEquals(7500, read.version());
        assertEquals(2, read.record("P").child("C").property(0));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
