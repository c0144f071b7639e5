package dev.mocap.smpl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The .npy/.npz reader and writer, against themselves and against numpy. */
class NpzTest {
    @TempDir
    Path dir;

    /** 2×3 values that every dtype holds exactly (small, non-negative integers for the unsigned ones). */
    private static final double[] VALUES = {0, 1, 2, 3, 100, 127};
    private static final List<String> DTYPES = List.of("<f8", ">f8", "<f4", ">f4", "<i4", ">i4", "<i8", ">i8", "|u1", "|i1",
            "<u2", ">i2", "<u4", ">u8", "|b1");

    @Test
    void everyDtypeByteOrderAndMemoryOrderRoundTrips() throws IOException {
        NpyArray array = NpyArray.of(VALUES, 2, 3);
        for (String dtype : DTYPES) {
            for (boolean fortran : new boolean[]{false, true}) {
                NpyArray back = Npy.read(Npy.write(array, dtype, fortran));
                double[] expected = dtype.equals("|b1") ? new double[]{0, 1, 1, 1, 1, 1} : VALUES;
                assertArrayEquals(new int[]{2, 3}, back.shape(), dtype);
                assertArrayEquals(expected, back.numbers(), dtype + (fortran ? " Fortran" : " C"));
            }
        }
    }

    @Test
    void fortranOrderIsStoredColumnFirst() throws IOException {
        byte[] file = Npy.write(NpyArray.of(new double[]{1, 2, 3, 4, 5, 6}, 2, 3), "|u1", true);
        byte[] data = java.util.Arrays.copyOfRange(file, file.length - 6, file.length);
        assertArrayEquals(new byte[]{1, 4, 2, 5, 3, 6}, data);
        assertEquals(0, (file.length - 6) % 64, "data starts on a 64-byte boundary");
    }

    @Test
    void textScalarsAndArchivesRoundTrip() throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("gender", NpyArray.text("female"));
        arrays.put("rate", NpyArray.of(new double[]{120}));
        arrays.put("m", NpyArray.of(new double[]{1.5, -2.25, 3e-9, 4}, 2, 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npz.write(out, arrays);
        Map<String, NpyArray> back = Npz.read(new ByteArrayInputStream(out.toByteArray()), "x.npz");
        assertEquals(List.of("gender", "rate", "m"), List.copyOf(back.keySet()));
        assertEquals("female", back.get("gender").text()[0]);
        assertEquals(0, back.get("rate").shape().length);
        assertEquals(120, back.get("rate").scalar());
        assertArrayEquals(arrays.get("m").numbers(), back.get("m").numbers());
    }

    /** Files numpy writes (stored and deflated, every dtype, both orders) read as numpy sees them. */
    @Test
    void readsWhatNumpyWrites() throws IOException, InterruptedException {
        Path plain = dir.resolve("plain.npz"), compressed = dir.resolve("compressed.npz");
        Python.run("""
                import numpy as np
                v = np.array([[0, 1, 2], [3, 100, 127]])
                arrays = {}
                for i, dt in enumerate(%s):
                    arrays['c%%d' %% i] = np.ascontiguousarray(v.astype(dt))
                    arrays['f%%d' %% i] = np.asfortranarray(v.astype(dt))
                arrays['half'] = np.array([1.5, -0.25, 65504], dtype='<f2')
                arrays['scalar'] = np.array(29.97)
                arrays['gender'] = np.array('male')
                arrays['bytes'] = np.array([b'ab', b'c'])
                arrays['empty'] = np.zeros((0, 3))
                arrays['cube'] = np.asfortranarray(np.arange(24, dtype='>f8').reshape(2, 3, 4))
                np.savez('%s', **arrays)
                np.savez_compressed('%s', **arrays)
                """.formatted(pythonList(DTYPES), plain, compressed));
        for (Path file : List.of(plain, compressed)) {
            Map<String, NpyArray> a = Npz.read(file);
            for (int i = 0; i < DTYPES.size(); i++) {
                double[] expected = DTYPES.get(i).equals("|b1") ? new double[]{0, 1, 1, 1, 1, 1} : VALUES;
                assertArrayEquals(expected, a.get("c" + i).numbers(), DTYPES.get(i));
                assertArrayEquals(expected, a.get("f" + i).numbers(), DTYPES.get(i) + " Fortran");
            }
            assertArrayEquals(new double[]{1.5, -0.25, 65504}, a.get("half").numbers());
            assertEquals(29.97, a.get("scalar").scalar());
            assertEquals("male", a.get("gender").text()[0]);
            assertArrayEquals(new String[]{"ab", "c"}, a.get("bytes").text());
            assertArrayEquals(new int[]{0, 3}, a.get("empty").shape());
            for (int k = 0; k < 24; k++) {
                assertEquals(k, a.get("cube").at(k), "C order of a Fortran 3-D array");
            }
        }
    }

    /** numpy reads what the tool writes, with allow_pickle off. */
    @Test
    void numpyReadsWhatWeWrite() throws IOException, InterruptedException {
        Path file = dir.resolve("ours.npz");
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("poses", NpyArray.of(new double[]{0.1, -0.2, 0.3, 1e-12, 5, 6}, 2, 3));
        arrays.put("gender", NpyArray.text("neutral"));
        arrays.put("mocap_framerate", NpyArray.of(new double[]{30}));
        Npz.write(file, arrays);
        String out = Python.run("""
                import numpy as np
                d = np.load('%s', allow_pickle=False)
                print(sorted(d.files), d['poses'].dtype, d['poses'].shape, d['poses'][1, 1], str(d['gender']), float(d['mocap_framerate']))
                """.formatted(file));
        assertEquals("['gender', 'mocap_framerate', 'poses'] float64 (2, 3) 5.0 neutral 30.0", out.strip());
    }

    @Test
    void badFilesGiveOneLineErrors() {
        assertError("not an .npz archive", "this is not a zip".getBytes());
        assertError("no ZIP entries", zipOf(Map.of()));
        byte[] good = Npy.write(NpyArray.of(VALUES, 2, 3), "<f8", false);
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 8);
        assertError("array 'a': shape (2, 3) of <f8 needs 48 bytes, the data has 40", zipOf(Map.of("a", cut)));
        byte[] complex = new String(good, java.nio.charset.StandardCharsets.ISO_8859_1).replace("<f8", "<c8")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertError("unsupported dtype '<c8'", zipOf(Map.of("a", complex)));
        byte[] object = new String(good, java.nio.charset.StandardCharsets.ISO_8859_1).replace("'<f8',", "'|O',")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertError("Python objects", zipOf(Map.of("a", object)));
        assertError("no \\x93NUMPY signature", zipOf(Map.of("a", "plain text".getBytes())));
    }

    private static void assertError(String expected, byte[] file) {
        IOException e = assertThrows(IOException.class, () -> Npz.read(new ByteArrayInputStream(file), "bad.npz"));
        assertTrue(e.getMessage().startsWith("bad.npz: ") && e.getMessage().contains(expected) && !e.getMessage().contains("\n"),
                e.getMessage());
    }

    static byte[] zipOf(Map<String, byte[]> entries) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Npz.writeEntries(out, entries);
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String pythonList(List<String> values) {
        return "[" + String.join(", ", values.stream().map(v -> "'" + v + "'").toList()) + "]";
    }

    @Test
    void writesAtomically() throws IOException {
        Path file = dir.resolve("a.npz");
        Npz.write(file, Map.of("x", NpyArray.of(new double[]{1})));
        assertEquals(List.of(file), Files.list(dir).toList());
    }
}
