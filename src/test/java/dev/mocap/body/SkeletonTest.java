package dev.mocap.body;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.mocap.body.QuatTest.assertVec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SkeletonTest {

    /** root ─┬─ a ── b (end site)
     *        └─ c */
    private static Skeleton tree() {
        return new Skeleton(List.of("root", "a", "c", "b"), new int[]{-1, 0, 0, 1},
                new Vec3[]{Vec3.ZERO, new Vec3(1, 0, 0), new Vec3(0, 2, 0), new Vec3(0, 0, 3)},
                new Vec3[]{null, null, null, new Vec3(0, 0, 0.5)});
    }

    @Test
    void rejectsMismatchedLengths() {
        assertThrows(IllegalArgumentException.class, () -> new Skeleton(List.of("r", "a"), new int[]{-1},
                new Vec3[]{Vec3.ZERO}, new Vec3[1]));
        assertThrows(IllegalArgumentException.class, () -> new Skeleton(List.of("r"), new int[]{-1},
                new Vec3[]{Vec3.ZERO}, new Vec3[2]));
    }

    @Test
    void rejectsBadParents() {
        Vec3[] offsets = {Vec3.ZERO, Vec3.X};
        assertThrows(IllegalArgumentException.class, () -> new Skeleton(List.of("r", "a"), new int[]{0, 0}, offsets, new Vec3[2]),
                "the root has no parent");
        assertThrows(IllegalArgumentException.class, () -> new Skeleton(List.of("r", "a"), new int[]{-1, 1}, offsets, new Vec3[2]),
                "a joint is its own parent");
        assertThrows(IllegalArgumentException.class, () -> new Skeleton(List.of("r", "a"), new int[]{-1, -1}, offsets, new Vec3[2]),
                "two roots");
        assertThrows(IllegalArgumentException.class, () -> new Skeleton(List.of("r", "a", "b"), new int[]{-1, 2, 0},
                new Vec3[]{Vec3.ZERO, Vec3.X, Vec3.Y}, new Vec3[3]), "a parent after its child");
    }

    @Test
    void rejectsAnEmptySkeleton() {
        assertThrows(IllegalArgumentException.class, () -> new Skeleton(List.of(), new int[0], new Vec3[0], new Vec3[0]));
    }

    @Test
    void depthFirstOrderVisitsSubtreesWhole() {
        assertArrayEquals(new int[]{0, 1, 3, 2}, tree().depthFirstOrder());
        assertEquals(List.of(1, 2), tree().children(0));
        assertEquals(List.of(), tree().children(3));
    }

    @Test
    void restPositionsAccumulateOffsets() {
        Vec3[] p = tree().restPositions();
        assertVec(Vec3.ZERO, p[0]);
        assertVec(new Vec3(1, 0, 0), p[1]);
        assertVec(new Vec3(0, 2, 0), p[2]);
        assertVec(new Vec3(1, 0, 3), p[3]);
        assertEquals(3, tree().boneLength(3), 0);
    }

    @Test
    void scaledScalesOffsetsAndEndSites() {
        Skeleton half = tree().scaled(0.5);
        assertVec(new Vec3(0.5, 0, 1.5), half.restPositions()[3]);
        assertVec(new Vec3(0, 0, 0.25), half.endSites()[3]);
        assertNull(half.endSites()[1]);
        assertEquals(tree().names(), half.names());
        assertArrayEquals(tree().parents(), half.parents());
    }

    @Test
    void namesLookUp() {
        assertEquals(3, tree().indexOf("b"));
        assertEquals(-1, tree().indexOf("nope"));
        assertEquals("c", tree().name(2));
        assertEquals(4, tree().size());
    }
}
