package dev.mocap.pose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Pairs rows with columns by cost, cheapest pair first, each row and column at most once; pairs
 * whose cost is not finite are never made. With the few people of a video, this greedy order gives
 * the same pairs as an optimal assignment whenever the gates keep different people apart.
 */
final class GreedyMatching {

    /** The pairs as {row, column}, cheapest first. */
    static List<int[]> match(double[][] cost) {
        List<int[]> candidates = new ArrayList<>();
        for (int r = 0; r < cost.length; r++) {
            for (int c = 0; c < cost[r].length; c++) {
                if (Double.isFinite(cost[r][c])) {
                    candidates.add(new int[]{r, c});
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(p -> cost[p[0]][p[1]]));
        boolean[] rowUsed = new boolean[cost.length];
        boolean[] columnUsed = new boolean[cost.length == 0 ? 0 : Arrays.stream(cost).mapToInt(r -> r.length).max().orElse(0)];
        List<int[]> pairs = new ArrayList<>();
        for (int[] p : candidates) {
            if (!rowUsed[p[0]] && !columnUsed[p[1]]) {
                rowUsed[p[0]] = true;
                columnUsed[p[1]] = true;
                pairs.add(p);
            }
        }
        return pairs;
    }

    private GreedyMatching() {
    }
}
