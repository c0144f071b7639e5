package dev.mocap.pose;

import java.util.ArrayList;
import java.util.List;

/**
 * A square part of the frame that the detector looks at, scaled to its 224×224 input: top-left
 * corner and side in frame pixels. Where it reaches past the frame the input is black.
 */
public record DetectionWindow(double x, double y, double side) {
    /** Frames at least this much wider than high (or higher than wide) are also searched in squares of their short side. */
    private static final double TILED_ASPECT = 1.25;

    /** The whole frame, centred in a square of its longer side (letterboxed). */
    public static DetectionWindow whole(int width, int height) {
        double side = Math.max(width, height);
        return new DetectionWindow((width - side) / 2, (height - side) / 2, side);
    }

    /**
     * The whole frame first, then, for elongated frames, overlapping squares of the shorter side
     * spread evenly along the longer one: in those, people are seen larger by the detector.
     */
    public static List<DetectionWindow> views(int width, int height) {
        List<DetectionWindow> views = new ArrayList<>(List.of(whole(width, height)));
        int shortSide = Math.min(width, height), longSide = Math.max(width, height);
        if (longSide < TILED_ASPECT * shortSide) {
            return views;
        }
        int count = (int) Math.ceil((double) longSide / shortSide);
        for (int i = 0; i < count; i++) {
            double along = (double) (longSide - shortSide) * i / (count - 1);
            views.add(width >= height ? new DetectionWindow(along, 0, shortSide) : new DetectionWindow(0, along, shortSide));
        }
        return views;
    }

    /** Frame x of the window's point u (0 left edge, 1 right edge). */
    double frameX(double u) {
        return x + u * side;
    }

    /** Frame y of the window's point v (0 top edge, 1 bottom edge). */
    double frameY(double v) {
        return y + v * side;
    }
}
