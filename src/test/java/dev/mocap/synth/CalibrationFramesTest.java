package dev.mocap.synth;

import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.format.bvh.BvhWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CalibrationFramesTest {
    @TempDir
    Path dir;

    private static Motion walk() throws IOException {
        return BvhReader.read(Path.of("samples", "walk_wave.bvh"), 1);
    }

    /** The motion with frames of these roots and poses put in front of its own. */
    private static Motion preceded(Motion m, Vec3[] roots, Quat[][] poses) {
        int n = m.frameCount(), k = roots.length;
        Vec3[] root = new Vec3[n + k];
        Quat[][] rotations = new Quat[n + k][];
        for (int f = 0; f < k; f++) {
            root[f] = roots[f];
            rotations[f] = poses[f];
        }
        for (int f = 0; f < n; f++) {
            root[k + f] = m.rootPositions()[f];
            rotations[k + f] = m.rotations().frame(f);
        }
        return new Motion(m.skeleton(), m.fps(), root, rotations);
    }

    private static Quat[] restPose(Motion m) {
        Quat[] rest = new Quat[m.skeleton().size()];
        Arrays.fill(rest, Quat.IDENTITY);
        return rest;
    }

    private static int count(Motion m) {
        return CalibrationFrames.count(CorpusClip.of("take", m).points(), m.fps());
    }

    @Test
    void aPerformanceFromItsFirstFrameHasNone() throws IOException {
        Motion walk = walk();
        assertEquals(0, count(walk));
        int n = walk.frameCount();
        Vec3[] root = new Vec3[n / 4];
        Quat[][] rotations = new Quat[n / 4][];
        for (int f = 0; f < root.length; f++) {
            root[f] = walk.rootPositions()[4 * f];
            rotations[f] = walk.rotations().frame(4 * f);
        }
        assertEquals(0, count(new Motion(walk.skeleton(), walk.fps(), root, rotations)), "the walk played four times as fast");
    }

    @Test
    void aRestPoseBeforeThePerformanceIsOne() throws IOException {
        Motion walk = walk();
        Motion take = preceded(walk, new Vec3[]{walk.rootPositions()[0]}, new Quat[][]{restPose(walk)});
        assertEquals(1, count(take));
    }

    @Test
    void framesFromElsewhereBeforeACutAreCountedToo() throws IOException {
        Motion walk = walk();
        Vec3 far = walk.rootPositions()[0].plus(new Vec3(0, 0, -2));
        Motion take = preceded(walk, new Vec3[]{far, far}, new Quat[][]{restPose(walk), walk.rotations().frame(0)});
        assertEquals(2, count(take), "a rest frame and a frame 2 m away, then the performance");
    }

    @Test
    void readingATakeDropsItsRestFrame() throws IOException {
        Motion walk = walk();
        Path file = dir.resolve("take.bvh");
        new BvhWriter().write(preceded(walk, new Vec3[]{walk.rootPositions()[0]}, new Quat[][]{restPose(walk)}), file);
        Motion read = CorpusClip.readMotion(file);
        Motion whole = CorpusClip.readMotion(Path.of("samples", "walk_wave.bvh"));
        assertEquals(walk.frameCount(), read.frameCount());
        for (int f = 0; f < read.frameCount(); f += 17) {
            assertEquals(0, read.rootPositions()[f].distance(whole.rootPositions()[f]), 1e-6, "frame " + f);
        }
    }
}
