package dev.mocap.pose;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GreedyMatchingTest {
    private static final double NO = Double.POSITIVE_INFINITY;

    @Test
    void cheapestPairsFirstEachOnceAndNeverAcrossAGate() {
        double[][] cost = {
                {0.3, 0.1, NO},
                {0.2, 0.15, NO},
                {NO, NO, NO},
                {0.9, NO, 0.5}};
        List<int[]> pairs = GreedyMatching.match(cost);
        assertEquals(3, pairs.size());
        assertArrayEquals(new int[]{0, 1}, pairs.get(0));
        assertArrayEquals(new int[]{1, 0}, pairs.get(1));
        assertArrayEquals(new int[]{3, 2}, pairs.get(2));
        assertEquals(List.of(), GreedyMatching.match(new double[0][]));
        assertEquals(List.of(), GreedyMatching.match(new double[][]{{NO}}));
    }
}
