package dev.mocap.preview;

import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Child-process entry of {@link PreviewRenderTest}: renders the sample's waving pose through the
 * sample camera, and the same scene with the body lifted out of sight, as two PNGs.
 */
public final class KnownPoseRender {
    static final int FRAME = 100;
    static final Vec3 OUT_OF_SIGHT = new Vec3(0, 1000, 0);

    /** The pose at the origin in frame 0, lifted 1000 m in frame 1. */
    static Motion motion() {
        Motion sample = SampleMotion.walkAndWave();
        Vec3 root = sample.rootPositions()[FRAME];
        Quat[] pose = sample.rotations().frame(FRAME);
        return new Motion(sample.skeleton(), sample.fps(), new Vec3[]{root, root.plus(OUT_OF_SIGHT)}, new Quat[][]{pose, pose});
    }

    public static void main(String[] args) throws IOException {
        try (OffscreenRenderer renderer = OffscreenRenderer.start(motion(), BodyLook.SIDES, ViewCamera.pinhole(SampleClip.camera()),
                SampleClip.WIDTH, SampleClip.HEIGHT)) {
            for (int f = 0; f < 2; f++) {
                BufferedImage image = renderer.render(f);
                ImageIO.write(image, "png", Path.of(args[f]).toFile());
            }
        }
    }

    private KnownPoseRender() {
    }
}
