package dev.mocap.pipeline;

import dev.mocap.body.FootContactDetector;
import dev.mocap.body.FootContacts;
import dev.mocap.body.Motion;
import dev.mocap.filter.FootLock;
import dev.mocap.filter.MotionFilter;

/**
 * What follows recovery (or reading SMPL parameters): smoothing, foot contacts, and locking planted
 * feet. A foot is planted where the motion's feet show it, and also where the motion already says
 * so (the lifting network's judgement, {@code --recovery learned}).
 */
public final class MotionFinishing {

    public static Motion apply(Motion motion, MotionFilter smoothing, boolean footLock) {
        Motion smooth = smoothing.apply(motion);
        FootContacts seen = FootContactDetector.detect(smooth);
        Motion withContacts = smooth.withContacts(motion.contacts() == null ? seen : motion.contacts().or(seen));
        if (!footLock) {
            return withContacts;
        }
        // Pulled down to the floor, a foot can look planted on more frames than before: lock those too.
        FootContacts after = FootContactDetector.detect(FootLock.DEFAULT.apply(withContacts));
        return FootLock.DEFAULT.apply(smooth.withContacts(withContacts.contacts().or(after)));
    }

    private MotionFinishing() {
    }
}
