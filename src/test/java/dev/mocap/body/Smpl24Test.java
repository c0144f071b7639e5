package dev.mocap.body;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class Smpl24Test {

    @Test
    void parentsMatchTheSmplTree() {
        assertArrayEquals(new int[]{-1, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 12, 13, 14, 16, 17, 18, 19, 20, 21},
                Smpl24.parents());
        assertEquals(Smpl24.COUNT, Smpl24.NAMES.size());
        assertEquals("left_shoulder", Smpl24.NAMES.get(Smpl24.LEFT_SHOULDER));
        assertEquals(Smpl24.LEFT_ELBOW, Smpl24.NAMES.indexOf("left_elbow"));
    }

    @Test
    void parentsAreACopy() {
        Smpl24.parents()[1] = 5;
        assertEquals(0, Smpl24.parents()[1]);
    }

    @Test
    void depthFirstOrderMatchesBodyMd() {
        Skeleton s = TestMotions.humanSkeleton();
        assertArrayEquals(new int[]{0, 1, 4, 7, 10, 2, 5, 8, 11, 3, 6, 9, 12, 15, 13, 16, 18, 20, 22, 14, 17, 19, 21, 23},
                s.depthFirstOrder());
    }

    @Test
    void mirrorSwapsSidesAndKeepsTheMiddle() {
        assertEquals(Smpl24.RIGHT_HIP, Smpl24.mirror(Smpl24.LEFT_HIP));
        assertEquals(Smpl24.LEFT_HAND, Smpl24.mirror(Smpl24.RIGHT_HAND));
        assertEquals(Smpl24.LEFT_COLLAR, Smpl24.mirror(Smpl24.RIGHT_COLLAR));
        assertEquals(Smpl24.HEAD, Smpl24.mirror(Smpl24.HEAD));
        assertEquals(Smpl24.PELVIS, Smpl24.mirror(Smpl24.PELVIS));
        for (int j = 0; j < Smpl24.COUNT; j++) {
            assertEquals(j, Smpl24.mirror(Smpl24.mirror(j)));
            assertEquals(Smpl24.parents()[j] < 0 ? -1 : Smpl24.mirror(Smpl24.parents()[j]), Smpl24.parents()[Smpl24.mirror(j)]);
        }
    }

    @Test
    void skeletonPlacesEndSitesAtTheTips() {
        Skeleton s = TestMotions.humanSkeleton();
        assertEquals(Smpl24.NAMES, s.names());
        for (int j : new int[]{Smpl24.HEAD, Smpl24.LEFT_FOOT, Smpl24.RIGHT_FOOT, Smpl24.LEFT_HAND, Smpl24.RIGHT_HAND}) {
            assertNotNull(s.endSites()[j], Smpl24.NAMES.get(j));
        }
        assertNull(s.endSites()[Smpl24.PELVIS]);
    }
}
