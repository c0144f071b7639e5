package dev.mocap.format.fbx.binary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the node records of a binary FBX 7.x file (FORMATS.md §1.1) into {@link FbxNode}s whose
 * property values are decoded (Short, Boolean, Integer, Float, Double, Long, String, byte[], and
 * primitive arrays). Lenient where readers customarily are (the footer is not checked), strict
 * about every length and offset, so that a damaged file is refused with one line naming what is
 * wrong and where, never a runaway allocation or recursion.
 */
public final class FbxBinaryReader {
    private static final byte[] MAGIC = "Kaydara FBX Binary  \0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int MAX_DEPTH = 64;
    /** zlib cannot inflate data by more than about 1032:1. */
    private static final long MAX_INFLATION = 1100;

    private final ByteBuffer in;
    private final boolean wide;

    private FbxBinaryReader(byte[] bytes, int version) {
        in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        wide = version >= 7500;
    }

    /** The top-level records of a binary FBX file. */
    public static List<FbxNode> read(byte[] bytes) throws IOException {
        if (!startsWith(bytes, MAGIC)) {
            throw new IOException(isAsciiFbx(bytes) ? "an ASCII FBX file; only binary FBX is read (export it again as binary FBX 7.x)"
                    : "not a binary FBX file (no 'Kaydara FBX Binary' header)");
        }
        if (bytes.length < 27) {
            throw new IOException("not a valid FBX file: truncated header");
        }
        int version = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(23);
        if (version < 7000 || version >= 8000) {
            throw new IOException("FBX version " + version + " is not supported (binary FBX 7.x is)");
        }
        FbxBinaryReader reader = new FbxBinaryReader(bytes, version);
        reader.in.position(27);
        try {
            return reader.readList(bytes.length, 0);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw new IOException("not a valid FBX file: truncated or damaged near byte " + reader.in.position(), e);
        }
    }

