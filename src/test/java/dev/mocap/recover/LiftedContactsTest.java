package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The network judges both feet planted, and the fit leaves the right one 0.2 m above the left:
 * that contact is dropped as a foot in mid-air where the foot moves in the image, and kept where
 * it stands still there (the picture agrees with the network; the fit's height is wrong).
 */
class LiftedContactsTest {
    private static final double RAISED = 0.2, JUDGED = 0.9;

    @Test
    void aRaisedFootMovingInTheImageLosesItsContact() {
        assertContacts(afterDrop(10, 1), 0);
    }

    @Test
    void aRaisedFootStillInTheImageKeepsItsContact() {
        assertContacts(afterDrop(0, 1), JUDGED);
    }

    @Test
    void aRaisedFootBarelySeenLosesItsContactThoughItsPointsStandStill() {
        assertContacts(afterDrop(0, 0.2), 0);
    }

    /**
     * The judged contacts after the fit's drop, the raised foot moving {@code pxPerFrame} in the
     * image (4 m away, f = 1000 px) with its heel and toe at weight {@code weight}.
     */
    private static Track afterDrop(double pxPerFrame, double weight) {
        Track track = judgedTrack(31);
        fit().dropLiftedContacts(track, StillFeetTest.frames(pxPerFrame, weight), footPoints(31));
        return track;
    }

    private static void assertContacts(Track track, double raisedFoot) {
        for (int k = 0; k < track.size(); k++) {
            assertEquals(JUDGED, track.footContact(k)[0], "the lower foot, frame " + k);
            assertEquals(raisedFoot, track.footContact(k)[1], "the raised foot, frame " + k);
        }
    }

    private static TemporalFit fit() {
        return new TemporalFit(SyntheticBody.BODY, Camera.atOrigin(1000, 1000, 1000), 1, 1);
    }

    private static Track judgedTrack(int frames) {
        Track track = new Track(frames);
        Quat[] rest = new Quat[SyntheticBody.BODY.skeleton().size()];
        Arrays.fill(rest, Quat.IDENTITY);
        for (int k = 0; k < frames; k++) {
            track.set(k, Vec3.ZERO, rest, 1, new double[]{JUDGED, JUDGED});
        }
        return track;
    }

    /** The fit's heels and toes (in the order of the body's foot attachments): the left on the floor, the right raised. */
    private static Vec3[][] footPoints(int frames) {
        List<Attachment> feet = SyntheticBody.BODY.attachments().stream()
                .filter(a -> TemporalFit.FOOT_LANDMARKS.contains(a.landmark())).toList();
        Vec3[][] points = new Vec3[frames][feet.size()];
        for (Vec3[] frame : points) {
            for (int i = 0; i < feet.size(); i++) {
                frame[i] = new Vec3(0, BlazePose.isLeft(feet.get(i).landmark()) ? 0 : RAISED, 4);
            }
        }
        return points;
    }
}
