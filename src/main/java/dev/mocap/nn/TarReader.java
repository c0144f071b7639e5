package dev.mocap.nn;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the regular files of a tar stream (ustar, with pax and GNU long names), one entry at a
 * time: {@link #next()} moves to the next file, {@link #content()} reads the current one.
 */
final class TarReader {
    private static final int BLOCK = 512;

    record Entry(String name, long size) {
    }

    private final InputStream in;
    private long unread;
    private long padding;

    TarReader(InputStream in) {
        this.in = in;
    }

    /** The next regular file, or null at the end of the archive. */
    Entry next() throws IOException {
        String longName = null;
        while (true) {
            skipRest();
            byte[] header = new byte[BLOCK];
            if (!readHeader(header)) {
                return null;
            }
            long size = octal(header, 124, 12);
            unread = size;
            padding = (BLOCK - size % BLOCK) % BLOCK;
            char type = (char) header[156];
            if (type == 'x') {
                longName = paxPath(content());
            } else if (type == 'L') {
                longName = cString(content(), 0, (int) size);
            } else if (type == '0' || type == '\0') {
                String name = longName != null ? longName : ustarName(header);
                return new Entry(name, size);
            }
        }
    }

    /** The rest of the current entry's data. */
    byte[] content() throws IOException {
        byte[] data = in.readNBytes((int) unread);
        if (data.length != unread) {
            throw new EOFException("tar entry truncated");
        }
        unread = 0;
        return data;
    }

    /** Skips unread data of the current entry and the zero padding to the next 512-byte block. */
    private void skipRest() throws IOException {
        in.skipNBytes(unread + padding);
        unread = 0;
        padding = 0;
    }

    private boolean readHeader(byte[] header) throws IOException {
        int n = in.readNBytes(header, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new EOFException("tar header truncated");
        }
        for (byte b : header) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    private static String ustarName(byte[] header) {
        String name = cString(header, 0, 100);
        String prefix = cString(header, 345, 155);
        boolean ustar = cString(header, 257, 6).startsWith("ustar");
        return ustar && !prefix.isEmpty() ? prefix + "/" + name : name;
    }

    /** Extended header records are "LENGTH key=value\n", LENGTH counting the whole record. */
    private static String paxPath(byte[] records) {
        String path = null;
        int at = 0;
        while (at < records.length) {
            int space = at;
            while (records[space] != ' ') {
                space++;
            }
            int length = Integer.parseInt(new String(records, at, space - at, StandardCharsets.US_ASCII));
            String record = new String(records, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
            if (record.startsWith("path=")) {
                path = record.substring(5);
            }
            at += length;
        }
        return path;
    }

    private static long octal(byte[] header, int offset, int length) {
        String digits = cString(header, offset, length).trim();
        if ((header[offset] & 0x80) != 0) {
            throw new IllegalArgumentException("tar entries over 8 GiB are not supported");
        }
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }
}
