package dev.mocap.body;

import java.util.Arrays;

/**
 * Every frame's joint rotations of a {@link Motion}, kept as plain doubles (w, x, y, z per joint
 * and frame) in pages of {@value #PAGE} frames instead of a {@link Quat} object each: 24 joints
 * take 768 bytes a frame instead of about 1.3 KB, and a long motion grows page by page without
 * being copied (only the last page is shorter, so that a short motion stays small). The values are the quaternions' own, bit for bit. Immutable; ranges share pages.
 */
public final class JointRotations {
    static final int PAGE = 1024;

    private final double[][] pages;
    private final int joints, first, frames;

    private JointRotations(double[][] pages, int joints, int first, int frames) {
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
        return read(pages, joints, first + frame, joint);
    }

    private static Quat read(double[][] pages, int joints, int frame, int joint) {
        double[] page = pages[frame / PAGE];
        int at = 4 * ((frame % PAGE) * joints + joint);
        return new Quat(page[at], page[at + 1], page[at + 2], page[at + 3]);
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
     * Rotations filled in frame by frame, in any order, growing a page at a time. What
     * {@link #build} hands out shares the pages: a later change copies them first.
     */
    public static final class Builder {
        private final int joints;
        private double[][] pages = new double[0][];
        private boolean shared;

        public Builder(int joints) {
            this.joints = joints;
        }

        public int joints() {
            return joints;
        }

        public void set(int frame, int joint, Quat q) {
            if (joint < 0 || joint >= joints) {
                throw new IndexOutOfBoundsException("joint " + joint + " of " + joints);
            }
            reach(frame);
            double[] page = pages[frame / PAGE];
            int at = 4 * ((frame % PAGE) * joints + joint);
            page[at] = q.w();
            page[at + 1] = q.x();
            page[at + 2] = q.y();
            page[at + 3] = q.z();
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
            int page = frame / PAGE, at = 4 * ((frame % PAGE) * joints + joint);
            if (joint < 0 || joint >= joints) {
                throw new IndexOutOfBoundsException("joint " + joint + " of " + joints);
            }
            if (page >= pages.length || at >= pages[page].length) {
                return new Quat(0, 0, 0, 0);
            }
            return read(pages, joints, frame, joint);
        }

        /** Frames {@code from} (inclusive) to {@code to} (exclusive) as set so far. */
        public JointRotations build(int from, int to) {
            if (to > 0) {
                reach(to - 1);
            }
            shared = true;
            return new JointRotations(pages, joints, 0, to).range(from, to);
        }

        /** Room for {@code frame}: full pages before its own, and its own page long enough (doubling, so short motions stay small). */
        private void reach(int frame) {
            if (frame < 0) {
                throw new IndexOutOfBoundsException("frame " + frame);
            }
            if (shared) {
                pages = Arrays.stream(pages).map(double[]::clone).toArray(double[][]::new);
                shared = false;
            }
            int page = frame / PAGE, full = 4 * PAGE * joints;
            if (page >= pages.length) {
                int had = pages.length;
                pages = Arrays.copyOf(pages, page + 1);
                if (had > 0) {
                    pages[had - 1] = Arrays.copyOf(pages[had - 1], full);
                }
                for (int p = had; p < page; p++) {
                    pages[p] = new double[full];
                }
                pages[page] = new double[0];
            }
            int needed = 4 * (frame % PAGE + 1) * joints;
            if (pages[page].length < needed) {
                pages[page] = Arrays.copyOf(pages[page], Math.min(full, Math.max(needed, 2 * pages[page].length)));
            }
        }
    }
}
