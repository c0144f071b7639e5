package dev.mocap.pose;

import dev.mocap.video.VideoFrame;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeometryTest {

    @Test
    void anchorsMatchTheDetectorHeads() {
        float[] a = SsdAnchors.centres();
        assertEquals(2 * 2254, a.length);
        // First layer: 28×28 cells, two anchors per cell, row-major.
        assertEquals(0.5f / 28, a[0], 1e-6);
        assertEquals(a[0], a[2], 0);
        assertEquals(1.5f / 28, a[4], 1e-6);
        // Last anchor: bottom-right cell of the 7×7 map.
        assertEquals(6.5f / 7, a[a.length - 2], 1e-6);
        assertEquals(6.5f / 7, a[a.length - 1], 1e-6);
        // The 7×7 map carries six anchors per cell.
        int first7 = 2 * (28 * 28 * 2 + 14 * 14 * 2);
        for (int k = 0; k < 6; k++) {
            assertEquals(0.5f / 7, a[first7 + 2 * k], 1e-6);
        }
    }

    @Test
    void uprightPersonGivesUnrotatedRoi() {
        Roi roi = Roi.fromAlignmentPoints(100, 200, 100, 120);
        assertEquals(0, roi.rotation(), 1e-12);
        assertEquals(2 * 80 * Roi.SCALE, roi.size(), 1e-9);
        assertEquals(100, roi.frameX(0.5, 0.5), 1e-9);
        assertEquals(200 - roi.size() / 2, roi.frameY(0.5, 0), 1e-9);
    }

    @Test
    void personLyingWithHeadRightTurnsTheCrop() {
        // Body "up" points to +x on screen: the crop turns 90° clockwise so its top is at +x.
        Roi roi = Roi.fromAlignmentPoints(100, 100, 150, 100);
        assertEquals(Math.PI / 2, roi.rotation(), 1e-12);
        assertEquals(100 + roi.size() / 2, roi.frameX(0.5, 0), 1e-9);
        assertEquals(100, roi.frameY(0.5, 0), 1e-9);
    }

    @Test
    void rotationIsNormalised() {
        assertEquals(Math.PI - 0.1, Roi.normalize(-Math.PI - 0.1), 1e-12);
        assertEquals(0.3, Roi.normalize(0.3 + 4 * Math.PI), 1e-12);
    }

    @Test
    void cropSamplesWhereTheRoiSays() {
        VideoFrame frame = gradientFrame(64, 48);
        Roi roi = new Roi(30, 20, 16, Math.PI / 2);
        float[] out = new float[16 * 16 * 3];
        ImageTensors.crop(frame, roi, 16, out);
        for (int j = 0; j < 16; j += 5) {
            for (int i = 0; i < 16; i += 5) {
                double u = (i + 0.5) / 16, v = (j + 0.5) / 16;
                double x = roi.frameX(u, v), y = roi.frameY(u, v);
                // The gradient is linear, so bilinear sampling reproduces it exactly.
                assertEquals(redAt(x), out[(j * 16 + i) * 3] * 255, 1e-3, "red at " + i + "," + j);
                assertEquals(greenAt(y), out[(j * 16 + i) * 3 + 1] * 255, 1e-3, "green at " + i + "," + j);
            }
        }
    }

    @Test
    void letterboxCentresTheFrameWithBlackBars() {
        VideoFrame frame = gradientFrame(64, 32);
        float[] out = new float[32 * 32 * 3];
        DetectionWindow box = DetectionWindow.whole(64, 32);
        ImageTensors.window(frame, box, 32, out);
        assertEquals(new DetectionWindow(0, -16, 64), box);
        assertEquals(-1, out[0], 1e-6, "top bar is black");
        assertEquals(-1, out[(31 * 32 + 31) * 3], 1e-6, "bottom bar is black");
        // Tensor pixel (10, 16) → frame x = 10.5 * 2 = 21, y = (16.5 - 8) * 2 = 17.
        int p = (16 * 32 + 10) * 3;
        assertEquals(redAt(21) / 127.5 - 1, out[p], 1e-4);
        assertEquals(greenAt(17) / 127.5 - 1, out[p + 1], 1e-4);
        assertEquals(16, box.frameY(0.5), 1e-12);
        assertEquals(0, box.frameY(0.25), 1e-12);
    }

    @Test
    void elongatedFramesAreAlsoSearchedInSquaresOfTheirShortSide() {
        assertEquals(List.of(DetectionWindow.whole(640, 600)), DetectionWindow.views(640, 600));
        assertEquals(List.of(DetectionWindow.whole(1152, 576), new DetectionWindow(0, 0, 576), new DetectionWindow(576, 0, 576)),
                DetectionWindow.views(1152, 576));
        List<DetectionWindow> portrait = DetectionWindow.views(720, 1280);
        assertEquals(List.of(new DetectionWindow(0, 0, 720), new DetectionWindow(0, 560, 720)), portrait.subList(1, 3));
        List<DetectionWindow> wide = DetectionWindow.views(1920, 600);
        assertEquals(5, wide.size(), "four overlapping squares cover 1920 px");
        assertEquals(1320, wide.get(4).x(), 1e-9);
        // Tensor pixel (3, 5) of a window at (20, 10) with side 64 in a 32-pixel tensor: frame (27, 21).
        VideoFrame frame = gradientFrame(64, 48);
        float[] out = new float[32 * 32 * 3];
        ImageTensors.window(frame, new DetectionWindow(20, 10, 64), 32, out);
        int p = (5 * 32 + 3) * 3;
        assertEquals(redAt(27) / 127.5 - 1, out[p], 1e-4);
        assertEquals(greenAt(21) / 127.5 - 1, out[p + 1], 1e-4);
    }

    @Test
    void weightedNmsMergesOverlapsAndKeepsSeparatePeople() {
        Detection a = new Detection(0.9f, 0, 0, 10, 10, new float[]{0, 0, 0, 0, 0, 0, 0, 0});
        Detection b = new Detection(0.6f, 1, 1, 10, 10, new float[]{3, 3, 3, 3, 3, 3, 3, 3});
        Detection far = new Detection(0.7f, 100, 100, 10, 10, new float[8]);
        List<Detection> kept = PoseDetector.weightedNms(List.of(b, far, a));
        assertEquals(2, kept.size());
        assertEquals(0.9f, kept.get(0).score());
        assertEquals(0.6 / 1.5, kept.get(0).x(), 1e-6);
        assertEquals(3 * 0.6 / 1.5, kept.get(0).keypoints()[5], 1e-6);
        assertEquals(100, kept.get(1).x());
    }

    @Test
    void heatmapRefinementMovesTowardsTheConfidentCells() {
        float[] raw = new float[39 * 5];
        raw[0] = 100;  // landmark 0 at (100, 100) in the 256 crop → heatmap cell (25, 25)
        raw[1] = 100;
        float[] heatmap = new float[64 * 64 * 39];
        java.util.Arrays.fill(heatmap, -20f);
        heatmap[(27 * 64 + 26) * 39] = 20f; // one confident cell at row 27, col 26
        LandmarkEstimator.refineWithHeatmap(raw, java.nio.FloatBuffer.wrap(heatmap));
        assertEquals(26 * 4, raw[0], 0.01);
        assertEquals(27 * 4, raw[1], 0.01);
        assertEquals(0, raw[5], 0, "landmark 1 has no confident cell and stays");
    }

    @Test
    void oneEuroFilterSmoothsNoiseButFollowsMotion() {
        OneEuroSignal still = new OneEuroSignal(1, 0, 1);
        double last = 0;
        for (int i = 0; i < 60; i++) {
            last = still.apply(i / 30.0, (i % 2 == 0 ? 1 : -1), 1);
        }
        assertTrue(Math.abs(last) < 0.3, "alternating noise is damped: " + last);
        OneEuroSignal moving = new OneEuroSignal(1, 1, 1);
        for (int i = 0; i < 60; i++) {
            last = moving.apply(i / 30.0, i * 10.0, 1);
        }
        assertTrue(Math.abs(last - 590) < 20, "a fast ramp is followed closely: " + last);
    }

    private static double redAt(double x) {
        return 2 * x;
    }

    private static double greenAt(double y) {
        return 4 * y;
    }

    /** Red rises 2 per pixel to the right, green 4 per pixel down (pixel centres at k + 0.5). */
    private static VideoFrame gradientFrame(int w, int h) {
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                rgb[(y * w + x) * 3] = (byte) Math.round(redAt(x + 0.5));
                rgb[(y * w + x) * 3 + 1] = (byte) Math.round(greenAt(y + 0.5));
            }
        }
        return new VideoFrame(0, 0, w, h, rgb);
    }
}
