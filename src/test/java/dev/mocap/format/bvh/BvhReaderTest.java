package dev.mocap.format.bvh;

import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static dev.mocap.format.bvh.BvhWriterTest.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class BvhReaderTest {
    /** Mixed channel orders, a name with a space, a brace on the name line, End Sites. */
    private static final String ARM = """
            HIERARCHY
            ROOT Hips
            {
              OFFSET 0 0 0
              CHANNELS 6 Yrotation Xposition Yposition Zposition Xrotation Zrotation
              JOINT Left Arm {
                OFFSET 10 0 0
                CHANNELS 3 Xrotation Zrotation Yrotation
                End Site
                {
                  OFFSET 5 0 0
                }
              }
              JOINT Head
              {
                OFFSET 0 20 0
                CHANNELS 3 Zrotation Yrotation Xrotation
                End Site
                {
                  OFFSET 0 4 0
                }
              }
            }
            MOTION
            Frames: 2
            Frame Time: 0.0333333
            0 1 2 3 0 0   0 0 0   0 0 0
            90 1 2 3 0 0   0 90 0   0 0 30
            """;

    @Test
    void readsHierarchyAndChannelsInAnyOrder() throws IOException {
        Motion m = read(ARM, 0.01);
        assertEquals(List.of("Hips", "Left Arm", "Head"), m.skeleton().names());
        assertEquals(2, m.frameCount());
        assertEquals(30, m.fps(), 0);
        assertEquals(new Vec3(0.1, 0, 0), m.skeleton().offset(1));
        assertEquals(new Vec3(0.05, 0, 0), m.skeleton().endSites()[1]);
        assertEquals(new Vec3(0, 0.04, 0), m.skeleton().endSites()[2]);
        assertNull(m.skeleton().endSites()[0]);
        assertEquals(new Vec3(0.01, 0.02, 0.03), m.rootPositions()[1]);

        Vec3[] rest = m.jointPositions(0);
        assertClose(new Vec3(0.11, 0.02, 0.03), rest[1]);
        assertClose(new Vec3(0.01, 0.22, 0.03), rest[2]);

        // Frame 2: the root turns 90° about Y (+X goes to -Z); the arm turns 90° about Z.
        Vec3[] p = m.jointPositions(1);
        assertClose(new Vec3(0.01, 0.02, 0.03 - 0.1), p[1]);
        Quat expectedArm = Quat.axisAngle(Vec3.Y, Math.PI / 2).times(Quat.axisAngle(Vec3.Z, Math.PI / 2));
        assertClose(expectedArm.rotate(new Vec3(0.05, 0, 0)), m.rotations().get(1, 0).times(m.rotations().get(1, 1)).rotate(new Vec3(0.05, 0, 0)));
        assertEquals(Math.toRadians(30), m.rotations().get(1, 2).angle(), 1e-12);
    }

    @Test
    void rotationChannelsMultiplyInListedOrder() throws IOException {
        Motion m = read(ARM.replace("90 1 2 3 0 0   0 90 0   0 0 30", "0 0 0 0 0 0   20 30 40   0 0 0"), 1);
        Quat expected = Quat.axisAngle(Vec3.X, Math.toRadians(20)).times(Quat.axisAngle(Vec3.Z, Math.toRadians(30)))
                .times(Quat.axisAngle(Vec3.Y, Math.toRadians(40)));
        assertEquals(1, Math.abs(expected.dot(m.rotations().get(1, 1))), 1e-12);
    }

    @Test
    void rootPositionChannelsAreAbsoluteWhateverTheOffset() throws IOException {
        Motion m = read(ARM.replaceFirst("OFFSET 0 0 0", "OFFSET 7 8 9"), 1);
        assertEquals(new Vec3(1, 2, 3), m.rootPositions()[0]);
        assertEquals(Vec3.ZERO, m.skeleton().offset(0));
    }

    @Test
    void rootWithoutPositionChannelsStaysAtItsOffset() throws IOException {
        String bvh = ARM.replaceFirst("OFFSET 0 0 0", "OFFSET 7 8 9")
                .replace("CHANNELS 6 Yrotation Xposition Yposition Zposition Xrotation Zrotation", "CHANNELS 3 Yrotation Xrotation Zrotation")
                .replace("0 1 2 3 0 0   ", "0 0 0   ").replace("90 1 2 3 0 0   ", "90 0 0   ");
        Motion m = read(bvh, 1);
        assertEquals(new Vec3(7, 8, 9), m.rootPositions()[1]);
    }

    @Test
    void constantPositionChannelsBelowTheRootReplaceTheOffset() throws IOException {
        String bvh = ARM.replace("CHANNELS 3 Xrotation Zrotation Yrotation", "CHANNELS 6 Xposition Yposition Zposition Xrotation Zrotation Yrotation")
                .replace("0 0 0   0 0 0\n", "12 1 0   0 0 0   0 0 0\n").replace("0 90 0   0 0 30", "12 1 0   0 90 0   0 0 30");
        Motion m = read(bvh, 1);
        assertEquals(new Vec3(12, 1, 0), m.skeleton().offset(1));
        assertEquals(Math.PI / 2, m.rotations().get(1, 1).angle(), 1e-12);
    }

    @Test
    void movingPositionChannelsBelowTheRootAreRejected() {
        String bvh = ARM.replace("CHANNELS 3 Xrotation Zrotation Yrotation", "CHANNELS 6 Xposition Yposition Zposition Xrotation Zrotation Yrotation")
                .replace("0 0 0   0 0 0\n", "12 1 0   0 0 0   0 0 0\n").replace("0 90 0   0 0 30", "13 1 0   0 90 0   0 0 30");
        BvhFormatException e = assertThrows(BvhFormatException.class, () -> read(bvh, 1));
        assertEquals(28, e.line());
        assertTrue(e.getMessage().contains("Left Arm has moving position channels"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            ".0083333, 120",
            "0.008333333, 120",
            "0.0333333333333, 30",
            "0.04, 25",
            "0.033367, 29.97002997002997",
            "0.0417083, 23.976023976023978",
            "0.0425531914894, 23.5"})
    void frameRatesAreRecoveredExactlyFromRoundedFrameTimes(String frameTime, double fps) throws IOException {
        Motion m = read(ARM.replace("0.0333333", frameTime), 1);
        assertEquals(fps, m.fps(), 1e-9);
        if (fps == Math.rint(fps)) {
            assertEquals(fps, m.fps(), 0);
        }
    }

    @Test
    void zeroFramesIsAnEmptyMotion() throws IOException {
        String bvh = ARM.substring(0, ARM.indexOf("Frames:")) + "Frames: 0\nFrame Time: 0.04\n";
        Motion m = read(bvh, 1);
        assertEquals(0, m.frameCount());
        assertEquals(3, m.skeleton().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HIERARCHY|HIERARCHY x           |1 |expected ROOT, found 'x'",
            "ROOT Hips|ROOT Hips\\n{          |4 |expected OFFSET, found '{'",
            "OFFSET 0 0 0|OFFSET 0 zero 0     |4 |expected a number (the OFFSET of Hips), found 'zero'",
            "OFFSET 10 0 0|OFFSET 10 NaN 0    |7 |expected a number",
            "CHANNELS 3 Xrotation Zrotation Yrotation|CHANNELS 7 Xrotation|8|channel count of Left Arm must be a whole number from 0 to 6",
            "CHANNELS 3 Xrotation Zrotation Yrotation|CHANNELS 3 Xrotation Wrotation Yrotation|8|unknown channel 'Wrotation'",
            "CHANNELS 3 Xrotation Zrotation Yrotation|CHANNELS 3 Xrotation Xrotation Yrotation|8|channel Xrotation appears twice",
            "JOINT Head|KNEE Head            |14|expected JOINT, End Site or }, found 'KNEE'",
            "End Site|End Zone               |9 |expected End Site",
            "MOTION|ROOT Other               |24|a second ROOT",
            "MOTION|MOTON                    |24|expected MOTION after the hierarchy, found 'MOTON'",
            "Frames: 2|Frames: two           |25|the frame count must be a whole number",
            "Frames: 2|Frames: -1            |25|the frame count must be a whole number",
            "Frames: 2|Frames: 3             |28|the file ends after 2 of 3 frames",
            "Frames: 2|Frames: 1             |28|more frame lines than 'Frames: 1'",
            "Frame Time: 0.0333333|Frame Time: 0|26|the frame time must be a positive number",
            "Frame Time: 0.0333333|Frame Time: -1|26|the frame time must be a positive number",
            "0 90 0   0 0 30|0 90 0   0 0|28|frame 2 has 11 values, the hierarchy has 12 channels",
            "0 90 0   0 0 30|0 90 0   0 0 x|28|expected a number (a channel value), found 'x'",
            "0 90 0   0 0 30|0 90 0   0 0 Infinity|28|expected a number (a channel value), found 'Infinity'"})
    void malformedInputNamesTheLine(String original, String replacement, int line, String message) {
        String bvh = ARM.replaceFirst(Pattern.quote(original), replacement.strip().replace("\\n", "\n"));
        if (bvh.equals(ARM)) {
            fail("test case does not change the file: " + original);
        }
        BvhFormatException e = assertThrows(BvhFormatException.class, () -> read(bvh, 1));
        assertTrue(e.getMessage().startsWith("test.bvh line " + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(line, e.line());
    }

    @Test
    void truncatedFilesFailCleanly() throws IOException {
        String bvh = BvhWriterTest.text(TestMotions.walk(3, 30), BvhOptions.DEFAULT);
        for (int end = 0; end < bvh.length() - 1; end += 7) {
            String cut = bvh.substring(0, end);
            assertThrows(BvhFormatException.class, () -> read(cut, 1), () -> "cut at " + cut.length());
        }
    }

    @Test
    void fuzzedFilesReadOrFailWithAFormatError() throws IOException {
        String bvh = BvhWriterTest.text(TestMotions.walk(3, 30), BvhOptions.DEFAULT);
        String[] junk = {"{", "}", "JOINT", "End", "Site", "ROOT", "MOTION", "OFFSET", "CHANNELS", "6", "-1", "1e400",
                "99999999999", "Xposition", "\n", " ", "Frames:", "0", "NaN", "\u0000", "ü"};
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            StringBuilder s = new StringBuilder(bvh);
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, junk[random.nextInt(junk.length)]);
                    default -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
                }
            }
            try {
                read(s.toString(), 1);
            } catch (BvhFormatException expected) {
                // a clear error is fine
            } catch (RuntimeException e) {
                throw new AssertionError("crash on fuzzed input " + i + ":\n" + s, e);
            }
        }
    }

    @Test
    void deepNestingDoesNotOverflowTheStack() {
        StringBuilder s = new StringBuilder("HIERARCHY\nROOT r\n{\nOFFSET 0 0 0\nCHANNELS 0\n");
        for (int i = 0; i < 100_000; i++) {
            s.append("JOINT j").append(i).append("\n{\nOFFSET 0 1 0\nCHANNELS 0\n");
        }
        assertThrows(BvhFormatException.class, () -> read(s.toString(), 1));
    }

    @Test
    void unitScaleMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> read(ARM, 0));
        assertThrows(IllegalArgumentException.class, () -> read(ARM, Double.NaN));
    }

    private static void assertClose(Vec3 expected, Vec3 actual) {
        assertTrue(expected.distance(actual) < 1e-12, "expected " + expected + ", got " + actual);
    }
}
