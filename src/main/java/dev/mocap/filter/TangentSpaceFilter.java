package dev.mocap.filter;

import dev.mocap.body.JointRotations;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

/**
 * Runs a scalar {@link SignalFilter} over every channel of a motion: the three axes of the root
 * translation (metres) and, per joint, the three axes of its {@link RotationPath} (radians).
 */
public record TangentSpaceFilter(SignalFilter signal) implements MotionFilter {

    @Override
    public Motion apply(Motion motion) {
        int n = motion.frameCount(), joints = motion.skeleton().size();
        if (n == 0) {
            return motion;
        }
        double fps = motion.fps();
        Vec3[] root = filteredRoot(motion.rootPositions(), fps);
        JointRotations.Builder rotations = new JointRotations.Builder(joints);
        Quat[] track = new Quat[n];
        for (int j = 0; j < joints; j++) {
            for (int t = 0; t < n; t++) {
                track[t] = motion.rotations().get(t, j);
            }
            RotationPath path = RotationPath.of(track);
            double[][] filtered = new double[3][];
            for (int a = 0; a < 3; a++) {
                filtered[a] = signal.apply(path.axis(a), fps);
            }
            Quat[] smooth = path.along(filtered);
            for (int t = 0; t < n; t++) {
                rotations.set(t, j, smooth[t]);
            }
        }
        return new Motion(motion.skeleton(), fps, root, rotations.build(0, n), motion.confidence(), motion.contacts());
    }

    private Vec3[] filteredRoot(Vec3[] root, double fps) {
        double[][] axes = new double[3][root.length];
        for (int t = 0; t < root.length; t++) {
            for (int a = 0; a < 3; a++) {
                axes[a][t] = root[t].get(a);
            }
        }
        for (int a = 0; a < 3; a++) {
            axes[a] = signal.apply(axes[a], fps);
        }
        Vec3[] out = new Vec3[root.length];
        for (int t = 0; t < out.length; t++) {
            out[t] = new Vec3(axes[0][t], axes[1][t], axes[2][t]);
        }
        return out;
    }
}
