package dev.mocap.pipeline;

import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.body.MotionMetrics;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.format.BlenderImport;
import dev.mocap.format.BlenderRunner;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import dev.mocap.export.Sidecar;
import dev.mocap.filter.SmoothingPreset;
import dev.mocap.nn.ModelStore;
import dev.mocap.pose.PoseOptions;
import dev.mocap.recover.RecoveryOptions;
import dev.mocap.retarget.Retargeting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A real video converted end to end and opened in Blender: the acceptance check of `mocap convert`. */
class ConvertBlenderTest {
    @TempDir
    Path dir;

    @Test
    void blenderImportsTheConvertedSquatsUprightOnTheFloor() throws Exception {
        Path video = TestData.file("video/tfjs/pose_squats.mp4");
        assumeTrue(BlenderRunner.available(), "Blender not installed (apt-get install blender python3-numpy)");
        ConvertJob.Result r = new ConvertJob(ModelStore.locate(), new ConvertJob.Options(PoseOptions.defaults(),
                RecoveryOptions.defaults(), SmoothingPreset.DEFAULT, true, Set.of(Format.BVH), Exporters.defaults(), Retargeting.NONE)).run(video, dir.resolve("squats"), Progress.silent());
        assertEquals(1, r.outputs().size());
        Sidecar.Output out = r.outputs().get(0);
        Motion motion = out.segment().motion();
        assertEquals(65, motion.frameCount());
        assertTrue(Files.readString(r.sidecar()).contains("\"foot_sliding_mm_per_frame\""));

        int[] frames = {1, 11, 31, 51, 65};
        BlenderImport.Result blender = BlenderImport.bvh(dir, frames, List.of(new BlenderImport.Request("squats", out.files().get(0), 1.0))).get("squats");
        assertEquals(24, blender.bones());
        assertEquals(1, blender.firstFrame(), 0);
        assertEquals(65, blender.lastFrame(), 0);
        assertEquals(5, blender.fps());
        double worst = 0, lowestFoot = Double.POSITIVE_INFINITY, highestFoot = Double.NEGATIVE_INFINITY;
        for (int f : frames) {
            Vec3[] ours = motion.jointPositions(f - 1);
            for (int j = 0; j < Smpl24.COUNT; j++) {
                worst = Math.max(worst, BlenderImport.toBlender(ours[j]).distance(blender.head(f, Smpl24.NAMES.get(j))));
            }
            assertTrue(blender.head(f, "head").z() > blender.head(f, "pelvis").z() + 0.3, "upright at frame " + f);
            for (String foot : new String[]{"left_foot", "right_foot"}) {
                lowestFoot = Math.min(lowestFoot, blender.head(f, foot).z());
                highestFoot = Math.max(highestFoot, blender.head(f, foot).z());
            }
        }
        MotionMetrics m = out.metrics();
        System.out.printf("pose_squats converted: Blender vs FK max %.4f mm; balls of the feet between %.3f and %.3f m; "
                        + "jitter %.1f mm/frame², foot sliding %.1f mm/frame, penetration %.1f mm%n",
                worst * 1000, lowestFoot, highestFoot, m.accelMmPerFrame2(), m.footSlidingMmPerFrame(), m.groundPenetrationMm());
        assertTrue(worst < 0.001, "Blender vs our FK: " + worst + " m");
        assertTrue(lowestFoot > -0.05 && highestFoot < 0.10, "feet near the floor: " + lowestFoot + " … " + highestFoot);
        double height = blender.head(1, "head").z();
        assertTrue(height > 1.2 && height < 1.9, "a standing adult's head joint height: " + height);
    }
}
