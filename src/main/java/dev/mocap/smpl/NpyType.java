package dev.mocap.smpl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A numpy dtype string such as {@code <f8}, {@code >i4}, {@code |u1}, {@code |b1}, {@code <U7} or
 * {@code |S4}: byte order, kind and item size. Floats of 2, 4 and 8 bytes, signed and unsigned
 * integers of 1 to 8 bytes, booleans and fixed-length strings; not complex numbers, dates,
 * records or Python objects.
 */
record NpyType(ByteOrder order, char kind, int itemSize) {

    static NpyType parse(String descr) throws IOException {
        if (descr.length() >= 2 && descr.charAt(1) == 'O') {
            throw new IOException("holds Python objects (dtype '" + descr + "'), which are not read");
        }
        if (descr.length() < 3 || "<>|=".indexOf(descr.charAt(0)) < 0) {
            throw new IOException("unknown dtype '" + descr + "'");
        }
        char kind = descr.charAt(1);
        int size;
        try {
            size = Integer.parseInt(descr.substring(2));
        } catch (NumberFormatException e) {
            throw new IOException("unknown dtype '" + descr + "'");
        }
        boolean supported = switch (kind) {
            case 'f' -> size == 2 || size == 4 || size == 8;
            case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'b' -> size == 1;
            case 'U' -> size >= 0 && size <= 1 << 20;
            case 'S' -> size >= 0 && size <= 1 << 22;
            default -> false;
        };
        if (!supported) {
            throw new IOException("unsupported dtype '" + descr + "' (floats, integers, booleans and strings are read)");
        }
        return new NpyType(descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, kind, size);
    }

    boolean isText() {
        return kind == 'U' || kind == 'S';
    }

    /** Bytes per element ({@code U} stores 4-byte code points). */
    int bytes() {
        return kind == 'U' ? 4 * itemSize : itemSize;
    }

    String descr() {
        char prefix = itemSize == 1 && !isText() || kind == 'S' ? '|' : order == ByteOrder.BIG_ENDIAN ? '>' : '<';
        return "" + prefix + kind + itemSize;
    }

    double number(ByteBuffer data, int at) {
        return switch (kind) {
            case 'f' -> itemSize == 8 ? data.getDouble(at) : itemSize == 4 ? data.getFloat(at) : half(data.getShort(at));
            case 'b' -> data.get(at) != 0 ? 1 : 0;
            case 'i' -> switch (itemSize) {
                case 1 -> data.get(at);
                case 2 -> data.getShort(at);
                case 4 -> data.getInt(at);
                default -> data.getLong(at);
            };
            default -> switch (itemSize) {
                case 1 -> data.get(at) & 0xff;
                case 2 -> data.getShort(at) & 0xffff;
                case 4 -> data.getInt(at) & 0xffffffffL;
                default -> unsigned(data.getLong(at));
            };
        };
    }

    void putNumber(ByteBuffer data, double value) {
        switch (kind) {
            case 'f' -> {
                if (itemSize == 8) {
                    data.putDouble(value);
                } else if (itemSize == 4) {
                    data.putFloat((float) value);
                } else {
                    throw new IllegalArgumentException("float16 is read, not written");
                }
            }
            case 'b' -> data.put((byte) (value != 0 ? 1 : 0));
            default -> {
                long v = (long) value;
                switch (itemSize) {
                    case 1 -> data.put((byte) v);
                    case 2 -> data.putShort((short) v);
                    case 4 -> data.putInt((int) v);
                    default -> data.putLong(v);
                }
            }
        }
    }

    /** A string element: UTF-32 code points or bytes, trailing NULs removed as numpy does. */
    String text(ByteBuffer data, int at) throws IOException {
        StringBuilder s = new StringBuilder();
        if (kind == 'S') {
            byte[] raw = new byte[itemSize];
            data.get(at, raw);
            s.append(new String(raw, StandardCharsets.ISO_8859_1));
        } else {
            for (int i = 0; i < itemSize; i++) {
                int codePoint = data.getInt(at + 4 * i);
                if (!Character.isValidCodePoint(codePoint)) {
                    throw new IOException("invalid character " + Integer.toUnsignedString(codePoint) + " in a string");
                }
                s.appendCodePoint(codePoint);
            }
        }
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == 0) {
            end--;
        }
        return s.substring(0, end);
    }

    void putText(ByteBuffer data, String value) {
        int[] codePoints = value.codePoints().toArray();
        for (int i = 0; i < itemSize; i++) {
            int c = i < codePoints.length ? codePoints[i] : 0;
            if (kind == 'S') {
                data.put((byte) c);
            } else {
                data.putInt(c);
            }
        }
    }

    private static double half(short bits) {
        int sign = bits >> 15 & 1, exponent = bits >> 10 & 0x1f, mantissa = bits & 0x3ff;
        double magnitude = exponent == 0 ? mantissa * Math.pow(2, -24)
                : exponent == 31 ? (mantissa == 0 ? Double.POSITIVE_INFINITY : Double.NaN)
                : (1 + mantissa / 1024.0) * Math.pow(2, exponent - 15);
        return sign == 1 ? -magnitude : magnitude;
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
    }
}
