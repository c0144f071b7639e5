package dev.mocap.pose;

import java.util.ArrayList;
import java.util.List;

/**
 * Anchor centres of the BlazePose detector (MediaPipe's SSD anchor generator with fixed anchor
 * size): strides 8, 16, 32, 32, 32 on a 224 input; layers of equal stride share one feature map
 * with two anchors per layer and cell, giving 28²·2 + 14²·2 + 7²·6 = 2254 anchors.
 */
final class SsdAnchors {
    static final int INPUT_SIZE = 224;
    private static final int[] STRIDES = {8, 16, 32, 32, 32};
    private static final int ANCHORS_PER_LAYER = 2;

    /** Returns x0, y0, x1, y1, … normalised to [0, 1]. */
    static float[] centres() {
        List<float[]> out = new ArrayList<>();
        int layer = 0;
        while (layer < STRIDES.length) {
            int stride = STRIDES[layer];
            int sameStride = 0;
            while (layer + sameStride < STRIDES.length && STRIDES[layer + sameStride] == stride) {
                sameStride++;
            }
            int cells = (int) Math.ceil((double) INPUT_SIZE / stride);
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int a = 0; a < sameStride * ANCHORS_PER_LAYER; a++) {
                        out.add(new float[]{(x + 0.5f) / cells, (y + 0.5f) / cells});
                    }
                }
            }
            layer += sameStride;
        }
        float[] flat = new float[out.size() * 2];
        for (int i = 0; i < out.size(); i++) {
            flat[2 * i] = out.get(i)[0];
            flat[2 * i + 1] = out.get(i)[1];
        }
        return flat;
    }

    private SsdAnchors() {
    }
}
