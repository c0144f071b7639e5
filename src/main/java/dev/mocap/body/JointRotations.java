package dev.mocap.body;

/**
 * Every frame's joint rotations of a {@link Motion}, kept as plain doubles (w, x, y, z per joint
 * and frame, in {@link FramePages}) instead of a {@link Quat} object each: 24 joints take 768
 * bytes a frame instead of about 1.3 KB. The values are the quaternions' own, bit for bit.
 * Immutable; ranges share pages.
 */
public final class JointRotations {
    private final FramePages pages;
    private final int joints, first, frames;

    private JointRotations(FramePages pages, int joints, int first, int frames) {
        this.pages = pages;
        this.joints = joints;
        this.first = first;
        this.frames = frames;
    }

    /** Rotations frame by frame; every frame has as many joints as the first. */
    public static JointRotations of(Quat[][] rotations) {
        Builder builder = new Builder(rotations.length == 0 ? 0 : rotations[0].length);
        for (int f = 0; f < rotations.length; f++) {
            builder.setFrame(f, rotations[f]);
        }
        return builder.build(0, rotations.length);
    }

    public int frameCount() {
        return frames;
    }

    public int jointCount() {
        return joints;
    }

    public Quat get(int frame, int joint) {
        if (frame < 0 || frame >= frames || joint < 0 || joint >= joints) {
            throw new IndexOutOfBoundsException("rotation of joint " + joint + " at frame " + frame + " of " + frames + " × " + joints);
        }
        return read(pages, first + frame, joint);
    }

    private static Quat read(FramePages pages, int frame, int joint) {
        return new Quat(pages.get(frame, 4 * joint), pages.get(frame, 4 * joint + 1), pages.get(frame, 4 * joint + 2),
                pages.get(frame, 4 * joint + 3));
    }

    /** A frame's rotations, one per joint, in a new array. */
    public Quat[] frame(int frame) {
        Quat[] out = new Quat[joints];
        for (int j = 0; j < joints; j++) {
            out[j] = get(frame, j);
        }
        return out;
    }

    /** Frames {@code from} (inclusive) to {@code to} (exclusive), sharing these pages. */
    public JointRotations range(int from, int to) {
        if (from < 0 || to > frames || from > to) {
            throw new IndexOutOfBoundsException("frames " + from + " to " + to + " of " + frames);
        }
        return new JointRotations(pages, joints, first + from, to - from);
    }

    /**
     * Rotations filled in frame by frame, in any order. What {@link #build} hands out shares the
     * pages: a later change copies them first.
     */
    public static final class Builder {
        private final int joints;
        private FramePages pages;
        private boolean shared;

        public Builder(int joints) {
            this.joints = joints;
            pages = new FramePages(4 * joints);
        }

        public int joints() {
            return joints;
        }

        public void set(int frame, int joint, Quat q) {
            if (joint < 0 || joint >= joints) {
                throw new IndexOutOfBoundsException("joint " + joint + " of " + joints);
            }
            if (shared) {
                pages = pages.copy();
                shared = false;
            }
            pages.set(frame, 4 * joint, q.w());
            pages.set(frame, 4 * joint + 1, q.x());
            pages.set(frame, 4 * joint + 2, q.y());
            pages.set(frame, 4 * joint + 3, q.z());
        }

        public void setFrame(int frame, Quat[] rotations) {
            if (rotations.length != joints) {
                throw new IllegalArgumentException("a frame has " + rotations.length + " rotations for " + joints + " joints");
            }
            for (int j = 0; j < joints; j++) {
                set(frame, j, rotations[j]);
            }
        }

        /** What was set at {@code frame} (zeros where nothing was). */
        public Quat get(int frame, int joint) {
            if (joint < 0 || joint >= joints) {
                throw new IndexOutOfBoundsException("joint " + joint + " of " + joints);
            }
            return read(pages, frame, joint);
        }

        /** Frames {@code from} (inclusive) to {@code to} (exclusive) as set so far. */
        public JointRotations build(int from, int to) {
            if (to > 0) {
                pages.reach(to - 1);
            }
            shared = true;
            return new JointRotations(pages, joints, 0, to).range(from, to);
        }
    }
}
