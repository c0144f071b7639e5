package dev.mocap.nn;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TarReaderTest {
    private final ByteArrayOutputStream tar = new ByteArrayOutputStream();

    private void entry(String name, String prefix, char type, byte[] data) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 124, String.format("%011o", data.length));
        header[156] = (byte) type;
        put(header, 257, "ustar");
        put(header, 263, "00");
        put(header, 345, prefix);
        tar.writeBytes(header);
        tar.writeBytes(data);
        tar.writeBytes(new byte[(512 - data.length % 512) % 512]);
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private TarReader reader() {
        tar.writeBytes(new byte[1024]);
        return new TarReader(new ByteArrayInputStream(tar.toByteArray()));
    }

    @Test
    void readsFilesAndSkipsDirectories() throws IOException {
        byte[] big = new byte[1300];
        big[1299] = 42;
        entry("package/", "", '5', new byte[0]);
        entry("package/a.txt", "", '0', "hello".getBytes(StandardCharsets.UTF_8));
        entry("package/big.bin", "", '0', big);
        TarReader reader = reader();

        TarReader.Entry a = reader.next();
        assertEquals(new TarReader.Entry("package/a.txt", 5), a);
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), reader.content());
        assertEquals(new TarReader.Entry("package/big.bin", 1300), reader.next());
        assertArrayEquals(big, reader.content());
        assertNull(reader.next());
    }

    @Test
    void skipsContentThatIsNotRead() throws IOException {
        entry("first", "", '0', new byte[700]);
        entry("second", "", '0', new byte[] {7});
        TarReader reader = reader();

        reader.next();
        assertEquals("second", reader.next().name());
        assertArrayEquals(new byte[] {7}, reader.content());
    }

    @Test
    void joinsTheUstarPrefix() throws IOException {
        entry("file.tflite", "package/models", '0', new byte[3]);

        assertEquals("package/models/file.tflite", reader().next().name());
    }

    /** Pax records are "LENGTH key=value\n", LENGTH counting the whole record. */
    @Test
    void takesTheNameFromAPaxHeader() throws IOException {
        String longName = "package/" + "x".repeat(120) + ".tflite";
        String record = "path=" + longName + "\n";
        String pax = (record.length() + 4) + " " + record;
        entry("PaxHeader/short", "", 'x', pax.getBytes(StandardCharsets.UTF_8));
        entry("short", "", '0', new byte[] {1, 2});
        TarReader reader = reader();

        assertEquals(new TarReader.Entry(longName, 2), reader.next());
        assertArrayEquals(new byte[] {1, 2}, reader.content());
        assertNull(reader.next());
    }

    @Test
    void takesTheNameFromAGnuLongNameEntry() throws IOException {
        String longName = "package/" + "y".repeat(150);
        entry("././@LongLink", "", 'L', (longName + "\0").getBytes(StandardCharsets.UTF_8));
        entry("truncated", "", '0', new byte[0]);

        assertEquals(longName, reader().next().name());
    }
}
