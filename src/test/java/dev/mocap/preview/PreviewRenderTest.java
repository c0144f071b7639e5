package dev.mocap.preview;

import dev.mocap.TestData;
import dev.mocap.body.ForwardKinematics;
import dev.mocap.body.Motion;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.body.Camera;
import dev.mocap.video.VideoSource;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The offscreen render under Xvfb (skipped without it): a known pose lands where the camera
 * projects its joints, and a real video's conversion gets a preview video, kept in
 * {@code target/test-output/} for people to look at.
 */
class PreviewRenderTest {
    private static final Path OUTPUT = Path.of("target", "test-output");
    /** A pixel belongs to the body when it differs from the empty scene by more than this (sum over RGB). */
    private static final int DIFFERENCE = 30;

    @Test
    void aKnownPoseLandsWhereTheCameraProjectsItsJoints() throws Exception {
        Files.createDirectories(OUTPUT);
        Path withBody = OUTPUT.resolve("known_pose.png"), empty = OUTPUT.resolve("known_pose_empty.png");
        OpenGlProcess.Result run = OpenGlProcess.run(KnownPoseRender.class.getName(), withBody.toString(), empty.toString());
        assertEquals(0, run.exit(), run.output());
        BufferedImage body = ImageIO.read(withBody.toFile()), scene = ImageIO.read(empty.toFile());
        assertEquals(SampleClip.WIDTH, body.getWidth());
        assertTrue(difference(scene.getRGB(480, 5), scene.getRGB(480, 530)) > 100, "sky above, floor below: the picture is not blank");
        assertTrue(distinctColours(body) > 200, "the shaded body brings many colours: " + distinctColours(body));

        boolean[][] silhouette = new boolean[body.getHeight()][body.getWidth()];
        int area = 0, top = Integer.MAX_VALUE;
        for (int y = 0; y < body.getHeight(); y++) {
            for (int x = 0; x < body.getWidth(); x++) {
                silhouette[y][x] = difference(body.getRGB(x, y), scene.getRGB(x, y)) > DIFFERENCE;
                if (silhouette[y][x]) {
                    area++;
                    top = Math.min(top, y);
                }
            }
        }
        assertTrue(area > 0.01 * body.getWidth() * body.getHeight(), "the body covers " + area + " pixels");

        Motion motion = KnownPoseRender.motion();
        Camera camera = SampleClip.camera();
        Vec3[] joints = motion.jointPositions(0);
        for (int j = 0; j < joints.length; j++) {
            double[] uv = camera.project(camera.toCamera(joints[j]));
            assertTrue(near(silhouette, (int) Math.round(uv[0]), (int) Math.round(uv[1]), 3),
                    Smpl24.NAMES.get(j) + " projects to " + (int) uv[0] + ", " + (int) uv[1] + " outside the rendered body");
        }
        // The highest point of the silhouette is the raised hand's finger tips (above the head).
        Vec3 fingerTip = joints[Smpl24.RIGHT_HAND].plus(
                ForwardKinematics.worldRotations(motion.skeleton(), motion.rotations().frame(0))[Smpl24.RIGHT_HAND]
                        .rotate(motion.skeleton().endSites()[Smpl24.RIGHT_HAND]));
        double expectedTop = camera.project(camera.toCamera(fingerTip))[1];
        assertEquals(expectedTop, top, 12, "top of the silhouette against the projected finger tips");
    }

    @Test
    void aRealVideosConversionGetsAPreviewVideo() throws Exception {
        Path video = TestData.file("video/tfjs/pose_1.mp4");
        Files.createDirectories(OUTPUT);
        Path preview = OUTPUT.resolve("pose_1.preview.mp4");
        OpenGlProcess.Result run = OpenGlProcess.run("dev.mocap.cli.Main", "convert", "-q", "-f", video.toString(), "-o",
                OUTPUT.resolve("pose_1").toString(), "--preview", preview.toString());
        assertEquals(0, run.exit(), run.output());
        try (VideoSource source = VideoSource.open(preview)) {
            assertEquals(720, source.info().height());
            assertTrue(source.info().width() > 1280, "the video and the 3D view side by side: " + source.info().width());
            int frames = 0;
            while (source.next() != null) {
                frames++;
            }
            assertEquals(120, frames);
        }
    }

    private static boolean near(boolean[][] mask, int x, int y, int radius) {
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                int yy = y + dy, xx = x + dx;
                if (yy >= 0 && yy < mask.length && xx >= 0 && xx < mask[0].length && mask[yy][xx]) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int difference(int a, int b) {
        return Math.abs((a >> 16 & 255) - (b >> 16 & 255)) + Math.abs((a >> 8 & 255) - (b >> 8 & 255)) + Math.abs((a & 255) - (b & 255));
    }

    private static long distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
