package dev.mocap.filter;

import dev.mocap.body.FootContacts;
import dev.mocap.body.Leg;
import dev.mocap.body.Motion;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FootLockTest {
    private static final int FIRST = 14, LAST = 19;

    @Test
    void aPlantedFootStaysPutOnTheFloorAndBonesKeepTheirLength() {
        Motion walk = TestMotions.walk(40, 30);
        boolean[] left = new boolean[40];
        for (int t = FIRST; t <= LAST; t++) {
            left[t] = true;
        }
        FootContacts contacts = new FootContacts(left, new boolean[40]);
        Motion locked = FootLock.DEFAULT.apply(walk.withContacts(contacts));
        assertSame(contacts, locked.contacts());

        Leg leg = Leg.left(walk.skeleton());
        Vec3 pinned = locked.jointPositions(FIRST)[leg.foot()];
        assertEquals(0, pinned.y(), 1e-9);
        for (int t = FIRST; t <= LAST; t++) {
            assertTrue(locked.jointPositions(t)[leg.foot()].distance(pinned) < 0.001, "frame " + t);
        }
        for (int t = 0; t < 40; t++) {
            Vec3[] p = locked.jointPositions(t);
            for (int j = 1; j < p.length; j++) {
                assertEquals(walk.skeleton().boneLength(j), p[j].distance(p[walk.skeleton().parent(j)]), 1e-9);
            }
            assertTrue(p[leg.foot()].y() > -1e-9 && p[Leg.right(walk.skeleton()).foot()].y() > -1e-9, "above the floor at " + t);
        }
    }

    @Test
    void theFootEasesInAndOutWithoutJumps() {
        Motion walk = TestMotions.walk(40, 30);
        boolean[] left = new boolean[40];
        for (int t = FIRST; t <= LAST; t++) {
            left[t] = true;
        }
        Motion locked = FootLock.DEFAULT.apply(walk.withContacts(new FootContacts(left, new boolean[40])));
        int foot = Leg.left(walk.skeleton()).foot();
        for (int t = 1; t < 40; t++) {
            double original = walk.jointPositions(t)[foot].distance(walk.jointPositions(t - 1)[foot]);
            double now = locked.jointPositions(t)[foot].distance(locked.jointPositions(t - 1)[foot]);
            assertTrue(now < original + 0.03, "step at frame " + t + ": " + now + " m (was " + original + ")");
        }
    }

    /** A body sliding as a whole over its planted feet is moved back onto them, its legs not bent: the pose is kept. */
    @Test
    void aBodySlidingOverItsPlantedFeetMovesBackWithItsPoseKept() {
        Motion sliding = StandingClip.standing(0.01, 0.05, true);
        Motion locked = FootLock.DEFAULT.apply(sliding);
        Leg left = Leg.left(sliding.skeleton()), right = Leg.right(sliding.skeleton());
        Vec3 leftSpot = locked.jointPositions(0)[left.foot()], rightSpot = locked.jointPositions(0)[right.foot()];
        assertEquals(0, leftSpot.y(), 1e-9);
        for (int t = 0; t < sliding.frameCount(); t++) {
            Vec3[] p = locked.jointPositions(t);
            assertEquals(0, p[left.foot()].distance(leftSpot), 1e-9, "left foot at " + t);
            assertEquals(0, p[right.foot()].distance(rightSpot), 1e-9, "right foot at " + t);
            for (int j = 0; j < sliding.skeleton().size(); j++) {
                assertEquals(1, Math.abs(locked.rotations().frame(t)[j].w()), 1e-9, "joint " + j + " turned at " + t);
            }
        }
        assertEquals(0.145, locked.rootPositions()[0].x() - sliding.rootPositions()[0].x(), 1e-9);
    }
}
