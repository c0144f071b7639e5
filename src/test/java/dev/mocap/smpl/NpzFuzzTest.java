package dev.mocap.smpl;

import dev.mocap.Fuzz;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A damaged .npz of SMPL parameters gives an IOException naming the file, never a crash, hang or out-of-memory. */
class NpzFuzzTest {

    @Test
    void damagedArchivesGiveAClearError() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        double[] poses = new double[3 * 72];
        for (int i = 0; i < poses.length; i++) {
            poses[i] = Math.sin(i) * 0.5;
        }
        entries.put("poses", Npy.write(NpyArray.of(poses, 3, 72), "<f4", false));
        entries.put("trans", Npy.write(NpyArray.of(new double[9], 3, 3), ">f8", true));
        entries.put("betas", Npy.write(NpyArray.of(new double[10], 10), "<f8", false));
        entries.put("gender", Npy.write(NpyArray.text("female"), "<U6", false));
        entries.put("mocap_framerate", Npy.write(NpyArray.of(new double[]{60}), "<i8", false));
        byte[] valid = NpzTest.zipOf(entries);
        assertEquals(3, read(valid).motion().frameCount());

        // ZIP headers and the .npy headers (magic, version, length, dict) are where a parser can go wrong.
        BitSet structure = new BitSet();
        String text = new String(valid, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int at = text.indexOf("PK"); at >= 0; at = text.indexOf("PK", at + 1)) {
            structure.set(at, Math.min(valid.length, at + 46));
        }
        for (int at = text.indexOf("\u0093NUMPY"); at >= 0; at = text.indexOf("\u0093NUMPY", at + 1)) {
            structure.set(at, Math.min(valid.length, at + 128));
        }
        Fuzz.Outcome outcome = new Fuzz(valid, 19).focusedOn(structure).run(4000, 60, NpzFuzzTest::read,
                e -> e instanceof IOException && e.getMessage().startsWith("take.npz: ") && !e.getMessage().contains("\n"));
        System.out.printf("npz fuzz: %d damaged archives, %d refused with a clear error, %d still read%n",
                outcome.cases(), outcome.rejected(), outcome.accepted());
        assertTrue(outcome.rejected() > outcome.cases() / 10);
    }

    private static SmplParamsReader.Result read(byte[] bytes) throws IOException {
        return SmplParamsReader.read(Npz.read(new ByteArrayInputStream(bytes), "take.npz"), "take.npz", SmplParamsReader.Options.DEFAULT);
    }
}
