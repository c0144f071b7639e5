package dev.mocap.retarget;

import dev.mocap.body.Matrix4;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;
import dev.mocap.format.fbx.binary.FbxBinaryReader;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A Model object of an FBX file (id, name, type, its Properties70 over the file's template) and
 * its transform: under its parent, and in the world for its InheritType, as the FBX SDK composes
 * them.
 */
record FbxModel(long id, String name, String type, Map<String, List<Object>> properties) {
    private static final List<String> ROTATION_ORDERS = List.of("XYZ", "XZY", "YZX", "YXZ", "ZXY", "ZYX");
    /** FBX's InheritType values: eInheritRrSs, eInheritRSrs (an ordinary scene graph), eInheritRrs. */
    private static final int RR_SS = 0, R_SRS = 1, RRS = 2;

    Vec3 vector(String property, Vec3 fallback) {
        List<Object> v = properties.get(property);
        return v == null || v.size() < 3 ? fallback : new Vec3(number(v.get(0)), number(v.get(1)), number(v.get(2)));
    }

    double scalar(String property, double fallback) {
        List<Object> v = properties.get(property);
        return v == null || v.isEmpty() ? fallback : number(v.get(0));
    }

    static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : value instanceof Boolean b && b ? 1 : 0;
    }

    /**
     * The node's world matrix from its parent's ({@code parent} null at the scene root). The
     * translation always goes through the parent's whole matrix; rotation and scale depend on the
     * InheritType: RSrs, parent · local; RrSs, the parent's scale (and shear) applied after the
     * node's own rotation, so it stays along the parent's axes; Rrs, as RrSs without the parent's
     * own Lcl Scaling (Maya's segment scale compensation). Without the property the FBX SDK reads
     * RrSs (FBX2glTF names it so), which differs from RSrs only under a non-uniform parent scale.
     */
    Matrix4 world(Matrix4 parentWorld, FbxModel parent) throws IOException {
        Matrix4 whole = parentWorld.times(local());
        int inherit = (int) scalar("InheritType", RR_SS);
        if (inherit == R_SRS) {
            return whole;
        }
        if (inherit != RR_SS && inherit != RRS) {
            throw new IOException("bone " + FbxBinaryReader.printable(name) + " has InheritType " + inherit
                    + ", not one of FBX's (0 RrSs, 1 RSrs, 2 Rrs)");
        }
        Quat parentRotation = parentWorld.rotationPart();
        Matrix4 parentScaleShear = Matrix4.rotation(parentRotation.conjugate()).times(parentWorld.withTranslation(Vec3.ZERO));
        if (inherit == RRS && parent != null) {
            Vec3 s = parent.scaling();
            parentScaleShear = parentScaleShear.times(Matrix4.scaling(new Vec3(1 / s.x(), 1 / s.y(), 1 / s.z())));
        }
        return Matrix4.rotation(parentRotation.times(rotation())).times(parentScaleShear).times(Matrix4.scaling(scaling()))
                .withTranslation(whole.translationPart());
    }

    /** The node's transform under its parent: T · Roff · Rp · Rpre · R · Rpost⁻¹ · Rp⁻¹ · Soff · Sp · S · Sp⁻¹. */
    Matrix4 local() {
        Vec3 rotationPivot = vector("RotationPivot", Vec3.ZERO), scalingPivot = vector("ScalingPivot", Vec3.ZERO);
        return Matrix4.translation(vector("Lcl Translation", Vec3.ZERO))
                .times(Matrix4.translation(vector("RotationOffset", Vec3.ZERO)))
                .times(Matrix4.translation(rotationPivot))
                .times(Matrix4.rotation(rotation()))
                .times(Matrix4.translation(rotationPivot.times(-1)))
                .times(Matrix4.translation(vector("ScalingOffset", Vec3.ZERO)))
                .times(Matrix4.translation(scalingPivot))
                .times(Matrix4.scaling(scaling()))
                .times(Matrix4.translation(scalingPivot.times(-1)));
    }

    /** Rpre · R · Rpost⁻¹; the pre- and post-rotations count only with RotationActive. */
    private Quat rotation() {
        boolean rotationActive = scalar("RotationActive", 0) != 0;
        int order = rotationActive ? (int) scalar("RotationOrder", 0) : 0;
        Quat pre = rotationActive ? euler(vector("PreRotation", Vec3.ZERO), 0) : Quat.IDENTITY;
        Quat post = rotationActive ? euler(vector("PostRotation", Vec3.ZERO), 0) : Quat.IDENTITY;
        return pre.times(euler(vector("Lcl Rotation", Vec3.ZERO), order)).times(post.conjugate());
    }

    private Vec3 scaling() {
        return vector("Lcl Scaling", new Vec3(1, 1, 1));
    }

    /** Degrees about X, Y, Z applied in the FBX order (0 = XYZ: X first); 6, spheric XYZ, as XYZ. */
    private static Quat euler(Vec3 degrees, int order) {
        String axes = ROTATION_ORDERS.get(order >= 0 && order < ROTATION_ORDERS.size() ? order : 0);
        Quat q = Quat.IDENTITY;
        for (char axis : axes.toCharArray()) {
            int a = axis - 'X';
            Vec3 unit = a == 0 ? Vec3.X : a == 1 ? Vec3.Y : Vec3.Z;
            q = Quat.axisAngle(unit, Math.toRadians(degrees.get(a))).times(q);
        }
        return q;
    }
}
