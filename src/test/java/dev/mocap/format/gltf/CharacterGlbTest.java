package dev.mocap.format.gltf;

import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.body.Vec3;
import dev.mocap.format.BlenderImport;
import dev.mocap.format.BlenderRender;
import dev.mocap.format.BlenderRunner;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.retarget.LoadedRig;
import dev.mocap.retarget.ExportPreset;
import dev.mocap.retarget.Retargeting;
import dev.mocap.retarget.RigFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A CMU walk retargeted onto a test-data character and written into a copy of that character's
 * GLB: Blender imports it with the character's own mesh, and every bone head at several frames
 * lies within 1 mm of our forward kinematics of the retargeted motion, whatever the file's nodes
 * above the rig carry (mannequiny: stored pose not the bind pose; Quaternius: FBX2glTF's armature
 * transforms). A Workbench render of a mid-stride frame goes to {@code target/renders/} for a
 * person to look at. Skipped without Blender or the test data.
 */
class CharacterGlbTest {
    private static final double CMU_UNIT = 0.056444;
    private static final double TOLERANCE_METRES = 0.001;
    private static final int FPS = 30;
    private static final int[] FRAMES = {0, 45, 90};
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"makehuman/makehuman_mixamo.glb", "mannequiny/mannequiny-0.3.0.glb", "quaternius/modular_men_Casual.glb"})
    void blenderShowsTheCharacterWalking(String character) throws Exception {
        assumeTrue(BlenderRunner.available(), "Blender not installed (blender on the PATH or BLENDER)");
        Path characterFile = TestData.file("characters/" + character);
        Motion cmu = BvhReader.read(TestData.file("mocap/cmu/cmu_131_01_walk.bvh"), CMU_UNIT);
        LoadedRig loaded = RigFiles.load(characterFile, Map.of());
        Motion walk = new Retargeting("test", loaded.rig(), FPS, ExportPreset.RootMotion.WORLD).apply(cmu);
        String name = characterFile.getFileName().toString().replace(".glb", "");
        Path glb = dir.resolve(name + "_walk.glb");
        Exporters.defaults().withCharacter(loaded.character()).write(walk, Format.GLB, glb);

        BlenderImport.Result result = BlenderImport.gltf(dir, FPS, FRAMES, List.of(new BlenderImport.Request(name, glb))).get(name);
        assertTrue(result.meshes() >= 1, "the character's mesh comes along");
        assertEquals(walk.frameCount() - 1, result.lastFrame(), 1e-6, "frame range");
        double worst = 0;
        for (int frame : FRAMES) {
            Vec3[] expected = walk.jointPositions(frame);
            for (int b = 0; b < expected.length; b++) {
                worst = Math.max(worst, BlenderImport.fromBlender(result.head(frame, walk.skeleton().name(b))).distance(expected[b]));
            }
        }
        Vec3 start = walk.rootPositions()[0], end = walk.rootPositions()[walk.frameCount() - 1];
        System.out.printf(Locale.ROOT, "%s: %d bones, %d frames, max bone head difference from our FK %.4f mm, root travels %.2f m%n",
                name, result.bones(), walk.frameCount(), 1000 * worst, start.distance(end));
        assertTrue(worst < TOLERANCE_METRES, name + ": bone heads differ by up to " + 1000 * worst + " mm");
        render(name, glb, walk);
    }

    private void render(String name, Path glb, Motion walk) throws Exception {
        int frame = FRAMES[1];
        Path picture = Path.of("target/renders/character_" + name + ".png");
        Vec3 centre = Vec3.ZERO;
        for (Vec3 p : walk.jointPositions(frame)) {
            centre = centre.plus(p.times(1.0 / walk.skeleton().size()));
        }
        BlenderRender.render(glb, FPS, frame, centre, new Vec3(2.2, 0.3, 4.4), false, 600, 800, picture, dir);
        BufferedImage image = ImageIO.read(picture.toFile());
        int background = image.getRGB(0, 0), covered = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                covered += differs(image.getRGB(x, y), background) ? 1 : 0;
            }
        }
        double share = covered / (double) (image.getWidth() * image.getHeight());
        System.out.printf(Locale.ROOT, "  render %s: the character covers %.1f %% of the picture%n", picture, 100 * share);
        assertTrue(share > 0.02 && share < 0.3, "the character is in the picture");
    }

    /** Whether a pixel is clearly not the background (renders dither it by a few levels). */
    private static boolean differs(int rgb, int background) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((rgb >> shift & 0xFF) - (background >> shift & 0xFF)) > 24) {
                return true;
            }
        }
        return false;
    }
}
