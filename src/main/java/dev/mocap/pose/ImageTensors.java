package dev.mocap.pose;

import dev.mocap.video.VideoFrame;

/**
 * Fills model input tensors (NHWC floats) from RGB frames by affine resampling with bilinear
 * interpolation, as MediaPipe's image-to-tensor step does.
 */
final class ImageTensors {
    /** Added to sample coordinates so that they stay positive (frames are smaller than this). */
    private static final int BIAS = 1 << 20;

    /** Letterbox padding as fractions of the square tensor side (equal on both sides). */
    record Letterbox(double padX, double padY) {
        double unpadX(double x) {
            return (x - padX) / (1 - 2 * padX);
        }

        double unpadY(double y) {
            return (y - padY) / (1 - 2 * padY);
        }
    }

    /** Whole frame scaled to fit a side×side square, black borders, values in [-1, 1]. */
    static Letterbox letterbox(VideoFrame frame, int side, float[] out) {
        double scale = (double) side / Math.max(frame.width(), frame.height());
        double offX = (side - frame.width() * scale) / 2;
        double offY = (side - frame.height() * scale) / 2;
        // Tensor pixel centre (i + .5, j + .5) → frame position (i + .5 - offX) / scale.
        double inv = 1 / scale;
        resample(frame, side, inv, 0, (0.5 - offX) * inv, 0, inv, (0.5 - offY) * inv,
                out, 2f / 255f, -1f, false);
        return new Letterbox(offX / side, offY / side);
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
