package dev.mocap.filter;

import dev.mocap.body.Motion;
import dev.mocap.body.Vec3;
import dev.mocap.body.Camera;
import dev.mocap.recover.Segment;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** --floor on a person standing still 20 cm above the fitted floor (on a box). */
class FloorLevelTest {
    private final Motion onBox = StandingClip.standing(0, 0.2, true);
    private final Segment segment = new Segment(onBox, 0, new boolean[StandingClip.FRAMES]);

    @Test
    void contactsAndLowestPutTheFloorUnderTheFeetAutoLeavesIt() {
        assertEquals(0, FloorLevel.AUTO.raise(segment, StandingClip.filmed(onBox), StandingClip.CAMERA));
        assertEquals(-0.2, FloorLevel.CONTACTS.raise(segment, StandingClip.filmed(onBox), StandingClip.CAMERA), 1e-9);
        assertEquals(-0.2, FloorLevel.LOWEST.raise(segment, StandingClip.filmed(onBox), StandingClip.CAMERA), 1e-9);
    }

    @Test
    void theMotionAndTheCameraMoveTogether() {
        Motion lowered = FloorLevel.raised(onBox, -0.2);
        Camera camera = FloorLevel.raised(StandingClip.CAMERA, -0.2);
        assertEquals(0.2, onBox.rootPositions()[0].y() - lowered.rootPositions()[0].y(), 1e-12);
        for (int j = 0; j < onBox.skeleton().size(); j++) {
            Vec3 before = onBox.jointPositions(5)[j], after = lowered.jointPositions(5)[j];
            assertArrayEquals(StandingClip.CAMERA.project(StandingClip.CAMERA.toCamera(before)), camera.project(camera.toCamera(after)), 1e-9);
        }
    }

    @Test
    void anUnknownChoiceIsRefusedWithTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FloorLevel.parse("box"));
        assertEquals("--floor is auto, lowest or contacts, not 'box'", e.getMessage());
    }
}
