package dev.mocap.format.bvh;

import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

/**
 * One joint of a BVH hierarchy as written in the file (file units): its channels, in file order,
 * occupy the columns {@code firstColumn ... firstColumn + channels.length - 1} of every frame line.
 */
final class BvhJoint {
    /** Channel kinds: axis (0 = X, 1 = Y, 2 = Z), plus 3 for rotations. */
    static final int ROTATION = 3;
    private static final Vec3[] AXES = {Vec3.X, Vec3.Y, Vec3.Z};

    final String name;
    final int parent;
    final Vec3 offset;
    final int[] channels;
    final int firstColumn;
    Vec3 endSite;

    BvhJoint(String name, int parent, Vec3 offset, int[] channels, int firstColumn) {
        this.name = name;
        this.parent = parent;
        this.offset = offset;
        this.channels = channels;
        this.firstColumn = firstColumn;
    }

    boolean hasPosition() {
        for (int kind : channels) {
            if (kind < ROTATION) {
                return true;
            }
        }
        return false;
    }

    /** The position channels of a frame line as a vector; axes without a channel read 0, as in Blender. */
    Vec3 position(double[] values) {
        double[] p = new double[3];
        for (int i = 0; i < channels.length; i++) {
            if (channels[i] < ROTATION) {
                p[channels[i]] = values[firstColumn + i];
            }
        }
        return new Vec3(p[0], p[1], p[2]);
    }

    /** The rotation channels of a frame line (degrees), multiplied in the order they are listed. */
    Quat rotation(double[] values) {
        Quat q = Quat.IDENTITY;
        for (int i = 0; i < channels.length; i++) {
            if (channels[i] >= ROTATION) {
                q = q.times(Quat.axisAngle(AXES[channels[i] - ROTATION], Math.toRadians(values[firstColumn + i])));
            }
        }
        return q;
    }
}
