package dev.mocap.retarget;

import dev.mocap.body.FootContacts;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

/** A motion at another frame rate: positions interpolated linearly, rotations by slerp, contacts from the nearest frame. */
final class Resampling {

    static Motion toRate(Motion motion, double fps) {
        if (fps == motion.fps() || motion.frameCount() < 2) {
            return motion;
        }
        int frames = (int) Math.floor((motion.frameCount() - 1) * fps / motion.fps() + 1e-9) + 1;
        Vec3[] roots = new Vec3[frames];
        Quat[][] rotations = new Quat[frames][];
        double[] confidence = motion.confidence() == null ? null : new double[frames];
        FootContacts contacts = motion.contacts() == null ? null : new FootContacts(new boolean[frames], new boolean[frames]);
        for (int f = 0; f < frames; f++) {
            double x = f * motion.fps() / fps;
            int a = Math.min((int) Math.floor(x), motion.frameCount() - 2);
            double t = x - a;
            roots[f] = motion.rootPositions()[a].lerp(motion.rootPositions()[a + 1], t);
            rotations[f] = new Quat[motion.skeleton().size()];
            for (int j = 0; j < rotations[f].length; j++) {
                rotations[f][j] = motion.rotations().get(a, j).slerp(motion.rotations().get(a + 1, j), t);
            }
            int nearest = t < 0.5 ? a : a + 1;
            if (confidence != null) {
                confidence[f] = motion.confidence()[a] + (motion.confidence()[a + 1] - motion.confidence()[a]) * t;
            }
            if (contacts != null) {
                contacts.left()[f] = motion.contacts().left()[nearest];
                contacts.right()[f] = motion.contacts().right()[nearest];
            }
        }
        return new Motion(motion.skeleton(), fps, roots, rotations, confidence, contacts);
    }

    private Resampling() {
    }
}