    /** A text FBX starts with a comment or its header record, possibly after a byte order mark. */
    private static boolean isAsciiFbx(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1).replace("\u00ef\u00bb\u00bf", "").stripLeading();
        return head.startsWith("; FBX") || head.startsWith("FBXHeaderExtension");
    }

    /** Records up to the NULL record that ends the list, or up to {@code end}. */
    private List<FbxNode> readList(long end, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw damaged("records nested more than " + MAX_DEPTH + " deep");
        }
        List<FbxNode> nodes = new ArrayList<>();
        while (in.position() < end) {
            FbxNode node = readRecord(end, depth);
            if (node == null) {
                break;
            }
            nodes.add(node);
        }
        return nodes;
    }

    private FbxNode readRecord(long limit, int depth) throws IOException {
        int start = in.position();
        if (limit - start < nullRecordLength()) {
            // Some writers end the top level without a NULL record, straight into the footer.
            in.position((int) limit);
            return null;
        }
        long end = field(), count = field(), listLength = field();
        int nameLength = in.get() & 0xFF;
        if (end == 0) {
            return null;
        }
        if (end <= start || end > limit) {
            throw damaged("record at byte " + start + " ends at " + end + ", outside " + start + ".." + limit);
        }
        String name = new String(bytes(nameLength, end), StandardCharsets.UTF_8);
        String shown = printable(name);
        if (listLength < 0 || listLength > end - in.position() || count < 0 || count > listLength) {
            throw damaged("record " + shown + " at byte " + start + " has a property list longer than the record");
        }
        long propertiesEnd = in.position() + listLength;
        Object[] values = new Object[(int) count];
        for (int i = 0; i < count; i++) {
            values[i] = readProperty(propertiesEnd);
        }
        if (in.position() != propertiesEnd) {
            throw damaged("record " + shown + " at byte " + start + ": its properties do not fill the stated length");
        }
        FbxNode node = new FbxNode(name, values);
        readList(end, depth + 1).forEach(node::add);
        in.position((int) end);
        return node;
    }

    /** A name from a file as a one-line message can show it: a damaged one may hold any bytes. */
    public static String printable(String name) {
        String clean = name.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }

    private int nullRecordLength() {
        return wide ? 25 : 13;
    }

    private long field() {
        return wide ? in.getLong() : Integer.toUnsignedLong(in.getInt());
    }

    private Object readProperty(long end) throws IOException {
        char type = (char) in.get();
        return switch (type) {
            case 'Y' -> in.getShort();
            case 'C' -> in.get() != 0;
            case 'I' -> in.getInt();
            case 'F' -> in.getFloat();
            case 'D' -> in.getDouble();
            case 'L' -> in.getLong();
            case 'S' -> new String(bytes(Integer.toUnsignedLong(in.getInt()), end), StandardCharsets.UTF_8);
            case 'R' -> bytes(Integer.toUnsignedLong(in.getInt()), end);
            case 'f', 'd', 'l', 'i', 'b' -> readArray(type, end);
            default -> throw damaged("unknown property type 0x" + Integer.toHexString(type & 0xFF) + " at byte " + (in.position() - 1));
        };
    }

    private Object readArray(char type, long end) throws IOException {
        long count = Integer.toUnsignedLong(in.getInt());
        int encoding = in.getInt();
        long length = Integer.toUnsignedLong(in.getInt());
        int at = in.position();
        byte[] payload = bytes(length, end);
        int elementSize = switch (type) {
            case 'd', 'l' -> 8;
            case 'b' -> 1;
            default -> 4;
        };
        long size = count * elementSize;
        byte[] raw = switch (encoding) {
            case 0 -> {
                if (size != length) {
                    throw damaged("array at byte " + at + " holds " + length + " bytes for " + count + " values");
                }
                yield payload;
            }
            case 1 -> {
                if (size > Math.min(Integer.MAX_VALUE - 8, length * MAX_INFLATION)) {
                    throw damaged("compressed array at byte " + at + " claims " + count + " values in " + length + " bytes");
                }
                yield inflate(payload, (int) size, at);
            }
            default -> throw damaged("unknown array encoding " + encoding + " at byte " + at);
        };
        return values(type, raw, (int) count);
    }

    /** {@code n} values of array type f, d, l, i or b from their little-endian bytes (also what the tests' strict reader decodes with). */
    static Object values(char type, byte[] raw, int n) {
        ByteBuffer values = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        return switch (type) {
            case 'f' -> {
                float[] a = new float[n];
                values.asFloatBuffer().get(a);
                yield a;
            }
            case 'd' -> {
                double[] a = new double[n];
                values.asDoubleBuffer().get(a);
                yield a;
            }
            case 'l' -> {
                long[] a = new long[n];
                values.asLongBuffer().get(a);
                yield a;
            }
            case 'i' -> {
                int[] a = new int[n];
                values.asIntBuffer().get(a);
                yield a;
            }
            default -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = raw[i] != 0;
                }
                yield a;
            }
        };
    }

    private byte[] inflate(byte[] zlib, int size, int at) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(zlib);
            byte[] out = new byte[size];
            int filled = 0;
            while (filled < size) {
                int n = inflater.inflate(out, filled, size - filled);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary() || inflater.finished())) {
                    break;
                }
                filled += n;
            }
            if (filled != size) {
                throw damaged("compressed array at byte " + at + " inflates to " + filled + " of its " + size + " bytes");
            }
            return out;
        } catch (DataFormatException e) {
            throw damaged("compressed array at byte " + at + " is not a valid zlib stream");
        } finally {
            inflater.end();
        }
    }

    private byte[] bytes(long count, long end) throws IOException {
        if (count < 0 || in.position() + count > end) {
            throw damaged("a value at byte " + in.position() + " runs " + count + " bytes past the end of its record");
        }
        byte[] b = new byte[(int) count];
        in.get(b);
        return b;
    }

    private static IOException damaged(String what) {
        return new IOException("not a valid FBX file: " + what);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
