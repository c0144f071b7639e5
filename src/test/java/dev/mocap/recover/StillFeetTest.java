package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StillFeetTest {
    private static final Camera CAMERA = Camera.atOrigin(1000, 1000, 1000);

    /** 31 frames at 30 fps, 4 m away: the left foot stands (1 px of jitter), the right one moves {@code rightPxPerFrame}. */
    private static List<Observation> frames(double rightPxPerFrame, double rightWeight, double[] contact) {
        Random random = new Random(3);
        List<Observation> out = new ArrayList<>();
        for (int k = 0; k <= 30; k++) {
            double[] pixels = new double[2 * BlazePose.COUNT];
            double[] weight = new double[BlazePose.COUNT];
            Arrays.fill(weight, 1);
            for (int mark : new int[]{BlazePose.LEFT_HEEL, BlazePose.LEFT_FOOT_INDEX}) {
                pixels[2 * mark] = 450 + random.nextGaussian();
                pixels[2 * mark + 1] = 800 + random.nextGaussian();
            }
            for (int mark : new int[]{BlazePose.RIGHT_HEEL, BlazePose.RIGHT_FOOT_INDEX}) {
                pixels[2 * mark] = 550 + rightPxPerFrame * k;
                pixels[2 * mark + 1] = 800;
                weight[mark] = rightWeight;
            }
            Vec3[] shape = new Vec3[BlazePose.COUNT];
            Arrays.fill(shape, new Vec3(0, 0, 4));
            out.add(new Observation(k / 30.0, pixels, shape, shape, weight, 1, contact));
        }
        return out;
    }

    @Test
    void aFootStillInTheImageIsPlantedAndAMovingOneIsNot() {
        // Right foot: 10 px a frame at 4 m and f = 1000 px is 1.2 m/s.
        List<Observation> planted = StillFeet.plant(frames(10, 1, new double[]{0.1, 0.1}), CAMERA);
        for (Observation o : planted) {
            assertEquals(1, o.footContact()[0], "the standing foot, at " + o.time());
            assertEquals(0.1, o.footContact()[1], "the moving foot, at " + o.time());
        }
    }

    @Test
    void slowFeetBelowTheSpeedLimitCountAsStill() {
        // 1 px a frame is 0.12 m/s at 4 m: still; 3 px a frame, 0.36 m/s: moving.
        assertEquals(1, StillFeet.plant(frames(1, 1, null), CAMERA).get(15).footContact()[1]);
        assertEquals(0, StillFeet.plant(frames(3, 1, null), CAMERA).get(15).footContact()[1]);
    }

    @Test
    void unseenFeetAndTheNetworksContactsAreLeftAsTheyAre() {
        List<Observation> planted = StillFeet.plant(frames(0, 0.2, new double[]{0.9, 0.3}), CAMERA);
        assertEquals(0.9, planted.get(15).footContact()[0], "already planted by the network");
        assertEquals(0.3, planted.get(15).footContact()[1], "a still foot of low visibility is not judged");
    }
}
