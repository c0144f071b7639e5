package dev.mocap.format.fbx;

import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;
import dev.mocap.format.EulerOrder;

import java.util.List;

/**
 * Rotation curves in FBX terms. FBX names an Euler order by the order the axes are applied, the
 * reverse of the product order {@link EulerOrder} uses: FBX's "XYZ" (RotationOrder 0) is
 * R = Rz · Ry · Rx, {@link EulerOrder#ZYX}.
 */
final class EulerChannels {
    private static final List<String> FBX_ROTATION_ORDERS = List.of("XYZ", "XZY", "YZX", "YXZ", "ZXY", "ZYX");

    /** The value of a Model's {@code RotationOrder} property. */
    static int fbxRotationOrder(EulerOrder order) {
        return FBX_ROTATION_ORDERS.indexOf(new StringBuilder(order.name()).reverse().toString());
    }

    /**
     * Per frame, the angles in degrees about X, Y and Z, each frame's triple the equivalent one
     * nearest the previous: readers interpolate Euler curves linearly, so a jump would spin the joint.
     */
    static Vec3[] degrees(Quat[] rotations, EulerOrder order) {
        Vec3[] degrees = new Vec3[rotations.length];
        double[] previous = null;
        for (int i = 0; i < rotations.length; i++) {
            double[] angles = order.anglesNear(rotations[i], previous);
            double[] aboutAxis = new double[3];
            for (int position = 0; position < 3; position++) {
                aboutAxis[order.axis(position)] = Math.toDegrees(angles[position]);
            }
            degrees[i] = new Vec3(aboutAxis[0], aboutAxis[1], aboutAxis[2]);
            previous = angles;
        }
        return degrees;
    }

    private EulerChannels() {
    }
}
