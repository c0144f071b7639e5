package dev.mocap.format.bvh;

import dev.mocap.format.EulerOrder;

/**
 * How {@link BvhWriter} writes a file: the length unit and the rotation channel order.
 *
 * <p>The default order is {@link EulerOrder#ZXY} ({@code Zrotation Xrotation Yrotation}): it is
 * the most common BVH layout (Biovision's original, MotionBuilder, Mixamo), and on a Y-up skeleton
 * with world-aligned rest frames it puts the sideways X axis in the middle, where the gimbal lock
 * at ±90° is reached only by bending a joint straight forward or back. With Z in the middle,
 * arms hanging down from a T-pose rest would sit at the lock; with Y in the middle, a quarter turn
 * of the whole body would.
 */
public record BvhOptions(Unit unit, EulerOrder rotationOrder) {

    /** File length units. Blender reads 1 BVH unit as 1 m; many other tools expect centimetres. */
    public enum Unit {
        METRES(1), CENTIMETRES(100);

        private final double perMetre;

        Unit(double perMetre) {
            this.perMetre = perMetre;
        }

        public double perMetre() {
            return perMetre;
        }
    }

    public static final BvhOptions DEFAULT = new BvhOptions(Unit.METRES, EulerOrder.ZXY);

    public BvhOptions {
        if (unit == null || rotationOrder == null) {
            throw new IllegalArgumentException("unit and rotation order are required");
        }
    }

    public BvhOptions withUnit(Unit newUnit) {
        return new BvhOptions(newUnit, rotationOrder);
    }

    public BvhOptions withRotationOrder(EulerOrder order) {
        return new BvhOptions(unit, order);
    }
}
