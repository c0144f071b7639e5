package dev.mocap.smpl;

import dev.mocap.body.AdultSkeleton;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.format.BlenderImport;
import dev.mocap.format.BlenderRunner;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import dev.mocap.pipeline.ExportJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An AMASS-layout file with known poses (Z up, SMPL-H width), exported to BVH and imported by
 * Blender: Blender, Z up like AMASS, shows the pelvis on the file's trans (x, y), the knee bent
 * by the file's angle and the raised arm pointing where the file's rotation turns it.
 */
class AmassBlenderTest {
    private static final int FRAMES = 30;
    private static final int[] CHECKED = {1, 10, 20, 30};

    @TempDir
    Path dir;

    @Test
    void blenderShowsTheFilesPoses() throws IOException, InterruptedException {
        assumeTrue(BlenderRunner.available(), "Blender not installed (apt-get install blender python3-numpy, or set BLENDER)");
        double[] poses = new double[FRAMES * 156];
        double[] trans = new double[FRAMES * 3];
        for (int f = 0; f < FRAMES; f++) {
            poses[f * 156] = Math.PI / 2;                                   // upright in a Z-up world, facing −Y
            poses[f * 156 + 3 * Smpl24.LEFT_KNEE] = knee(f);                // bends about X
            poses[f * 156 + 3 * Smpl24.RIGHT_SHOULDER + 2] = shoulder(f);   // the right arm turns about Z (up at rest is +Y)
            trans[3 * f] = 0.3;
            trans[3 * f + 1] = -0.02 * f;                                    // walks forward, along −Y
            trans[3 * f + 2] = 0.9;
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("poses", NpyArray.of(poses, FRAMES, 156));
        arrays.put("trans", NpyArray.of(trans, FRAMES, 3));
        arrays.put("mocap_framerate", NpyArray.of(new double[]{30}));
        arrays.put("gender", NpyArray.text("male"));
        Path npz = dir.resolve("amass.npz");
        Npz.write(npz, arrays);
        ExportJob.run(npz, dir.resolve("amass"), new ExportJob.Options(Set.of(Format.BVH), 1, Exporters.defaults()));
        BlenderImport.Result r = BlenderImport.bvh(dir, CHECKED, List.of(new BlenderImport.Request("amass", dir.resolve("amass.bvh"))))
                .get("amass");

        Skeleton skeleton = AdultSkeleton.smpl24();
        double worstTrans = 0, worstKnee = 0, worstArm = 0;
        for (int frame : CHECKED) {
            int f = frame - 1;
            Vec3 pelvis = r.head(frame, "pelvis");
            worstTrans = Math.max(worstTrans, Math.hypot(pelvis.x() - trans[3 * f], pelvis.y() - trans[3 * f + 1]));
            Vec3 thigh = r.head(frame, "left_knee").minus(r.head(frame, "left_hip"));
            Vec3 shin = r.head(frame, "left_ankle").minus(r.head(frame, "left_knee"));
            Vec3 restShin = Quat.exp(new Vec3(knee(f), 0, 0)).rotate(skeleton.offset(Smpl24.LEFT_ANKLE));
            double expectedKnee = angle(skeleton.offset(Smpl24.LEFT_KNEE), restShin);
            worstKnee = Math.max(worstKnee, Math.abs(angle(thigh, shin) - expectedKnee));
            // In a Y-up world the body faces +Z; Blender shows that world's (x, y, z) as (x, −z, y).
            Vec3 arm = BlenderImport.toBlender(Quat.exp(new Vec3(0, 0, shoulder(f))).rotate(skeleton.offset(Smpl24.RIGHT_ELBOW)));
            Vec3 upperArm = r.head(frame, "right_elbow").minus(r.head(frame, "right_shoulder"));
            worstArm = Math.max(worstArm, angle(arm, upperArm));
            assertTrue(r.head(frame, "head").z() > pelvis.z() + 0.4, "upright in Blender at frame " + frame);
        }
        System.out.printf("AMASS file in Blender: pelvis off trans by %.4f mm, knee angle off by %.4f°, upper arm off by %.4f°%n",
                1000 * worstTrans, Math.toDegrees(worstKnee), Math.toDegrees(worstArm));
        assertEquals(0, worstTrans, 1e-4);
        assertEquals(0, worstKnee, Math.toRadians(0.01));
        assertEquals(0, worstArm, Math.toRadians(0.01));
    }

    private static double knee(int frame) {
        return 0.05 * frame;
    }

    private static double shoulder(int frame) {
        return -0.04 * frame;
    }

    private static double angle(Vec3 a, Vec3 b) {
        return Math.atan2(a.cross(b).length(), a.dot(b));
    }
}
