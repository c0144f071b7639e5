package dev.mocap.format.gltf;

import dev.mocap.body.Motion;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import dev.mocap.format.BlenderRender;
import dev.mocap.format.BlenderRunner;
import dev.mocap.format.BodyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A picture for a person to look at: the mannequin mid-stride in the walk, as Blender's glTF
 * importer shows our GLB, rendered with the Workbench engine in the file's material colours to
 * {@code target/renders/mannequin_walk.png}. Seen from the front, the subject's left (blue)
 * must be on the right of the picture and its right (orange) on the left. Skipped without Blender.
 */
class MannequinRenderTest {
    static final Path PICTURE = Path.of("target/renders/mannequin_walk.png");
    private static final int FRAME = 8;
    @Test
    void mannequinMidStride(@TempDir Path dir) throws Exception {
        assumeTrue(BlenderRunner.available(), "Blender not installed (blender on the PATH or BLENDER)");
        Motion walk = TestMotions.walk(61, 30);
        Path glb = dir.resolve("walk.glb");
        GltfExporter.write(walk, GltfOptions.DEFAULT.withBody(BodyOption.MANNEQUIN), glb);
        Vec3 target = walk.rootPositions()[FRAME].plus(new Vec3(0, -0.1, 0));
        BlenderRender.render(glb, 30, FRAME, target, new Vec3(1.6, 0.5, 3.6), true, 800, 1000, PICTURE, dir);
        BufferedImage image = ImageIO.read(PICTURE.toFile());
        double[] blue = centroid(image, true), orange = centroid(image, false);
        System.out.printf("mannequin render: %s (%d×%d), blue (left) pixels %.0f at x %.0f, orange (right) pixels %.0f at x %.0f%n",
                PICTURE, image.getWidth(), image.getHeight(), blue[0], blue[1], orange[0], orange[1]);
        double minimum = 0.002 * image.getWidth() * image.getHeight();
        assertTrue(blue[0] > minimum && orange[0] > minimum, "both sides visible in their colours");
        assertTrue(blue[1] > orange[1], "the subject's left (blue) is on the right of a front view");
    }

    /** {pixel count, mean x} of the clearly blue or clearly orange pixels. */
    private static double[] centroid(BufferedImage image, boolean blue) {
        double count = 0, sumX = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF, b = rgb & 0xFF;
                if (blue ? b > r + 60 : r > b + 60) {
                    count++;
                    sumX += x;
                }
            }
        }
        return new double[]{count, count > 0 ? sumX / count : 0};
    }
}
