package dev.mocap.body;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoseErrorsTest {
    @Test
    void metricsOfAKnownDisplacement() {
        Random r = new Random(3);
        int frames = 20, joints = 5;
        Vec3[][] truth = new Vec3[frames][joints], moved = new Vec3[frames][joints], scaled = new Vec3[frames][joints];
        Quat turn = Quat.axisAngle(new Vec3(0.3, 1, -0.2), 1.1);
        Vec3 shift = new Vec3(2, -1, 0.5);
        for (int f = 0; f < frames; f++) {
            for (int j = 0; j < joints; j++) {
                truth[f][j] = new Vec3(r.nextGaussian(), r.nextGaussian(), r.nextGaussian());
                moved[f][j] = turn.rotate(truth[f][j]).plus(shift);
                scaled[f][j] = turn.rotate(truth[f][j]).times(1.3).plus(shift);
            }
        }
        PoseErrors rigid = PoseErrors.of(moved, truth, 0);
        assertEquals(0, rigid.mpjpe(), 1e-6);
        assertEquals(0, rigid.paMpjpe(), 1e-6);
        assertEquals(0, rigid.rootError(), 1e-6);
        assertEquals(0, rigid.accelError(), 1e-6);
        PoseErrors similar = PoseErrors.of(scaled, truth, 0);
        assertEquals(0, similar.paMpjpe(), 1e-6);
        assertTrue(similar.mpjpe() > 100);
    }

    @Test
    void motionsAreComparedByJointName() {
        Motion walk = TestMotions.walk(30, 30);
        Vec3[] lifted = walk.rootPositions().clone();
        for (int t = 0; t < lifted.length; t++) {
            lifted[t] = lifted[t].plus(new Vec3(0, 0.3, 0));
        }
        PoseErrors e = PoseErrors.of(new Motion(walk.skeleton(), 30, lifted, walk.rotations()), walk);
        assertEquals(0, e.mpjpe(), 1e-6, "aligned");
        assertEquals(0, e.paMpjpe(), 1e-6);

        Skeleton renamed = new Skeleton(walk.skeleton().names().stream().map(n -> n.replace("head", "skull")).toList(),
                walk.skeleton().parents(), walk.skeleton().offsets(), walk.skeleton().endSites());
        assertThrows(IllegalArgumentException.class,
                () -> PoseErrors.of(new Motion(renamed, 30, walk.rootPositions(), walk.rotations()), walk));
    }
}
