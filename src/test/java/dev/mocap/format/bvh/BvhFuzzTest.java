package dev.mocap.format.bvh;

import dev.mocap.Fuzz;
import dev.mocap.body.TestMotions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Damaged bytes (not only damaged words, see {@link BvhReaderTest}) give a {@link BvhFormatException}. */
class BvhFuzzTest {

    @Test
    void damagedFilesGiveAClearError() throws IOException {
        byte[] valid = BvhWriterTest.text(TestMotions.walk(4, 30), BvhOptions.DEFAULT).getBytes(StandardCharsets.UTF_8);
        Fuzz.Outcome outcome = new Fuzz(valid, 11).run(4000, 30,
                bytes -> BvhReader.read(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8), "fuzz.bvh", 0.01),
                e -> e instanceof BvhFormatException && e.getMessage().startsWith("fuzz.bvh line "));
        System.out.printf("bvh fuzz: %d damaged files, %d refused with a clear error, %d still read%n",
                outcome.cases(), outcome.rejected(), outcome.accepted());
        assertTrue(outcome.rejected() > outcome.cases() / 4);
    }
}
