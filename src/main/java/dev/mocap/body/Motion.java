package dev.mocap.body;

/**
 * An animation of a {@link Skeleton} at a constant frame rate: per frame the root joint's world
 * position (metres) and every joint's local rotation relative to its rest frame (parent-relative
 * unit quaternions; joint 0's is its world rotation). World axes: Y up, subject facing +Z at
 * rest, subject's left +X. Optional per-frame confidence in [0, 1] and foot contacts.
 * Arrays are shared, not copied: treat a Motion as immutable.
 */
public record Motion(Skeleton skeleton, double fps, Vec3[] rootPositions, Quat[][] rotations,
                     double[] confidence, FootContacts contacts) {

    public Motion {
        if (!(fps > 0)) {
            throw new IllegalArgumentException("frame rate must be positive: " + fps);
        }
        if (rootPositions.length != rotations.length) {
            throw new IllegalArgumentException(rootPositions.length + " root positions for " + rotations.length + " frames");
        }
        for (Quat[] frame : rotations) {
            if (frame.length != skeleton.size()) {
                throw new IllegalArgumentException("a frame has " + frame.length + " rotations for " + skeleton.size() + " joints");
            }
        }
        if (confidence != null && confidence.length != rotations.length) {
            throw new IllegalArgumentException("confidence has " + confidence.length + " values for " + rotations.length + " frames");
        }
        if (contacts != null && contacts.frameCount() != rotations.length) {
            throw new IllegalArgumentException("contacts cover " + contacts.frameCount() + " of " + rotations.length + " frames");
        }
    }

    /** A motion without confidence or contacts. */
    public Motion(Skeleton skeleton, double fps, Vec3[] rootPositions, Quat[][] rotations) {
        this(skeleton, fps, rootPositions, rotations, null, null);
    }

    public int frameCount() {
        return rotations.length;
    }

    public double duration() {
        return frameCount() / fps;
    }

    /** World positions of every joint at a frame. */
    public Vec3[] jointPositions(int frame) {
        return ForwardKinematics.positions(skeleton, rootPositions[frame], rotations[frame]);
    }

    /** The frames played in a loop until there are {@code frames} of them (confidence and contacts dropped): long inputs for benchmarks. */
    public Motion looped(int frames) {
        Vec3[] root = new Vec3[frames];
        Quat[][] turns = new Quat[frames][];
        for (int t = 0; t < frames; t++) {
            root[t] = rootPositions[t % frameCount()];
            turns[t] = rotations[t % frameCount()];
        }
        return new Motion(skeleton, fps, root, turns);
    }

    public Motion withContacts(FootContacts footContacts) {
        return new Motion(skeleton, fps, rootPositions, rotations, confidence, footContacts);
    }
}
