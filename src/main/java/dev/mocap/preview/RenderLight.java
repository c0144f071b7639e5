package dev.mocap.preview;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Random light for a rendered view (training, and the benchmark's varied looks), applied to each
 * picture: exposure, the colour of the light (white balance), contrast and a gamma curve, and
 * sensor noise. The same light for every frame of a view.
 */
public final class RenderLight implements UnaryOperator<BufferedImage> {
    private final byte[][] curve = new byte[3][256];
    /** Sensor noise: grey levels drawn from a table of normal deviates, scaled by the view's noise level. */
    private final int[] grain = new int[4096];
    private int next;

    private RenderLight(double exposure, double[] balance, double contrast, double gamma, double noise, Random random) {
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                double x = Math.pow(v / 255.0, gamma) * exposure * balance[c];
                x = 0.5 + (x - 0.5) * contrast;
                curve[c][v] = (byte) Math.round(255 * Math.max(0, Math.min(1, x)));
            }
        }
        for (int i = 0; i < grain.length; i++) {
            grain[i] = (int) Math.round(random.nextGaussian() * noise);
        }
        next = random.nextInt(grain.length);
    }

    public static RenderLight random(Random random) {
        double exposure = Math.exp((2 * random.nextDouble() - 1) * Math.log(1.6));
        double warmth = (2 * random.nextDouble() - 1) * 0.15;
        double[] balance = {1 + warmth, 1, 1 - warmth};
        return new RenderLight(exposure, balance, 0.7 + 0.5 * random.nextDouble(), Math.exp((2 * random.nextDouble() - 1) * 0.3),
                8 * random.nextDouble(), new Random(random.nextLong()));
    }

    /** Changes the picture (BGR bytes) in place. */
    @Override
    public BufferedImage apply(BufferedImage image) {
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < bgr.length; i += 3) {
            next = (next * 1103515245 + 12345) & 0x7fffffff;
            int g = grain[next & (grain.length - 1)];
            for (int c = 0; c < 3; c++) {
                bgr[i + c] = (byte) Math.max(0, Math.min(255, (curve[2 - c][bgr[i + c] & 255] & 255) + g));
            }
        }
        return image;
    }
}
