package dev.mocap.format.bvh;

import dev.mocap.TestData;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static dev.mocap.format.bvh.BvhWriterTest.read;
import static dev.mocap.format.bvh.BvhWriterTest.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CMU clips of the shared test data (skipped where absent): real-world BVH input. */
class BvhCmuTest {
    /** One CMU length unit, (1/0.45) inch, in metres. */
    private static final double CMU_UNIT = 0.056444;

    private static Motion cmu(String name) throws IOException {
        return BvhReader.read(clip(name), CMU_UNIT);
    }

    private static Path clip(String name) {
        return TestData.file("mocap/cmu/" + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cmu_131_01_walk.bvh", "cmu_01_01_jump.bvh", "cmu_09_11_run.bvh", "cmu_55_01_dance.bvh"})
    void roundTripIsLossless(String name) throws IOException {
        Motion original = cmu(name);
        for (BvhOptions.Unit unit : BvhOptions.Unit.values()) {
            Motion back = read(text(original, BvhOptions.DEFAULT.withUnit(unit)), 1 / unit.perMetre());
            // The file lists joints depth first, as the CMU file does: the order is unchanged.
            assertEquals(original.skeleton().names(), back.skeleton().names());
            assertArrayEquals(original.skeleton().parents(), back.skeleton().parents());
            assertEquals(original.fps(), back.fps(), 0);
            double offsets = 0, positions = 0, angles = 0;
            for (int j = 0; j < original.skeleton().size(); j++) {
                offsets = Math.max(offsets, original.skeleton().offset(j).distance(back.skeleton().offset(j)));
                Vec3 end = original.skeleton().endSites()[j];
                if (end != null) {
                    offsets = Math.max(offsets, end.distance(back.skeleton().endSites()[j]));
                }
            }
            for (int f = 0; f < original.frameCount(); f++) {
                Vec3[] a = original.jointPositions(f), b = back.jointPositions(f);
                for (int j = 0; j < a.length; j++) {
                    positions = Math.max(positions, a[j].distance(b[j]));
                    Quat qa = original.rotations().get(f, j), qb = back.rotations().get(f, j);
                    angles = Math.max(angles, qa.conjugate().times(qb).angle());
                }
            }
            System.out.printf("%s (%s): %d frames, max offset error %.2e m, joint position %.2e m, rotation %.2e rad%n",
                    name, unit, original.frameCount(), offsets, positions, angles);
            assertTrue(offsets < 1e-6 && positions < 1e-6 && angles < 1e-6,
                    name + " " + unit + ": offsets " + offsets + ", positions " + positions + ", rotations " + angles);
        }
    }

    @Test
    void walkReadsAsAPersonWalking() throws IOException {
        Motion walk = cmu("cmu_131_01_walk.bvh");
        assertEquals(994, walk.frameCount());
        assertEquals(120, walk.fps(), 0);
        assertEquals(31, walk.skeleton().size());
        assertEquals("Hips", walk.skeleton().name(0));
        assertEquals(7, Arrays.stream(walk.skeleton().endSites()).filter(e -> e != null).count());
        Vec3[] p = walk.jointPositions(0);
        double floor = Arrays.stream(p).mapToDouble(Vec3::y).min().orElseThrow();
        double head = p[walk.skeleton().indexOf("Head")].y();
        // The CMU head joint sits at the base of the skull, 1.29 m up for this subject.
        assertTrue(head - floor > 1.2 && head - floor < 1.7, "head " + (head - floor) + " m above the lowest joint");
        assertTrue(p[0].y() - floor > 0.8 && p[0].y() - floor < 1.1, "hips " + (p[0].y() - floor) + " m up");
        assertTrue(Math.abs(floor) < 0.1, "feet near the floor: " + floor);
        // Subject's left is +X at rest.
        Vec3[] rest = walk.skeleton().restPositions();
        assertTrue(rest[walk.skeleton().indexOf("LeftHip")].x() > 0);
        double travelled = walk.rootPositions()[walk.frameCount() - 1].minus(walk.rootPositions()[0]).length();
        assertTrue(travelled > 2, "walked " + travelled + " m");
    }

    enum TposeClip {
        RUN("cmu_09_11_run.bvh", 166), DANCE("cmu_55_01_dance.bvh", 1807);

        final String file;
        final int frames;

        TposeClip(String file, int frames) {
            this.file = file;
            this.frames = frames;
        }
    }

    @ParameterizedTest
    @EnumSource(TposeClip.class)
    void firstFrameIsATpose(TposeClip clip) throws IOException {
        Motion m = cmu(clip.file);
        assertEquals(clip.frames, m.frameCount());
        assertEquals(120, m.fps(), 0);
        for (int j = 1; j < m.skeleton().size(); j++) {
            assertTrue(m.rotations().get(0, j).angle() < Math.toRadians(0.01), m.skeleton().name(j) + " turned in frame 1");
        }
        Vec3[] p = m.jointPositions(0);
        Vec3 left = p[m.skeleton().indexOf("LeftHand")], right = p[m.skeleton().indexOf("RightHand")];
        Vec3 leftArm = p[m.skeleton().indexOf("LeftArm")];
        assertTrue(left.x() - right.x() > 1.3, "arms spread: " + (left.x() - right.x()) + " m");
        assertEquals(leftArm.y(), left.y(), 0.1, "hands at shoulder height");
    }
}
