package dev.mocap.format.bvh;

import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import dev.mocap.format.EulerOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BvhWriterTest {

    @Test
    void headerFollowsTheConventions() throws IOException {
        List<String> lines = lines(TestMotions.walk(3, 30), BvhOptions.DEFAULT);
        assertEquals("HIERARCHY", lines.get(0));
        assertEquals("ROOT pelvis", lines.get(1));
        assertEquals("\tOFFSET 0 0 0", lines.get(3));
        assertEquals("\tCHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation", lines.get(4));
        assertEquals("\tJOINT left_hip", lines.get(5));
        assertEquals("\t\tOFFSET 0.09 -0.08 0", lines.get(7));
        assertEquals("\t\tCHANNELS 3 Zrotation Xrotation Yrotation", lines.get(8));
        int motion = lines.indexOf("MOTION");
        assertEquals("Frames: 3", lines.get(motion + 1));
        assertEquals("Frame Time: 0.0333333333333", lines.get(motion + 2));
        assertEquals(motion + 6, lines.size());
        assertEquals(6 + 3 * 23, lines.get(motion + 3).split(" ").length);
        assertEquals(24, lines.stream().filter(l -> l.strip().startsWith("CHANNELS")).count());
    }

    @Test
    void rotationOrderIsAnOption() throws IOException {
        List<String> lines = lines(TestMotions.walk(2, 30), BvhOptions.DEFAULT.withRotationOrder(EulerOrder.YXZ));
        assertEquals("\tCHANNELS 6 Xposition Yposition Zposition Yrotation Xrotation Zrotation", lines.get(4));
        assertEquals(0, distance(TestMotions.walk(2, 30), read(text(TestMotions.walk(2, 30),
                BvhOptions.DEFAULT.withRotationOrder(EulerOrder.YXZ)), 1)), 1e-9);
    }

    @Test
    void frameTimeIsPrintedPrecisely() {
        assertEquals("0.00833333333333", BvhWriter.frameTime(120));
        assertEquals("0.04", BvhWriter.frameTime(25));
        assertEquals("0.0333666666667", BvhWriter.frameTime(30000.0 / 1001));
    }

    @Test
    void numbersArePlainDecimals() {
        assertEquals("0", BvhWriter.decimal(-0.0));
        assertEquals("0", BvhWriter.decimal(1e-12));
        assertEquals("0.0000001", BvhWriter.decimal(1e-7));
        assertEquals("-12.5", BvhWriter.decimal(-12.5));
        assertEquals("123456789", BvhWriter.decimal(123456789));
        assertEquals("0.333333333", BvhWriter.decimal(1.0 / 3));
    }

    @Test
    void walkSurvivesAWriteAndReadBack() throws IOException {
        Motion walk = TestMotions.walk(60, 30);
        Motion back = read(text(walk, BvhOptions.DEFAULT), 1);
        assertEquals(30, back.fps(), 0);
        assertEquals(Set.copyOf(walk.skeleton().names()), Set.copyOf(back.skeleton().names()));
        assertTrue(distance(walk, back) < 1e-8, "max distance " + distance(walk, back));
        assertEquals(walk.skeleton().endSites()[15], back.skeleton().endSites()[back.skeleton().indexOf("head")]);
    }

    @Test
    void centimetresScaleLengthsOnly() throws IOException {
        Motion walk = TestMotions.walk(10, 30);
        String cm = text(walk, BvhOptions.DEFAULT.withUnit(BvhOptions.Unit.CENTIMETRES));
        assertTrue(cm.contains("\t\tOFFSET 9 -8 0\n"), cm);
        assertTrue(distance(walk, read(cm, 0.01)) < 1e-8);
        Motion literal = read(cm, 1);
        assertEquals(100 * walk.jointPositions(4)[15].y(), literal.jointPositions(4)[literal.skeleton().indexOf("head")].y(), 1e-6);
    }

    @Test
    void anglesStayContinuousThroughSpins() throws IOException {
        Motion walk = TestMotions.walk(90, 30);
        Quat[][] spinning = new Quat[90][];
        for (int f = 0; f < 90; f++) {
            spinning[f] = walk.rotations().frame(f);
            // Three full turns about Y plus a somersault about X: both pass ±180° several times.
            spinning[f][0] = Quat.axisAngle(Vec3.Y, f * 0.21).times(Quat.axisAngle(Vec3.X, f * 0.07));
        }
        Motion motion = new Motion(walk.skeleton(), 30, walk.rootPositions(), spinning);
        List<String> lines = lines(motion, BvhOptions.DEFAULT);
        List<String> frames = lines.subList(lines.indexOf("MOTION") + 3, lines.size());
        double[] previous = null;
        for (String frame : frames) {
            double[] values = Arrays.stream(frame.split(" ")).mapToDouble(Double::parseDouble).toArray();
            if (previous != null) {
                for (int i = 3; i < values.length; i++) {
                    assertTrue(Math.abs(values[i] - previous[i]) < 30, "jump in column " + i + ": " + previous[i] + " → " + values[i]);
                }
            }
            previous = values;
        }
        assertTrue(distance(motion, read(String.join("\n", lines), 1)) < 1e-8);
    }

    @Test
    void namesAreSanitisedAndKeptUnique() throws IOException {
        Skeleton s = new Skeleton(List.of("mixamorig:Hips", "Left Leg", "Left:Leg", "{x}", " "), new int[]{-1, 0, 0, 0, 3},
                new Vec3[]{Vec3.ZERO, new Vec3(0.1, -0.4, 0), new Vec3(0.2, -0.4, 0), new Vec3(0, 0.3, 0), new Vec3(0, 0.1, 0)},
                new Vec3[5]);
        String bvh = text(still(s), BvhOptions.DEFAULT);
        assertEquals(List.of("mixamorig_Hips", "Left_Leg", "Left_Leg_2", "_x_", "joint"), read(bvh, 1).skeleton().names());
    }

    @Test
    void leavesWithoutEndSitesGetAStubAlongTheBone() {
        Skeleton s = new Skeleton(List.of("root", "long", "short", "zero"), new int[]{-1, 0, 0, 2},
                new Vec3[]{Vec3.ZERO, new Vec3(0, -0.5, 0), new Vec3(0.05, 0, 0), Vec3.ZERO}, new Vec3[4]);
        assertEquals(new Vec3(0, -0.05, 0), BvhWriter.endSite(s, 1));
        assertEquals(new Vec3(0.01, 0, 0), BvhWriter.endSite(s, 3), "a zero-length bone continues its parent's");
        Skeleton lone = new Skeleton(List.of("root"), new int[]{-1}, new Vec3[]{Vec3.ZERO}, new Vec3[1]);
        assertEquals(new Vec3(0, 0.01, 0), BvhWriter.endSite(lone, 0));
    }

    @Test
    void everyLeafHasAnEndSite() throws IOException {
        Skeleton s = TestMotions.humanSkeleton();
        Vec3[] noEnds = new Vec3[s.size()];
        Skeleton bare = new Skeleton(s.names(), s.parents(), s.offsets(), noEnds);
        Skeleton back = read(text(still(bare), BvhOptions.DEFAULT), 1).skeleton();
        for (int j = 0; j < s.size(); j++) {
            assertEquals(s.children(j).isEmpty(), back.endSites()[back.indexOf(s.name(j))] != null, s.name(j));
        }
        Vec3 footStub = back.endSites()[back.indexOf("left_foot")];
        assertEquals(Math.max(0.01, 0.1 * s.boneLength(10)), footStub.length(), 1e-9);
        assertEquals(1, footStub.normalized().dot(s.offset(10).normalized()), 1e-9);
    }

    @Test
    void fileIsWrittenAtomically(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("walk.bvh");
        new BvhWriter().write(TestMotions.walk(5, 30), file);
        assertTrue(Files.readString(file).startsWith("HIERARCHY\n"));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList());
        }
        assertFalse(Files.readString(file).contains("E-"), "no exponents");
    }

    private static Motion still(Skeleton s) {
        Quat[] rest = new Quat[s.size()];
        Arrays.fill(rest, Quat.IDENTITY);
        return new Motion(s, 24, new Vec3[]{new Vec3(0, 1, 0)}, new Quat[][]{rest});
    }

    static String text(Motion motion, BvhOptions options) throws IOException {
        StringWriter out = new StringWriter();
        new BvhWriter(options).write(motion, out);
        return out.toString();
    }

    private static List<String> lines(Motion motion, BvhOptions options) throws IOException {
        return text(motion, options).lines().toList();
    }

    static Motion read(String bvh, double unitScale) throws IOException {
        return BvhReader.read(new StringReader(bvh), "test.bvh", unitScale);
    }

    /**
     * The largest distance between joints of the same name of two motions at the same frame, in
     * metres. A BVH file lists joints depth first, so a motion read back has them in that order.
     */
    static double distance(Motion a, Motion b) {
        assertEquals(a.frameCount(), b.frameCount());
        double max = 0;
        for (int f = 0; f < a.frameCount(); f++) {
            Vec3[] pa = a.jointPositions(f), pb = b.jointPositions(f);
            for (int j = 0; j < pa.length; j++) {
                max = Math.max(max, pa[j].distance(pb[b.skeleton().indexOf(a.skeleton().name(j))]));
            }
        }
        return max;
    }
}
