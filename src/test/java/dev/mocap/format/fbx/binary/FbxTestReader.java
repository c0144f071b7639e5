package dev.mocap.format.fbx.binary;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A strict reader of binary FBX structure, for tests: it checks every record's end offset, the
 * NULL records and the footer, and returns the records with decoded property values (Short,
 * Boolean, Integer, Float, Double, Long, String, byte[], and primitive arrays for f d l i b).
 */
public final class FbxTestReader {
    private static final byte[] MAGIC = "Kaydara FBX Binary  \0\u001a\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] FOOTER_ID = HexFormat.of().parseHex("fabcab09d0c8d466b176fb831cf7267e");
    private static final byte[] FOOTER_MAGIC = HexFormat.of().parseHex("f85a8c6adef5d97eece90ce3758f290b");

    public record Node(String name, List<Object> properties, List<Node> children) {
        public Object property(int index) {
            return properties.get(index);
        }

        public List<Node> children(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }

        public Node child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has no " + childName));
        }

        /** The values of the {@code Properties70} entry {@code P name …}, after name, type, label and flags. */
        public List<Object> p(String propertyName) {
            return child("Properties70").children("P").stream().filter(p -> p.property(0).equals(propertyName))
                    .findFirst().map(p -> p.properties.subList(4, p.properties.size()))
                    .orElseThrow(() -> new AssertionError(name + " has no property " + propertyName));
        }
    }

    public record FbxFile(int version, List<Node> records) {
        public Node record(String name) {
            return records.stream().filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no top-level " + name));
        }
    }

    private final ByteBuffer in;
    private final boolean wide;

    private FbxTestReader(byte[] bytes) {
        in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        check(Arrays.equals(magic, MAGIC), "bad header magic");
        wide = in.getInt(23) >= 7500;
    }

    public static FbxFile read(byte[] bytes) {
        FbxTestReader reader = new FbxTestReader(bytes);
        int version = reader.in.getInt();
        List<Node> records = reader.readList();
        reader.checkFooter(version);
        return new FbxFile(version, records);
    }

    /** Records up to and including the NULL record that ends the list. */
    private List<Node> readList() {
        List<Node> nodes = new ArrayList<>();
        while (true) {
            Node node = readRecord();
            if (node == null) {
                return nodes;
            }
            nodes.add(node);
        }
    }

    private Node readRecord() {
        int start = in.position();
        long end = field(), count = field(), listLength = field();
        int nameLength = in.get() & 0xFF;
        if (end == 0) {
            check(count == 0 && listLength == 0 && nameLength == 0, "NULL record not all zero at " + start);
            return null;
        }
        byte[] name = new byte[nameLength];
        in.get(name);
        int propertiesStart = in.position();
        List<Object> properties = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            properties.add(readProperty());
        }
        check(in.position() - propertiesStart == listLength, "PropertyListLen wrong at " + start);
        List<Node> children = in.position() < end ? readList() : List.of();
        check(in.position() == end, "EndOffset wrong at " + start + ": " + end + " but content ends at " + in.position());
        return new Node(new String(name, StandardCharsets.UTF_8), properties, children);
    }

    private long field() {
        return wide ? in.getLong() : Integer.toUnsignedLong(in.getInt());
    }

    private Object readProperty() {
        char type = (char) in.get();
        return switch (type) {
            case 'Y' -> in.getShort();
            case 'C' -> in.get() != 0;
            case 'I' -> in.getInt();
            case 'F' -> in.getFloat();
            case 'D' -> in.getDouble();
            case 'L' -> in.getLong();
            case 'S' -> new String(bytes(in.getInt()), StandardCharsets.UTF_8);
            case 'R' -> bytes(in.getInt());
            case 'f', 'd', 'l', 'i', 'b' -> readArray(type);
            default -> throw new AssertionError("unknown property type " + type + " at " + (in.position() - 1));
        };
    }

    private Object readArray(char type) {
        int count = in.getInt(), encoding = in.getInt(), length = in.getInt();
        byte[] payload = bytes(length);
        check(encoding == 0 || encoding == 1, "unknown array encoding " + encoding);
        return FbxBinaryReader.values(type, encoding == 1 ? inflate(payload) : payload, count);
    }

    public static byte[] inflate(byte[] zlib) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(zlib);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                check(n > 0 || !inflater.needsInput(), "truncated zlib stream");
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new AssertionError("bad zlib stream", e);
        } finally {
            inflater.end();
        }
    }

    private void checkFooter(int version) {
        check(Arrays.equals(bytes(16), FOOTER_ID), "footer id differs from the known-good one");
        check(Arrays.equals(bytes(4), new byte[4]), "no 4 zero bytes after the footer id");
        int padding = 16 - in.position() % 16;
        check(Arrays.equals(bytes(padding), new byte[padding]), "footer padding not zero");
        check(in.getInt() == version, "footer version differs");
        check(Arrays.equals(bytes(120), new byte[120]), "footer reserved bytes not zero");
        check(Arrays.equals(bytes(16), FOOTER_MAGIC), "bad footer magic");
        check(!in.hasRemaining(), "bytes after the footer");
    }

    private byte[] bytes(int count) {
        byte[] b = new byte[count];
        in.get(b);
        return b;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
