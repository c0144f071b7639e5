package dev.mocap.body;

/**
 * Every joint's world position at every frame of a motion, as plain doubles (in
 * {@link FramePages}): 576 bytes a frame for 24 joints instead of about 1.1 KB of {@link Vec3}
 * objects and arrays, for the figures and filters that read the positions of a whole long motion.
 */
public final class JointPaths {
    private final FramePages xyz;
    private final int frames, joints;

    private JointPaths(FramePages xyz, int frames, int joints) {
        this.xyz = xyz;
        this.frames = frames;
        this.joints = joints;
    }

    public static JointPaths of(Motion motion) {
        int n = motion.frameCount(), joints = motion.skeleton().size();
        FramePages xyz = new FramePages(3 * joints);
        for (int f = 0; f < n; f++) {
            Vec3[] frame = motion.jointPositions(f);
            for (int j = 0; j < joints; j++) {
                xyz.set(f, 3 * j, frame[j].x());
                xyz.set(f, 3 * j + 1, frame[j].y());
                xyz.set(f, 3 * j + 2, frame[j].z());
            }
        }
        return new JointPaths(xyz, n, joints);
    }

    public int frameCount() {
        return frames;
    }

    public int jointCount() {
        return joints;
    }

    public Vec3 get(int frame, int joint) {
        if (frame < 0 || frame >= frames || joint < 0 || joint >= joints) {
            throw new IndexOutOfBoundsException("joint " + joint + " at frame " + frame + " of " + frames + " × " + joints);
        }
        return new Vec3(xyz.get(frame, 3 * joint), xyz.get(frame, 3 * joint + 1), xyz.get(frame, 3 * joint + 2));
    }
}
