package dev.mocap.pipeline;

import dev.mocap.export.Exporters;
import dev.mocap.filter.SmoothingPreset;
import dev.mocap.format.Format;
import dev.mocap.nn.ModelStore;
import dev.mocap.pose.PoseOptions;
import dev.mocap.recover.MotionRecovery;
import dev.mocap.recover.RecoveryMethod;
import dev.mocap.recover.RecoveryOptions;
import dev.mocap.retarget.Retargeting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A conversion runs the recovery it is handed, on the person's frames, and writes what that recovery gives. */
class ConvertJobRecoveryHookTest {
    @Test
    void theHandedRecoveryRecoversTheSample(@TempDir Path dir) throws IOException {
        MotionRecovery fit = RecoveryMethod.FIT.create(ModelStore.locate());
        List<Integer> framesSeen = new ArrayList<>();
        MotionRecovery hook = (landmarks, options) -> {
            framesSeen.add(landmarks.frames().size());
            return fit.recover(landmarks, options);
        };
        ConvertJob.Options options = new ConvertJob.Options(PoseOptions.defaults(), RecoveryOptions.defaults(), SmoothingPreset.DEFAULT,
                true, Set.of(Format.BVH), Exporters.defaults(), Retargeting.NONE);

        ConvertJob.Result r = new ConvertJob(ModelStore.locate(), options, hook).run(Path.of("samples", "walk_wave.mp4"), dir.resolve("walk"),
                Progress.silent());

        assertEquals(List.of(120), framesSeen, "one window with all 120 frames of the person");
        assertEquals(120, r.outputs().get(0).segment().motion().frameCount());
        assertTrue(Files.readString(r.outputs().get(0).files().get(0)).startsWith("HIERARCHY"), "a BVH written");
    }
}
