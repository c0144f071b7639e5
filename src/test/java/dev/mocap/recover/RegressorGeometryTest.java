package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.Vec3;
import dev.mocap.video.VideoFrame;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The pieces of the regressor backend checked by hand: crop camera → translation, crops. */
class RegressorGeometryTest {

    /**
     * s = 0.8, tx = 0.1, ty = −0.2 on a 400 px box centred at (700, 300) of a 1280 × 720 frame,
     * f = 1000: s·b = 320, so tz = 2000 / 320 = 6.25 m, tx' = 0.1 + 2·60/320 = 0.475,
     * ty' = −0.2 + 2·(−60)/320 = −0.575.
     */
    @Test
    void weakPerspectiveBecomesTheFullFrameTranslationByHand() {
        Camera camera = Camera.atOrigin(1000, 1280, 720);
        CropBox box = new CropBox(700, 300, 400);
        Vec3 t = WeakPerspective.translation(0.8, 0.1, -0.2, box, camera);
        assertEquals(0.475, t.x(), 1e-12);
        assertEquals(-0.575, t.y(), 1e-12);
        assertEquals(6.25, t.z(), 1e-12);
        // The body's origin lands where the crop camera put it: u = 700 + 200·0.8·0.1 = 716, v = 300 + 200·0.8·(−0.2) = 268.
        double[] uv = camera.project(t);
        assertEquals(716, uv[0], 1e-9);
        assertEquals(268, uv[1], 1e-9);
        // A point 0.3 m to the side, at the body's depth: weak and full perspective agree there.
        double[] side = camera.project(t.plus(new Vec3(0.3, 0, 0)));
        assertEquals(700 + 200 * 0.8 * (0.3 + 0.1), side[0], 1e-9);
        assertThrows(IllegalArgumentException.class, () -> WeakPerspective.translation(0, 0, 0, box, camera));
    }

    @Test
    void boxInformationIsCliffs() {
        float[] info = WeakPerspective.boxInfo(new CropBox(700, 300, 400), Camera.atOrigin(1000, 1280, 720));
        assertEquals(0.06f, info[0], 1e-7);
        assertEquals(-0.06f, info[1], 1e-7);
        assertEquals(0.4f, info[2], 1e-7);
    }

    /** A 224 px box on whole pixels samples each pixel exactly; beyond the frame is black; ImageNet normalisation. */
    @Test
    void cropsArePixelExactAndNormalisedAsSpin() {
        int w = 300, h = 250;
        byte[] rgb = new byte[w * h * 3];
        Random random = new Random(3);
        random.nextBytes(rgb);
        VideoFrame frame = new VideoFrame(0, 0, w, h, rgb);
        float[] out = new float[3 * 224 * 224];
        // Corner at (50, 40): crop pixel (i, j) is frame pixel (50 + i, 40 + j); rows past y = 249 are outside.
        PersonCrops.cut(frame, new CropBox(50 + 112, 40 + 112, 224), out, 0);
        float[] mean = RegressorContract.MEAN, std = RegressorContract.STD;
        for (int[] p : new int[][]{{0, 0}, {223, 0}, {17, 101}, {223, 209}}) {
            int at = 3 * ((40 + p[1]) * w + 50 + p[0]);
            for (int c = 0; c < 3; c++) {
                float expected = ((rgb[at + c] & 0xff) / 255f - mean[c]) / std[c];
                assertEquals(expected, out[c * 224 * 224 + p[1] * 224 + p[0]], 1e-5, "pixel " + p[0] + "," + p[1] + " channel " + c);
            }
        }
        for (int c = 0; c < 3; c++) {
            assertEquals(-mean[c] / std[c], out[c * 224 * 224 + 215 * 224 + 5], 1e-6, "black beyond the frame");
        }
        // Twice the size: each crop pixel is the mean of the 2 × 2 block it covers.
        PersonCrops.cut(frame, new CropBox(150, 120, 448), out, 0);
        int x = 150 - 224 + 2 * 60, y = 120 - 224 + 2 * 150;
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            for (int dy = 0; dy < 2; dy++) {
                for (int dx = 0; dx < 2; dx++) {
                    sum += rgb[3 * ((y + dy) * w + x + dx) + c] & 0xff;
                }
            }
            assertEquals((sum / 4 / 255 - mean[c]) / std[c], out[c * 224 * 224 + 150 * 224 + 60], 1e-5);
        }
    }

    /** A sample between the frame's first (or last) pixel and the black beyond blends the two. */
    @Test
    void cropsBlendIntoBlackAtTheFramesEdges() {
        int w = 300, h = 250;
        byte[] rgb = new byte[w * h * 3];
        new Random(5).nextBytes(rgb);
        VideoFrame frame = new VideoFrame(0, 0, w, h, rgb);
        float[] out = new float[3 * 224 * 224];
        float[] mean = RegressorContract.MEAN, std = RegressorContract.STD;
        // Left edge 0.3 px outside: crop column 0 samples x = −0.3, i.e. 0.7 of pixel 0 and 0.3 of black; rows on whole pixels from y = 10.
        PersonCrops.cut(frame, new CropBox(112 - 0.3, 122, 224), out, 0);
        for (int c = 0; c < 3; c++) {
            float expected = (0.7f * (rgb[3 * (15 * w) + c] & 0xff) / 255f - mean[c]) / std[c];
            assertEquals(expected, out[c * 224 * 224 + 5 * 224], 1e-5, "left, channel " + c);
        }
        // Right edge: crop column 223 samples x = w − 0.7: 0.7 of the last pixel, 0.3 beyond.
        PersonCrops.cut(frame, new CropBox(w - 112 + 0.3, 122, 224), out, 0);
        for (int c = 0; c < 3; c++) {
            float expected = (0.7f * (rgb[3 * (15 * w + w - 1) + c] & 0xff) / 255f - mean[c]) / std[c];
            assertEquals(expected, out[c * 224 * 224 + 5 * 224 + 223], 1e-5, "right, channel " + c);
        }
    }
}
