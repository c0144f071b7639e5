package dev.mocap.retarget;

import dev.mocap.Fuzz;
import dev.mocap.body.TestMotions;
import dev.mocap.format.BodyOption;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A damaged FBX character is refused with an IOException naming the problem: never a hang, a runaway allocation or a crash. */
class FbxRigFuzzTest {
    @TempDir
    Path dir;

    @Test
    void damagedCharactersGiveAClearError() throws IOException {
        Path fbx = dir.resolve("character.fbx");
        // The mannequin body brings a mesh, skin clusters and a bind pose: every part the reader looks at.
        Exporters.defaults().withBody(BodyOption.MANNEQUIN).write(TestMotions.walk(2, 30), Format.FBX, fbx);
        byte[] valid = Files.readAllBytes(fbx);
        FbxRigReader.read(fbx, new ArrayList<>());
        Path damaged = dir.resolve("damaged.fbx");
        Fuzz.Outcome outcome = new Fuzz(valid, 17).run(3000, 60, bytes -> {
            Files.write(damaged, bytes);
            FbxRigReader.read(damaged, new ArrayList<>());
        }, FbxRigFuzzTest::clearError);
        System.out.printf("FBX rig fuzz: %d damaged characters, %d refused with a clear error, %d still read%n",
                outcome.cases(), outcome.rejected(), outcome.accepted());
        assertTrue(outcome.rejected() > outcome.cases() / 10);
    }

    private static boolean clearError(Throwable e) {
        return e instanceof IOException && e.getMessage() != null && !e.getMessage().isBlank() && !e.getMessage().contains("\n");
    }
}
