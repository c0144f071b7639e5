package dev.mocap.body;

/**
 * An animation of a {@link Skeleton} at a constant frame rate: per frame the root joint's world
 * position (metres) and every joint's local rotation relative to its rest frame (parent-relative
 * unit quaternions; joint 0's is its world rotation). World axes: Y up, subject facing +Z at
 * rest, subject's left +X. Optional per-frame confidence in [0, 1] and foot contacts.
 * The rotations are kept compactly ({@link JointRotations}); a motion made from {@code Quat}
 * arrays copies them there. Other arrays are shared, not copied: treat a Motion as immutable.
 */
public record Motion(Skeleton skeleton, double fps, Vec3[] rootPositions, JointRotations rotations,
                     double[] confidence, FootContacts contacts) {

    public Motion {
        if (!(fps > 0)) {
            throw new IllegalArgumentException("frame rate must be positive: " + fps);
        }
        int frames = rotations.frameCount();
        if (rootPositions.length != frames) {
            throw new IllegalArgumentException(rootPositions.length + " root positions for " + frames + " frames");
        }
        if (frames > 0 && rotations.jointCount() != skeleton.size()) {
            throw new IllegalArgumentException("a frame has " + rotations.jointCount() + " rotations for " + skeleton.size() + " joints");
        }
        if (confidence != null && confidence.length != frames) {
            throw new IllegalArgumentException("confidence has " + confidence.length + " values for " + frames + " frames");
        }
        if (contacts != null && contacts.frameCount() != frames) {
            throw new IllegalArgumentException("contacts cover " + contacts.frameCount() + " of " + frames + " frames");
        }
    }

    /** A motion of rotations given frame by frame (every frame one per joint). */
    public Motion(Skeleton skeleton, double fps, Vec3[] rootPositions, Quat[][] rotations, double[] confidence, FootContacts contacts) {
        this(skeleton, fps, rootPositions, JointRotations.of(rotations), confidence, contacts);
    }

    /** A motion without confidence or contacts. */
    public Motion(Skeleton skeleton, double fps, Vec3[] rootPositions, Quat[][] rotations) {
        this(skeleton, fps, rootPositions, rotations, null, null);
    }

    /** A motion without confidence or contacts, of rotations kept already. */
    public Motion(Skeleton skeleton, double fps, Vec3[] rootPositions, JointRotations rotations) {
        this(skeleton, fps, rootPositions, rotations, null, null);
    }

    public int frameCount() {
        return rotations.frameCount();
    }


    public double duration() {
        return frameCount() / fps;
    }

    /** World positions of every joint at a frame. */
    public Vec3[] jointPositions(int frame) {
        return ForwardKinematics.positions(skeleton, rootPositions[frame], rotations.frame(frame));
    }

    /** The frames played in a loop until there are {@code frames} of them (confidence and contacts dropped): long inputs for benchmarks. */
    public Motion looped(int frames) {
        Vec3[] root = new Vec3[frames];
        Quat[][] turns = new Quat[frames][];
        for (int t = 0; t < frames; t++) {
            root[t] = rootPositions[t % frameCount()];
            turns[t] = rotations.frame(t % frameCount());
        }
        return new Motion(skeleton, fps, root, turns);
    }

    public Motion withContacts(FootContacts footContacts) {
        return new Motion(skeleton, fps, rootPositions, rotations, confidence, footContacts);
    }
}
