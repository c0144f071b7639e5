package dev.mocap.recover;

import dev.mocap.TestData;
import dev.mocap.body.FootContacts;
import dev.mocap.body.Motion;
import dev.mocap.body.MotionMetrics;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.filter.SmoothingPreset;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.nn.ModelStore;
import dev.mocap.pipeline.MotionFinishing;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person who walks on the ground and then on a platform 0.8 m high (a box, a stage): the feet
 * planted up there are planted in the output too, and held, though they are far above the floor
 * that the first half finds.
 */
class RaisedStanceTest {
    private static final double PLATFORM = 0.8;
    private static final int STEP = 4;

    @Test
    void feetPlantedOnAPlatformAreHeldThere() throws IOException {
        Motion walk = BvhReader.read(TestData.file("mocap/cmu/cmu_131_01_walk.bvh"), SyntheticLandmarks.CMU_UNIT);
        int half = walk.frameCount() / 2;
        Vec3[] root = walk.rootPositions().clone();
        for (int f = half; f < root.length; f++) {
            root[f] = root[f].plus(new Vec3(0, PLATFORM, 0));
        }
        Motion raised = new Motion(walk.skeleton(), walk.fps(), root, walk.rotations());
        SyntheticLandmarks.Clip clip = SyntheticLandmarks.of("walk on a platform", raised, 1, STEP, 20, SyntheticLandmarks.Noise.BLAZEPOSE, 77);
        RecoveryOptions options = RecoveryOptions.defaults().withFocal(SyntheticLandmarks.FOCAL);
        Recovery recovery = options.method().create(ModelStore.locate()).recover(clip.landmarks(), options);
        Motion out = MotionFinishing.apply(recovery.segments().get(0).motion(), SmoothingPreset.DEFAULT.filter(ModelStore::locate), true);

        // The true contacts of the walk, from the motion before it was raised; only the platform's, from 1.5 s after the step
        // up (the network reads 2.7 s around a frame, and the step is a jump of the whole body in one frame).
        FootContacts truth = QualityFiguresTruthTest.cmuContacts(walk, 1, STEP, clip.frames());
        int from = (half - 1) / STEP + (int) Math.round(1.5 * walk.fps() / STEP), frames = Math.min(out.frameCount(), clip.frames());
        boolean[][] onPlatform = new boolean[2][frames];
        int trueFeet = 0, planted = 0;
        for (int side = 0; side < 2; side++) {
            boolean[] t = side == 0 ? truth.left() : truth.right(), o = side == 0 ? out.contacts().left() : out.contacts().right();
            for (int k = from; k < frames; k++) {
                onPlatform[side][k] = t[k];
                trueFeet += t[k] ? 1 : 0;
                planted += t[k] && o[k] ? 1 : 0;
            }
        }
        double recall = planted / (double) trueFeet;
        double sliding = MotionMetrics.slidingMmPerFrame(out, new FootContacts(onPlatform[0], onPlatform[1]));
        System.out.printf(Locale.ROOT, "platform: %d true foot-frames, %.2f of them planted in the output, sliding there %.1f mm/frame%n",
                trueFeet, recall, sliding);
        assertTrue(trueFeet > 30, "the walk on the platform has contacts: " + trueFeet);
        assertTrue(medianLowestFoot(out, 0, half / STEP - 15) < 0.1, "the floor is under the first half's feet");
        assertTrue(medianLowestFoot(out, from, frames) > PLATFORM - 0.3, "and the platform well above it");
        assertTrue(recall >= 0.4, "planted feet on the platform kept: " + recall);
        assertTrue(sliding <= 12, "and held: " + sliding + " mm/frame");
    }

    /** Median over frames [from, to) of the lower foot joint's height (m). */
    private static double medianLowestFoot(Motion m, int from, int to) {
        double[] h = new double[to - from];
        for (int k = from; k < to; k++) {
            Vec3[] j = m.jointPositions(k);
            h[k - from] = Math.min(Math.min(j[Smpl24.LEFT_FOOT].y(), j[Smpl24.RIGHT_FOOT].y()),
                    Math.min(j[Smpl24.LEFT_ANKLE].y(), j[Smpl24.RIGHT_ANKLE].y()));
        }
        java.util.Arrays.sort(h);
        return h[h.length / 2];
    }
}
