package dev.mocap.pose;

/**
 * A square, rotated region of the frame that the landmark model looks at: centre and side in
 * frame pixels, rotation in radians (positive turns the crop's "up" clockwise on screen, since
 * image y points down).
 */
public record Roi(double centerX, double centerY, double size, double rotation) {

    /** Context added around the body, as in MediaPipe's pose graph. */
    static final double SCALE = 1.25;

    /**
     * The ROI defined by two alignment points: the body centre (mid-hip) and a point whose
     * distance gives the body size and whose direction from the centre is "up".
     */
    public static Roi fromAlignmentPoints(double x0, double y0, double x1, double y1) {
        double rotation = normalize(Math.PI / 2 - Math.atan2(-(y1 - y0), x1 - x0));
        double size = 2 * Math.hypot(x1 - x0, y1 - y0) * SCALE;
        return new Roi(x0, y0, size, rotation);
    }

    static double normalize(double angle) {
        return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
    }

    /** Distance between the two centres, in units of the smaller region's side. */
    double relativeDistance(Roi other) {
        return Math.hypot(other.centerX - centerX, other.centerY - centerY) / Math.min(size, other.size);
    }

    /** The larger side over the smaller: 1 for regions of the same size. */
    double sizeRatio(Roi other) {
        return Math.max(size, other.size) / Math.min(size, other.size);
    }

    /** Frame x of the crop point (u, v), both in [0, 1] across the crop. */
    public double frameX(double u, double v) {
        double du = u - 0.5, dv = v - 0.5;
        return centerX + (Math.cos(rotation) * du - Math.sin(rotation) * dv) * size;
    }

    /** Frame y of the crop point (u, v), both in [0, 1] across the crop. */
    public double frameY(double u, double v) {
        double du = u - 0.5, dv = v - 0.5;
        return centerY + (Math.sin(rotation) * du + Math.cos(rotation) * dv) * size;
    }
}
