package dev.mocap.smpl;

import dev.mocap.AtomicFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * numpy's {@code .npz}: a ZIP archive (stored, as {@code np.savez} writes, or deflated, as
 * {@code np.savez_compressed} does) of one {@code KEY.npy} per array.
 */
public final class Npz {
    /** No entry of a file the tool reads comes near this; a larger one is refused rather than read into memory. */
    private static final long MAX_ENTRY_BYTES = 1L << 30;

    /** The arrays by key (the entry name without {@code .npy}), in file order; errors name the file. */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        return read(file, null);
    }

    /** Only the arrays of these keys (all when null); the others are not parsed (a model file's Python objects, arrays not needed). */
    public static Map<String, NpyArray> read(Path file, Set<String> keys) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": " + (Files.exists(file) ? "not a file" : "no such file"));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), keys == null ? key -> true : keys::contains);
        }
    }

    /** The arrays of an archive read from a stream; {@code name} begins each error message. */
    public static Map<String, NpyArray> read(InputStream in, String name) throws IOException {
        return read(in, name, key -> true);
    }

    private static Map<String, NpyArray> read(InputStream in, String name, Predicate<String> wanted) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        boolean anyEntry = false;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String key = entry.getName().endsWith(".npy") ? entry.getName().substring(0, entry.getName().length() - 4) : entry.getName();
                anyEntry |= !entry.isDirectory();
                if (entry.isDirectory() || !wanted.test(key)) {
                    continue;
                }
                byte[] bytes = readEntry(zip, name, entry.getName());
                try {
                    arrays.put(key, Npy.read(bytes));
                } catch (IOException e) {
                    throw new IOException(name + ": array '" + key + "': " + e.getMessage(), e);
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new IOException(name + ": not an .npz archive (unreadable ZIP: " + oneLine(e) + ")", e);
        } catch (IllegalArgumentException e) {
            // ZipInputStream's own complaint about an entry name that is not valid text
            throw new IOException(name + ": not an .npz archive (unreadable ZIP: " + oneLine(e) + ")", e);
        }
        if (!anyEntry) {
            throw new IOException(name + ": not an .npz archive (no ZIP entries in it)");
        }
        return arrays;
    }

    /** Writes the arrays (numbers as {@code <f8}, text as {@code <U…}) atomically, uncompressed as {@code np.savez} does. */
    public static void write(Path file, Map<String, NpyArray> arrays) {
        AtomicFiles.write(file, out -> write(out, arrays));
    }

    public static void write(OutputStream out, Map<String, NpyArray> arrays) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        arrays.forEach((key, array) -> entries.put(key, Npy.write(array, descr(array), false)));
        writeEntries(out, entries);
    }

    /** Writes ready-made {@code .npy} files, by key. */
    public static void writeEntries(OutputStream out, Map<String, byte[]> npyFiles) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, byte[]> e : npyFiles.entrySet()) {
            byte[] bytes = e.getValue();
            ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(bytes);
            zip.closeEntry();
        }
        zip.finish();
    }

    private static String descr(NpyArray array) {
        if (!array.isText()) {
            return "<f8";
        }
        int longest = 1;
        for (String s : array.text()) {
            longest = Math.max(longest, (int) s.codePoints().count());
        }
        return "<U" + longest;
    }

    private static byte[] readEntry(ZipInputStream zip, String name, String entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = zip.read(buffer)) > 0; ) {
            if (bytes.size() + n > MAX_ENTRY_BYTES) {
                throw new IOException(name + ": entry " + entry + " is larger than " + (MAX_ENTRY_BYTES >> 20) + " MiB");
            }
            bytes.write(buffer, 0, n);
        }
        return bytes.toByteArray();
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ");
    }

    private Npz() {
    }
}
