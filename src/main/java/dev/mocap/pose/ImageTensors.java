package dev.mocap.pose;

import dev.mocap.video.VideoFrame;

/**
 * Fills model input tensors (NHWC floats) from RGB frames by affine resampling with bilinear
 * interpolation, as MediaPipe's image-to-tensor step does.
 */
final class ImageTensors {
    /** Added to sample coordinates so that they stay positive (frames are smaller than this). */
    private static final int BIAS = 1 << 20;

    /** The window of the frame scaled to side×side, black beyond the frame, values in [-1, 1]. */
    static void window(VideoFrame frame, DetectionWindow window, int side, float[] out) {
        // Tensor pixel centre (i + .5, j + .5) → frame position window corner + (i + .5) · step.
        double step = window.side() / side;
        resample(frame, side, step, 0, window.x() + 0.5 * step, 0, step, window.y() + 0.5 * step,
                out, 2f / 255f, -1f, false);
    }

    /** The rotated square ROI, side×side, replicated borders, values in [0, 1]. */
    static void crop(VideoFrame frame, Roi roi, int side, float[] out) {
        double cos = Math.cos(roi.rotation()) * roi.size() / side;
        double sin = Math.sin(roi.rotation()) * roi.size() / side;
        double half = side / 2.0;
        // Frame position of tensor pixel centre (i + .5, j + .5): centre + R·((i + .5 - half), (j + .5 - half))·size/side.
        double cx = roi.centerX() + cos * (0.5 - half) - sin * (0.5 - half);
        double cy = roi.centerY() + sin * (0.5 - half) + cos * (0.5 - half);
        resample(frame, side, cos, -sin, cx, sin, cos, cy, out, 1f / 255f, 0f, true);
    }

    /**
     * For each tensor pixel (i, j) samples the frame at x = ax·i + bx·j + cx, y = ay·i + by·j + cy
     * (continuous coordinates, pixel centres at k + 0.5) and writes value·mul + add per channel.
     */
    private static void resample(VideoFrame frame, int side, double ax, double bx, double cx,
                                 double ay, double by, double cy, float[] out,
                                 float mul, float add, boolean replicateBorder) {
        byte[] rgb = frame.rgb();
        int w = frame.width(), h = frame.height();
        int o = 0;
        for (int j = 0; j < side; j++) {
            // Walk the row incrementally; +BIAS keeps the coordinates positive so a cast floors them.
            double x = bx * j + cx - 0.5 + BIAS, y = by * j + cy - 0.5 + BIAS;
            for (int i = 0; i < side; i++, o += 3, x += ax, y += ay) {
                if (!replicateBorder && (x < BIAS - 0.5 || y < BIAS - 0.5 || x > w - 0.5 + BIAS || y > h - 0.5 + BIAS)) {
                    out[o] = add;
                    out[o + 1] = add;
                    out[o + 2] = add;
                    continue;
                }
                int xi = (int) x, yi = (int) y;
                float fx = (float) (x - xi), fy = (float) (y - yi);
                xi -= BIAS;
                yi -= BIAS;
                int xa = clamp(xi, w), xb = clamp(xi + 1, w);
                int rowA = clamp(yi, h) * w, rowB = clamp(yi + 1, h) * w;
                int p00 = (rowA + xa) * 3, p10 = (rowA + xb) * 3, p01 = (rowB + xa) * 3, p11 = (rowB + xb) * 3;
                for (int c = 0; c < 3; c++) {
                    float v00 = rgb[p00 + c] & 0xff, v10 = rgb[p10 + c] & 0xff, v01 = rgb[p01 + c] & 0xff, v11 = rgb[p11 + c] & 0xff;
                    float top = v00 + fx * (v10 - v00);
                    float bottom = v01 + fx * (v11 - v01);
                    out[o + c] = (top + fy * (bottom - top)) * mul + add;
                }
            }
        }
    }

    private static int clamp(int v, int n) {
        return v < 0 ? 0 : (v >= n ? n - 1 : v);
    }

    private ImageTensors() {
    }
}
