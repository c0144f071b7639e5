package dev.mocap.body;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.mocap.body.Smpl24.COUNT;
import static dev.mocap.body.Smpl24.RIGHT_HIP;
import static dev.mocap.body.Smpl24.RIGHT_KNEE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FootContactDetectorTest {
    /** Standing still for two seconds on the left leg, the right hip and knee turned as given (degrees about X and Z). */
    private static Motion standing(double rightHipX, double rightHipZ, double rightKneeX) {
        int frames = 60;
        Vec3[] root = new Vec3[frames];
        Quat[][] rotations = new Quat[frames][];
        for (int f = 0; f < frames; f++) {
            root[f] = new Vec3(0, TestMotions.PELVIS_HEIGHT, 0);
            Quat[] q = new Quat[COUNT];
            Arrays.fill(q, Quat.IDENTITY);
            q[RIGHT_HIP] = Quat.axisAngle(Vec3.X, Math.toRadians(rightHipX)).times(Quat.axisAngle(Vec3.Z, Math.toRadians(rightHipZ)));
            q[RIGHT_KNEE] = Quat.axisAngle(Vec3.X, Math.toRadians(rightKneeX));
            rotations[f] = q;
        }
        Motion standing = new Motion(TestMotions.humanSkeleton(), 30, root, rotations, null, null);
        double lowest = Double.POSITIVE_INFINITY;
        for (int f = 0; f < frames; f++) {
            lowest = Math.min(lowest, standing.jointPositions(f)[Smpl24.LEFT_FOOT].y());
        }
        Vec3[] grounded = new Vec3[frames];
        Arrays.fill(grounded, root[0].minus(new Vec3(0, lowest, 0)));
        return new Motion(standing.skeleton(), 30, grounded, rotations, null, null);
    }

    @Test
    void aFootHeldUpAllAlongIsNeverPlantedTheStandingOneAlways() {
        Motion motion = standing(-10, 0, 90);
        assertTrue(motion.jointPositions(0)[Smpl24.RIGHT_FOOT].y() > 0.3, "the right foot is held up");
        FootContacts contacts = FootContactDetector.detect(motion);
        for (int f = 0; f < motion.frameCount(); f++) {
            assertTrue(contacts.left()[f], "frame " + f + ": the standing foot is planted");
            assertEquals(false, contacts.right()[f], "frame " + f + ": the raised foot is not");
        }
    }

    @Test
    void aStillFootHoveringAFewCentimetresIsPlantedForTheLockToPutDown() {
        Motion motion = standing(0, 15, 0);
        double hover = motion.jointPositions(0)[Smpl24.RIGHT_FOOT].y() - motion.jointPositions(0)[Smpl24.LEFT_FOOT].y();
        assertTrue(hover > 0.02 && hover < 0.06, "the right foot hovers " + hover + " m");
        FootContacts contacts = FootContactDetector.detect(motion);
        for (int f = 0; f < motion.frameCount(); f++) {
            assertTrue(contacts.left()[f] && contacts.right()[f], "frame " + f + ": both feet planted");
        }
    }
}
