package dev.mocap.pose;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BlazePoseTest {
    @Test
    void eachLandmarksMirrorPartnerIsOnTheOtherSideWithTheSameRole() {
        assertEquals(BlazePose.NOSE, BlazePose.mirror(BlazePose.NOSE));
        assertEquals(BlazePose.RIGHT_HIP, BlazePose.mirror(BlazePose.LEFT_HIP));
        assertEquals(BlazePose.LEFT_FOOT_INDEX, BlazePose.mirror(BlazePose.RIGHT_FOOT_INDEX));
        assertEquals(BlazePose.NAMES.indexOf("mouth_right"), BlazePose.mirror(BlazePose.NAMES.indexOf("mouth_left")));
        for (int i = 0; i < BlazePose.COUNT; i++) {
            int p = BlazePose.mirror(i);
            assertEquals(i, BlazePose.mirror(p));
            assertEquals(BlazePose.isLeft(i), BlazePose.isRight(p), BlazePose.NAMES.get(i));
        }
    }
}
