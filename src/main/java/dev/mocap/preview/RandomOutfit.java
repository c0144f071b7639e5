package dev.mocap.preview;

import java.awt.Color;
import java.util.Random;

/**
 * A random outfit for rendered views (training, and the benchmark's varied looks): skin tones from
 * light to dark, any clothing colour, sleeves and trouser length.
 */
public final class RandomOutfit {
    private static final float[][] SKIN = {{0.95f, 0.80f, 0.69f}, {0.87f, 0.68f, 0.55f}, {0.80f, 0.57f, 0.43f}, {0.62f, 0.42f, 0.30f},
            {0.45f, 0.30f, 0.20f}, {0.30f, 0.20f, 0.14f}};
    private static final float[][] HAIR = {{0.05f, 0.04f, 0.03f}, {0.16f, 0.10f, 0.06f}, {0.45f, 0.30f, 0.15f}, {0.80f, 0.68f, 0.45f},
            {0.60f, 0.60f, 0.60f}};

    private RandomOutfit() {
    }

    public static BodyLook.Outfit of(Random random) {
        return new BodyLook.Outfit(SKIN[random.nextInt(SKIN.length)], HAIR[random.nextInt(HAIR.length)], cloth(random), cloth(random),
                cloth(random), random.nextDouble() < 0.4, random.nextDouble() < 0.2);
    }

    /** Any hue, from greys to saturated, from dark to light. */
    private static float[] cloth(Random random) {
        float saturation = random.nextDouble() < 0.3 ? 0.05f * random.nextFloat() : 0.2f + 0.7f * random.nextFloat();
        int rgb = Color.HSBtoRGB(random.nextFloat(), saturation, 0.1f + 0.85f * random.nextFloat());
        return new float[]{((rgb >> 16) & 255) / 255f, ((rgb >> 8) & 255) / 255f, (rgb & 255) / 255f};
    }
}
