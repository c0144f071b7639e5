package dev.mocap.retarget;

import dev.mocap.body.Motion;
import dev.mocap.body.TestMotions;
import dev.mocap.format.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetsTest {

    @Test
    void everyBuiltInPresetRetargetsAWalk() {
        Motion walk = TestMotions.walk(60, 30);
        for (ExportPreset preset : Presets.builtIn()) {
            Motion out = Retargeting.of(preset).apply(walk);
            assertTrue(out.frameCount() > 0, preset.name());
            if (preset.rig().equals(ExportPreset.SMPL)) {
                assertEquals(walk.skeleton().names(), out.skeleton().names());
            } else {
                assertEquals(BuiltInRigs.get(preset.rig()).names(), out.skeleton().names());
            }
        }
        assertEquals(Set.of(Format.FBX), Presets.get("mixamo").formats());
    }

    @Test
    void presetFileAndPolicies(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, """
                {"name": "mine", "rig": "ue5-mannequin", "formats": ["bvh"], "bvh_unit": "cm", "fps": 24, "root_motion": "in_place"}
                """);
        ExportPreset preset = Presets.get(file.toString());
        Motion out = Retargeting.of(preset).apply(TestMotions.walk(61, 30));
        assertEquals(24, out.fps());
        assertEquals(49, out.frameCount());
        for (var p : out.rootPositions()) {
            assertEquals(0, p.x(), 0);
            assertEquals(0, p.z(), 0);
        }
    }

    @Test
    void unknownPresetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Presets.get("maya"));
    }
}
