package dev.mocap.body;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JointRotationsTest {

    private static Quat random(Random random) {
        return new Quat(random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()).normalized();
    }

    @Test
    void keepsEveryQuaternionBitForBitAcrossPages() {
        Random random = new Random(5);
        int page = FramePages.framesPerPage(4 * 3), frames = 2 * page + 7;
        Quat[][] given = new Quat[frames][3];
        for (Quat[] frame : given) {
            for (int j = 0; j < frame.length; j++) {
                frame[j] = random(random);
            }
        }
        given[1][2] = new Quat(-0.0, 0.0, -1, 0);
        JointRotations kept = JointRotations.of(given);
        assertEquals(frames, kept.frameCount());
        assertEquals(3, kept.jointCount());
        for (int f = 0; f < frames; f++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(given[f][j], kept.get(f, j), "frame " + f + ", joint " + j);
            }
        }
        JointRotations middle = kept.range(page - 2, page + 3);
        assertEquals(5, middle.frameCount());
        assertEquals(given[page + 1][1], middle.get(3, 1));
        assertEquals(given[page][0], middle.frame(2)[0]);
        assertThrows(IndexOutOfBoundsException.class, () -> middle.get(5, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> kept.get(0, 3));
    }

    @Test
    void whatWasBuiltStaysAsItWasWhenTheBuilderChangesLater() {
        JointRotations.Builder builder = new JointRotations.Builder(2);
        Quat a = new Quat(1, 0, 0, 0), b = new Quat(0, 1, 0, 0);
        builder.set(3, 1, a);
        assertEquals(new Quat(0, 0, 0, 0), builder.get(5000, 0), "nothing set there");
        JointRotations built = builder.build(0, 4);
        builder.set(3, 1, b);
        builder.set(5000, 0, b);
        assertEquals(a, built.get(3, 1));
        assertEquals(b, builder.get(3, 1));
        assertEquals(b, builder.build(4990, 5001).get(10, 0));
    }

    @Test
    void aMotionChecksItsRotationsAgainstItsSkeleton() {
        Skeleton skeleton = AdultSkeleton.smpl24();
        Quat[][] tooFew = {{Quat.IDENTITY}};
        assertThrows(IllegalArgumentException.class, () -> new Motion(skeleton, 30, new Vec3[]{Vec3.ZERO}, tooFew));
        assertEquals(0, new Motion(skeleton, 30, new Vec3[0], new Quat[0][]).frameCount());
    }

    @Test
    void aRigOfManyJointsTakesFewerFramesAPage() {
        Random random = new Random(6);
        int joints = 60, frames = 3 * FramePages.framesPerPage(4 * joints) + 1;
        Quat[][] given = new Quat[frames][joints];
        for (Quat[] frame : given) {
            for (int j = 0; j < joints; j++) {
                frame[j] = random(random);
            }
        }
        JointRotations kept = JointRotations.of(given);
        for (int f = 0; f < frames; f++) {
            assertEquals(given[f][f % joints], kept.get(f, f % joints), "frame " + f);
        }
    }
}
