package dev.mocap.preview;

import dev.mocap.body.AdultSkeleton;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.mesh.Mannequin;
import dev.mocap.body.mesh.SkinnedMesh;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BodyLookTest {
    private static final float[] SKIN = {0.3f, 0.2f, 0.1f}, HAIR = {0.1f, 0.1f, 0.1f}, SHIRT = {0f, 1f, 0f}, TROUSERS = {0f, 0f, 1f},
            SHOES = {1f, 1f, 0f};

    @Test
    void anOutfitColoursEachBodyPartAndItsCutDecidesTheForearmsAndShins() {
        Skeleton skeleton = AdultSkeleton.smpl24();
        SkinnedMesh mesh = Mannequin.of(skeleton);
        float[] shortCut = BodyLook.dressed(new BodyLook.Outfit(SKIN, HAIR, SHIRT, TROUSERS, SHOES, false, false)).vertexColours(mesh, skeleton);
        float[] longSleevesShorts = BodyLook.dressed(new BodyLook.Outfit(SKIN, HAIR, SHIRT, TROUSERS, SHOES, true, true))
                .vertexColours(mesh, skeleton);
        boolean sawForearm = false, sawShin = false;
        for (int v = 0; v < mesh.vertexCount(); v++) {
            int joint = mesh.joint(v, 0);
            float[] a = Arrays.copyOfRange(shortCut, 3 * v, 3 * v + 3), b = Arrays.copyOfRange(longSleevesShorts, 3 * v, 3 * v + 3);
            switch (joint) {
                case Smpl24.LEFT_ELBOW -> {
                    assertArrayEquals(SKIN, a);
                    assertArrayEquals(SHIRT, b);
                    sawForearm = true;
                }
                case Smpl24.RIGHT_KNEE -> {
                    assertArrayEquals(TROUSERS, a);
                    assertArrayEquals(SKIN, b);
                    sawShin = true;
                }
                case Smpl24.SPINE3 -> assertArrayEquals(SHIRT, a);
                case Smpl24.LEFT_FOOT -> assertArrayEquals(SHOES, a);
                default -> {
                }
            }
        }
        assertTrue(sawForearm && sawShin);
    }
}
