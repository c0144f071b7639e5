package dev.mocap.body;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JointPathsTest {

    @Test
    void jointPathsAreTheMotionsJointPositions() {
        Random random = new Random(9);
        Skeleton skeleton = AdultSkeleton.smpl24();
        int frames = 5;
        Vec3[] root = new Vec3[frames];
        Quat[][] rotations = new Quat[frames][skeleton.size()];
        for (int f = 0; f < frames; f++) {
            root[f] = new Vec3(random.nextGaussian(), 1 + random.nextGaussian(), random.nextGaussian());
            for (int j = 0; j < skeleton.size(); j++) {
                rotations[f][j] = new Quat(random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()).normalized();
            }
        }
        Motion motion = new Motion(skeleton, 30, root, rotations);
        JointPaths paths = JointPaths.of(motion);
        assertEquals(frames, paths.frameCount());
        for (int f = 0; f < frames; f++) {
            Vec3[] expected = motion.jointPositions(f);
            for (int j = 0; j < skeleton.size(); j++) {
                assertEquals(expected[j], paths.get(f, j), "frame " + f + ", joint " + j);
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> paths.get(frames, 0));
    }
}
